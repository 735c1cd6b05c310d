/**
 * Test harness: the REAL wx-server-sdk, in process, talking to a DatabaseEngine through the
 * request hook (spec §3.4 C). Not a test file itself.
 */
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { DatabaseEngine, OpenDatabaseOptions, openDatabase } from '../../localcloud/db';
import { installSdkHook } from '../../localcloud/db/sdk-hook';

// The SDK reads these at call time: dummy credentials, SCF mode (no metadata probe), an env name,
// and no 3 s slow-request timer.
process.env.TENCENTCLOUD_SECRETID = 'local-id';
process.env.TENCENTCLOUD_SECRETKEY = 'local-key';
process.env.TENCENTCLOUD_RUNENV = 'SCF';
process.env.SCF_NAMESPACE = 'test-env';
process.env.TENCENTCLOUD_REGION = 'ap-shanghai';
process.env.SILENCE = 'true';

let current: DatabaseEngine | null = null;
installSdkHook((action, params) => {
  if (!current) throw new Error('no engine in use');
  return current.handle(action, params);
});

// eslint-disable-next-line @typescript-eslint/no-var-requires
export const cloud = require('wx-server-sdk');
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });

/** Open a fresh engine (in a temp file unless given one) and route the SDK to it. */
export function useEngine(opts: Partial<OpenDatabaseOptions> = {}): DatabaseEngine {
  const file = opts.file ?? path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lc-db-')), 'db.sqlite');
  current = openDatabase({ ...opts, file });
  return current;
}

/** Route the SDK to an already open engine. */
export function routeTo(engine: DatabaseEngine): void {
  current = engine;
}

/** The database handle user code would get (`cloud.database()`), optionally with its own config. */
export function database(config?: Record<string, unknown>): any {
  return cloud.database(config);
}

/** Await a promise expected to reject and return what it rejected with. */
export async function rejection(p: Promise<unknown>): Promise<any> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected the promise to reject');
}
