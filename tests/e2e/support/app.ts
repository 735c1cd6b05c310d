/**
 * End to end: the H5 build (dist-h5, made by `npm run build:h5`) served by a local cloud on
 * 127.0.0.1 with the demo union, driven in Debian's Chromium by playwright-core.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { startLocalCloud, type LocalCloud } from '../../../localcloud';
import { seedDemoUnion } from '../../../scripts/demo/seed';
import { testNow } from '../../support/test-instant';

const root = path.resolve(__dirname, '../../..');
export const screenshotDir = path.join(root, 'test-results', 'e2e');

export interface E2eApp {
  cloud: LocalCloud;
  browser: Browser;
  /**
   * A fresh phone-sized browser context: a person with nothing signed in. Its clock starts where
   * the cloud's is and runs on at real speed.
   */
  newPerson(): Promise<{ context: BrowserContext; page: Page }>;
  /** Moves the cloud's clock and every browser's to `ms`; from there both run on at real speed. */
  moveClockTo(ms: number): Promise<void>;
  stop(): Promise<void>;
}

export async function startApp(options: { seed?: Parameters<typeof seedDemoUnion>[2] } = {}): Promise<E2eApp> {
  const staticDir = path.join(root, 'dist-h5');
  if (!existsSync(path.join(staticDir, 'index.html'))) throw new Error('dist-h5 is missing: run `npm run build:h5` first (npm test does).');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'jgzj-e2e-'));
  const cloud = await startLocalCloud({ dataDir, port: 0, functionsDir: path.join(root, 'cloudfunctions'), staticDir, autoTriggers: false, log: () => undefined });
  // The whole run happens at TEST_NOW (or the default instant): the cloud, the demo seed and each
  // browser start there, so the answer does not depend on the day or the hour the suite runs.
  cloud.clock.startAt(testNow());
  seedDemoUnion(cloud.db, cloud.clock.now(), options.seed);
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
      // Before any page loads, so the app never sees the machine's own date.
      await context.clock.install({ time: cloud.clock.now() });
      const page = await context.newPage();
      page.setDefaultTimeout(15000);
      return { context, page };
    },
    async moveClockTo(ms) {
      cloud.clock.startAt(ms);
      for (const context of contexts) await context.clock.setSystemTime(ms);
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

/**
 * The page at `path` (e.g. '/pages/activities/index'), once it is on show. Just after a tab is
 * tapped the page left behind is still shown for a moment, and the H5 build keeps tab pages
 * mounted: 首页 lists the month's activities, so `:visible` alone may find the same words there.
 */
export const pageAt = (page: Page, path: string): Locator => page.locator(`.taro_page:visible[id^="${path}?"], .taro_page:visible[id="${path}"]`);
