/**
 * The weapp layer's world: a local cloud with the demo union, its clock started at the test
 * instant, and phones running dist/ (the weapp production build made by `npm run build:weapp`)
 * for whichever members a test picks.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startLocalCloud, type LocalCloud } from '../../../localcloud';
import { demoOpenid } from '../../../scripts/demo/union';
import { seedDemoUnion } from '../../../scripts/demo/seed';
import { testNow } from '../../support/test-instant';
import { DIST_DIR, Phone } from '../stand-in/phone';
import { Templates } from '../stand-in/templates';

const root = path.resolve(__dirname, '../../..');

export interface WeappWorld {
  cloud: LocalCloud;
  templates: Templates;
  /** A phone signed in to WeChat as `openid`, opened at `entry`. */
  phone(openid: string, entry?: string): Phone;
  stop(): Promise<void>;
}

export { demoOpenid };

export async function startWeappWorld(): Promise<WeappWorld> {
  if (!existsSync(path.join(DIST_DIR, 'app.js'))) throw new Error('dist/ is missing: run `npm run build:weapp` first (npm test does).');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'jgzj-weapp-'));
  const cloud = await startLocalCloud({ dataDir, port: 0, functionsDir: path.join(root, 'cloudfunctions'), staticDir: path.join(root, 'dist-h5'), autoTriggers: false, log: () => undefined });
  cloud.clock.startAt(testNow());
  seedDemoUnion(cloud.db, cloud.clock.now());
  const templates = new Templates(DIST_DIR);
  const phones: Phone[] = [];
  return {
    cloud,
    templates,
    phone(openid, entry) {
      const phone = Phone.launch({ distDir: DIST_DIR, cloudUrl: cloud.url, now: () => cloud.clock.now(), openid, entry, templates, phoneCode: (number, cc) => cloud.script.phoneCode(number, cc), log: process.env.WEAPP_LOG ? (level, text) => console.log(`[weapp ${level}] ${text}`) : undefined });
      phones.push(phone);
      return phone;
    },
    async stop() {
      for (const phone of phones) phone.close();
      await cloud.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
