/**
 * The weapp build as files: WeChat's compilers accept every template and stylesheet, and no file
 * reaches for a global that WeChat's logic layer lacks (process, window, document, fetch, …)
 * without first checking that it exists.
 */
import { readdirSync } from 'node:fs';
import { unguardedGlobals } from './stand-in/globals-check';
import { DIST_DIR } from './stand-in/phone';
import { Templates } from './stand-in/templates';

const files = (ext: string) => (readdirSync(DIST_DIR, { recursive: true }) as string[]).filter((f) => f.endsWith(ext)).sort();

it('uses no global that WeChat lacks, unless it checks with typeof first', () => {
  const uses = unguardedGlobals(DIST_DIR, files('.js')).map((u) => `${u.name} in ${u.file}:${u.line}`);
  expect(uses).toEqual([]);
});

it('compiles every .wxml with wcc, and base.wxml has the templates Taro picks from', () => {
  const templates = new Templates(DIST_DIR);
  expect(files('.wxml').length).toBeGreaterThan(40);
  // The root template and the text node's: without these nothing renders at all.
  expect(templates.hasTemplate('taro_tmpl')).toBe(true);
  expect(templates.hasTemplate('tmpl_0_9')).toBe(true);
});

it('compiles every .wxss with wcsc', () => {
  expect(Templates.checkStyles(DIST_DIR)).toBe(files('.wxss').length);
});
