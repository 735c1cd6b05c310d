/** Starts a local cloud over the fixture functions in a throw-away data folder. Not a test file. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalCloud, type LocalCloud, type LocalCloudOptions } from '../../localcloud';

export const FIXTURE_FUNCTIONS = join(__dirname, 'fixtures', 'functions');

export interface TestCloud {
  cloud: LocalCloud;
  dataDir: string;
  logs: string[];
  stop(): Promise<void>;
}

export async function startTestCloud(overrides: Partial<LocalCloudOptions> = {}): Promise<TestCloud> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lc-test-'));
  const logs: string[] = [];
  const cloud = await startLocalCloud({
    dataDir,
    functionsDir: FIXTURE_FUNCTIONS,
    staticDir: join(dataDir, 'no-h5-build'),
    autoTriggers: false,
    log: (line) => logs.push(line),
    ...overrides,
  });
  return {
    cloud,
    dataDir,
    logs,
    async stop() {
      await cloud.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** POSTs JSON to the server, returning status, headers and parsed body. */
export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body), redirect: 'manual' });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
}
