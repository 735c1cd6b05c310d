/**
 * End to end: the H5 build (dist-h5, made by `npm run build:h5`) served by a local cloud on
 * 127.0.0.1 with the demo union, driven in Debian's Chromium by playwright-core.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startLocalCloud, type LocalCloud } from '../../../localcloud';
import { seedDemoUnion } from '../../../scripts/demo/seed';

const root = path.resolve(__dirname, '../../..');
export const screenshotDir = path.join(root, 'test-results', 'e2e');

export interface E2eApp {
  cloud: LocalCloud;
  browser: Browser;
  /** A fresh phone-sized browser context: a person with nothing signed in. */
  newPerson(): Promise<{ context: BrowserContext; page: Page }>;
  stop(): Promise<void>;
}

export async function startApp(): Promise<E2eApp> {
  const staticDir = path.join(root, 'dist-h5');
  if (!existsSync(path.join(staticDir, 'index.html'))) throw new Error('dist-h5 is missing: run `npm run build:h5` first (npm test does).');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'jgzj-e2e-'));
  const cloud = await startLocalCloud({ dataDir, port: 0, functionsDir: path.join(root, 'cloudfunctions'), staticDir, autoTriggers: false, log: () => undefined });
  seedDemoUnion(cloud.db);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  mkdirSync(screenshotDir, { recursive: true });
  const contexts: BrowserContext[] = [];
  return {
    cloud,
    browser,
    async newPerson() {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', baseURL: cloud.url });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(15000);
      return { context, page };
    },
    async stop() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
      await cloud.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Signs in on the local cloud's sign-in page as the member with this name. */
export async function signInAs(page: Page, name: string): Promise<void> {
  await page.goto('/__dev/signin');
  await page.locator('button.row', { hasText: name }).first().click();
  await page.waitForURL((url) => !url.pathname.startsWith('/__dev'));
}

/** A screenshot once the page has stopped sliding in (Taro animates page changes). */
export async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(800);
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`) });
}
