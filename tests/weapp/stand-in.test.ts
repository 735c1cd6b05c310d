/**
 * The stand-in itself: a tiny mini-program proves that using a global WeChat lacks is caught and
 * names the file, and that setData paths land where WeChat puts them.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { unguardedGlobals } from './stand-in/globals-check';
import { Sandbox } from './stand-in/sandbox';
import { applySetData } from './stand-in/set-data';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'stand-in-'));
  mkdirSync(path.join(dir, 'pages'));
  writeFileSync(path.join(dir, 'app.js'), 'require("./common"); App({ env: globalThis.envId });');
  writeFileSync(path.join(dir, 'common.js'), 'globalThis.envId = process.env.CLOUD_ENV;');
  writeFileSync(path.join(dir, 'guarded.js'), 'module.exports = typeof window !== "undefined" ? window : typeof process === "object" ? 1 : 0;');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('fails a file that uses process, and says which file', () => {
  const apps: unknown[] = [];
  const sandbox = new Sandbox({ distDir: dir, framework: { App: (c: unknown) => apps.push(c) }, now: () => 0 });
  sandbox.require('app.js');
  expect(sandbox.errors).toEqual([expect.objectContaining({ message: 'process is not defined', file: 'common.js' })]);
  expect(unguardedGlobals(dir, ['app.js', 'common.js', 'guarded.js'])).toEqual([{ file: 'common.js', name: 'process', line: 1 }]);
});

it('gives no window, document, fetch or Node global, and a typeof check still works', () => {
  const sandbox = new Sandbox({ distDir: dir, framework: {}, now: () => Date.UTC(2027, 0, 1) });
  expect(sandbox.require('guarded.js')).toBe(0);
  for (const name of ['process', 'fetch', 'XMLHttpRequest', 'Buffer', 'setImmediate', 'require', 'global']) {
    expect(() => vm.runInContext(name, sandbox.context)).toThrow(`${name} is not defined`);
  }
  expect(vm.runInContext('new Date().toISOString()', sandbox.context)).toBe('2027-01-01T00:00:00.000Z');
});

it('applies setData paths as WeChat does, keeping untouched nodes as they were', () => {
  const data: Record<string, unknown> = { root: { cn: [{ v: 'a' }, { v: 'b' }] } };
  const second = (data.root as { cn: unknown[] }).cn[1];
  applySetData(data, { 'root.cn.[0].v': 'A', 'list[2].name': '王老师' });
  expect(data).toEqual({ root: { cn: [{ v: 'A' }, { v: 'b' }] }, list: [undefined, undefined, { name: '王老师' }] });
  expect((data.root as { cn: unknown[] }).cn[1]).toBe(second);
});
