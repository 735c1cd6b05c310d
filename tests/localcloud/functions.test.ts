/**
 * Cloud functions run by the local cloud through the real wx-server-sdk: the injected context,
 * identity isolation across concurrent invocations, callFunction between functions, failures,
 * timeouts and reloading a rebuilt function.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloudError } from '../../localcloud';
import { FIXTURE_FUNCTIONS, startTestCloud, type TestCloud } from './helpers';

let t: TestCloud;
beforeAll(async () => {
  t = await startTestCloud({ instancesPerFunction: 2, functionEnv: { whoami: { LC_TEST_SETTING: 'from-console', WX_OPENID: 'o-spoofed' } } });
});
afterAll(() => t.stop());

test('getWXContext shows the injected OPENID, APPID, UNIONID, ENV and SOURCE; the token stays hidden', async () => {
  const { result } = await t.cloud.call('whoami', { hello: 1 }, { openid: 'o-alice', unionid: 'u-alice' });
  expect(result.context).toEqual({ OPENID: 'o-alice', APPID: 'wx-local-appid', UNIONID: 'u-alice', ENV: 'local-dev', SOURCE: 'wx_client' });
  expect(result.event).toEqual({ hello: 1 });
  // Cloud instances run in UTC, whatever the developer's machine says.
  expect(result.tz).toBe('UTC');
});

test('functionEnv adds configured variables but cannot override the runtime identity', async () => {
  const { result } = await t.cloud.call('whoami', {}, { openid: 'o-real' });
  expect(result.setting).toBe('from-console');
  expect(result.context.OPENID).toBe('o-real');
  const anonymous = await t.cloud.call('whoami', {});
  expect(anonymous.result.context.OPENID).toBeUndefined();
  expect(anonymous.result.setting).toBe('from-console');
});

test('a caller without an openid gets no OPENID key at all', async () => {
  const { result } = await t.cloud.call('whoami', {});
  expect(result.context).toEqual({ APPID: 'wx-local-appid', ENV: 'local-dev', SOURCE: 'wx_client' });
});

test('10 concurrent calls, each calling another function: every invocation sees only its own identity', async () => {
  const openids = Array.from({ length: 10 }, (_, i) => `o-user-${i}`);
  const results = await Promise.all(openids.map((openid) => t.cloud.call('whoami', { delayMs: 30, nested: true }, { openid })));
  results.forEach(({ result }, i) => {
    expect(result.before.OPENID).toBe(openids[i]);
    expect(result.context.OPENID).toBe(openids[i]);
    // The nested callFunction carried this invocation's token, so the callee ran as the same user.
    expect(result.nested.OPENID).toBe(openids[i]);
    expect(result.overlapped).toBe(false); // one request per instance at a time
  });
});

test('at most instancesPerFunction (2) outside calls run at once; the rest wait their turn', async () => {
  const started = Date.now();
  const results = await Promise.all(Array.from({ length: 6 }, (_, i) => t.cloud.call('whoami', { delayMs: 150 }, { openid: `o-q-${i}` })));
  expect(Date.now() - started).toBeGreaterThanOrEqual(3 * 150);
  results.forEach(({ result }, i) => {
    expect(result.context.OPENID).toBe(`o-q-${i}`);
    expect(result.overlapped).toBe(false);
  });
});

test('callFunction between functions: result shape, identity propagated, SOURCE chain', async () => {
  const { result } = await t.cloud.call('caller', { target: 'whoami', data: { x: 1 } }, { openid: 'o-bob' });
  expect(result.ok).toBe(true);
  expect(result.keys).toEqual(['errMsg', 'requestID', 'result']);
  expect(result.res.errMsg).toBe('callFunction:ok');
  expect(result.res.requestID).toMatch(/^[0-9a-f]{32}$/);
  expect(result.res.result.event).toEqual({ x: 1 });
  expect(result.res.result.context).toEqual({ OPENID: 'o-bob', APPID: 'wx-local-appid', ENV: 'local-dev', SOURCE: 'wx_client,scf' });
  expect(result.me.SOURCE).toBe('wx_client');
});

test('callFunction of a failing or missing function rejects with errCode -1 and the message', async () => {
  const failing = await t.cloud.call('caller', { target: 'thrower', data: { reason: 'nested' } }, { openid: 'o-bob' });
  expect(failing.result).toEqual({ ok: false, errCode: -1, errMsg: 'callFunction:fail Error: boom: nested' });
  const missing = await t.cloud.call('caller', { target: 'nope' }, { openid: 'o-bob' });
  expect(missing.result.ok).toBe(false);
  expect(missing.result.errMsg).toMatch(/^callFunction:fail .*nope/);
});

test('a throwing function rejects with FUNCTIONS_EXECUTE_FAIL; its console output reaches the log', async () => {
  const err = await t.cloud.call('thrower', { reason: 'direct' }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(CloudError);
  expect(err).toMatchObject({ code: 'FUNCTIONS_EXECUTE_FAIL', message: 'Error: boom: direct' });
  await waitFor(() => t.logs.some((l) => l === '[thrower] about to throw direct'));
});

test('an invocation longer than config.json timeout fails, and the instance is replaced', async () => {
  const started = Date.now();
  const err = await t.cloud.call('sleeper', { ms: 5000 }).catch((e: unknown) => e);
  expect(err).toMatchObject({ code: 'FUNCTIONS_EXECUTE_FAIL', message: 'Invoking task timed out after 1 seconds' });
  expect(Date.now() - started).toBeLessThan(3000);
  await expect(t.cloud.call('sleeper', { ms: 10 })).resolves.toMatchObject({ result: { slept: 10 } });
});

test('an unknown function is refused', async () => {
  await expect(t.cloud.call('no-such-function', {})).rejects.toMatchObject({ code: 'FUNCTIONS_REQUEST_FAIL' });
  await expect(t.cloud.call('../whoami', {})).rejects.toMatchObject({ code: 'FUNCTIONS_REQUEST_FAIL' });
});

test('a rebuilt index.js (new mtime) is picked up by the next invocation', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lc-fns-'));
  const other = await startTestCloud({ functionsDir: dir });
  try {
    cpSync(join(FIXTURE_FUNCTIONS, 'clock'), join(dir, 'versioned'), { recursive: true });
    const file = join(dir, 'versioned', 'index.js');
    writeFileSync(file, 'exports.main = async () => ({ version: 1 });');
    expect((await other.cloud.call('versioned', {})).result).toEqual({ version: 1 });
    writeFileSync(file, readFileSync(file, 'utf8').replace('version: 1', 'version: 2'));
    const later = new Date(Date.now() + 5000);
    utimesSync(file, later, later);
    expect((await other.cloud.call('versioned', {})).result).toEqual({ version: 2 });
  } finally {
    await other.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

async function waitFor(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
