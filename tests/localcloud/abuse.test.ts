/**
 * A stranger's requests against the local cloud: none may take it down, reach past its folders or
 * forge what it logs. The first finding: a 10 KB body nested 5,000 levels deep left its instance
 * busy until the 60 s timeout, so every request after it failed for a minute.
 */
import { request } from 'node:http';
import { FIXTURE_FUNCTIONS, startTestCloud, type TestCloud } from './helpers';

jest.setTimeout(60_000);

let t: TestCloud;
beforeAll(async () => {
  // One instance per function: a stuck instance shows at once.
  t = await startTestCloud({ instancesPerFunction: 1 });
});
afterAll(() => t.stop());

const SIGNED_IN = { 'content-type': 'application/json', cookie: 'lc_openid=o-stranger' };

/** `{"a":{"a":…0…}}`, `levels` objects deep, built without recursion. */
function nestedObject(levels: number): unknown {
  let value: unknown = 0;
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
}

async function post(path: string, body: string, headers: Record<string, string> = SIGNED_IN) {
  const res = await fetch(`${t.cloud.url}${path}`, { method: 'POST', headers, body, redirect: 'manual' });
  const text = await res.text();
  return { status: res.status, text, json: text.startsWith('{') ? (JSON.parse(text) as { code?: string; message?: string; result?: unknown }) : null };
}

/** A raw request, for paths fetch would normalise and headers it would merge. */
function raw(method: string, path: string, headers: Record<string, string> = {}, body = ''): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${t.cloud.url}${path}`, { method, headers: { ...headers, 'content-length': Buffer.byteLength(body) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('an instance is always freed', () => {
  test('an event too deep to hand to the instance fails that call only: the next call is served at once', async () => {
    const err = await t.cloud.call('echo', nestedObject(5000) as object).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'FUNCTIONS_EXECUTE_FAIL' });
    const started = Date.now();
    await expect(t.cloud.call('echo', { after: 1 })).resolves.toMatchObject({ result: { echo: { after: 1 } } });
    // Before the fix the instance stayed busy until its timeout (20 s here, 60 s for api): calls
    // that reached it failed at once, and the first success came only after the timeout.
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  test('the 10 KB body nested 5,000 levels is refused with 400, and the request right after it is served', async () => {
    const attack = `{"data":{"a":${'['.repeat(5000)}${']'.repeat(5000)}}}`;
    expect(attack.length).toBeLessThan(11_000);
    const refused = await post('/api/functions/echo', attack);
    expect(refused.status).toBe(400);
    expect(refused.json).toEqual({ code: 'INVALID_PARAM', message: '请求体嵌套太深：最多 64 层' });
    const started = Date.now();
    const next = await post('/api/functions/echo', JSON.stringify({ data: { next: true } }));
    expect(next).toMatchObject({ status: 200, json: { result: { echo: { next: true } } } });
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

describe('request bodies are limited', () => {
  test('nesting: 64 levels pass, 65 are refused', async () => {
    // The body's own {"data": …} is the first level.
    const ok = await post('/api/functions/echo', JSON.stringify({ data: nestedObject(63) }));
    expect(ok.status).toBe(200);
    const deep = await post('/api/functions/echo', JSON.stringify({ data: nestedObject(64) }));
    expect(deep).toMatchObject({ status: 400, json: { code: 'INVALID_PARAM', message: '请求体嵌套太深：最多 64 层' } });
  });

  test('brackets inside strings do not count as nesting', async () => {
    const res = await post('/api/functions/echo', JSON.stringify({ data: { text: '['.repeat(500) + '{"\\"' } }));
    expect(res.status).toBe(200);
  });

  test('a function call body over 5 MB is refused with 413 and a clear message', async () => {
    const res = await post('/api/functions/echo', JSON.stringify({ data: { text: 'x'.repeat(5 * 1024 * 1024) } }));
    expect(res.status).toBe(413);
    expect(res.json).toEqual({ code: 'BODY_TOO_LARGE', message: '请求体太大：最多 5 MB' });
  });

  test('the sign-in form over 64 KB is refused with 413', async () => {
    const res = await post('/__dev/signin', `openid=${'a'.repeat(70 * 1024)}`, { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res).toMatchObject({ status: 413, json: { code: 'BODY_TOO_LARGE', message: '请求体太大：最多 64 KB' } });
  });

  test('a cloud API (admin) body nested too deep is refused, and request_data too', async () => {
    const res = await post('/admin', `{"action":"database.queryDocument","x":${'['.repeat(200)}${']'.repeat(200)}}`, { 'content-type': 'application/json' });
    expect(res.json).toMatchObject({ code: 'INVALID_PARAM', message: '请求体嵌套太深：最多 64 层' });
    const deepData = JSON.stringify({ action: 'functions.invokeFunction', function_name: 'echo', request_data: `${'['.repeat(5000)}${']'.repeat(5000)}` });
    const invoked = await post('/admin', deepData, { 'content-type': 'application/json' });
    expect(invoked.json).toMatchObject({ code: 'INVALID_PARAM', message: 'request_data 请求体嵌套太深：最多 64 层' });
  });
});

describe('paths', () => {
  test.each(['/api/functions/%E0%A4%A', '/%E0%A4%A', '/__storage/%E0%A4%A', '/__dev/%FF'])('a malformed URI is 400: %s', async (path) => {
    const method = path.startsWith('/api/') ? 'POST' : 'GET';
    const res = await raw(method, path, method === 'POST' ? SIGNED_IN : {}, method === 'POST' ? '{}' : '');
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text)).toEqual({ code: 'BAD_URI', message: '请求路径的编码不正确（% 转义不完整或不是 UTF-8）' });
  });

  test('a function name that is too long, or not a function name, is 400 and names no folder of this machine', async () => {
    for (const name of ['a'.repeat(61), 'a'.repeat(5000), '..%2Fwhoami', 'who%20ami']) {
      const res = await post(`/api/functions/${name}`, '{}');
      expect(res.status).toBe(400);
      expect(res.json?.code).toMatch(/^(INVALID_PARAM|PATH_TOO_LONG)$/);
      expect(res.text).not.toContain(FIXTURE_FUNCTIONS);
      expect(res.text).not.toContain(t.dataDir);
      expect(res.text).not.toContain(process.cwd());
    }
  });

  test('an unknown function is 404 without the functions folder in the message', async () => {
    const res = await post('/api/functions/nosuchfunction', '{}');
    expect(res.status).toBe(404);
    expect(res.json?.code).toBe('FUNCTIONS_REQUEST_FAIL');
    expect(res.text).not.toContain(FIXTURE_FUNCTIONS);
    expect(res.text).not.toContain(process.cwd());
    const direct = await t.cloud.call('nosuchfunction', {}).catch((e: Error) => e);
    expect((direct as Error).message).not.toContain(FIXTURE_FUNCTIONS);
  });

  test('an unexpected failure (storage cannot write under a file) answers without the data folder in its message', async () => {
    const upload = (cloudPath: string) => post(`/api/storage/upload?cloudPath=${encodeURIComponent(cloudPath)}`, 'x', { cookie: 'lc_openid=o-stranger' });
    await upload('abuse/file');
    const res = await upload('abuse/file/inside');
    expect(res.status).not.toBe(200);
    expect(res.text).not.toContain(t.dataDir);
    expect(res.text).not.toMatch(/ENOTDIR|EEXIST|\/tmp\//);
  });

  test('a path segment over 255 characters is 400; the missing-build page names no absolute folder', async () => {
    const long = await raw('GET', `/${'a'.repeat(256)}`);
    expect(long.status).toBe(400);
    expect(JSON.parse(long.text)).toEqual({ code: 'PATH_TOO_LONG', message: '请求路径中的一段太长：最多 255 个字符' });
    expect((await raw('GET', `/${'a'.repeat(255)}`)).status).toBe(404);
    const page = await raw('GET', '/somewhere');
    expect(page.text).toContain('no-h5-build');
    expect(page.text).not.toContain(t.dataDir);
  });
});

describe('the SDK endpoint', () => {
  test('a web page cannot post to /admin (the SDK sends no Origin), so it cannot delete data', async () => {
    t.cloud.db.admin.insert('abuseNotes', [{ _id: 'keep', text: '别删我' }]);
    const remove = JSON.stringify({ action: 'database.removeDocument', collectionName: 'abuseNotes', query: JSON.stringify({ _id: 'keep' }), multi: true });
    const fromPage = await post('/admin', remove, { 'content-type': 'text/plain', origin: 'https://evil.example' });
    expect(fromPage).toMatchObject({ status: 403, json: { code: 'FORBIDDEN', message: '/admin 只接受云函数里的 SDK 调用，不接受网页发来的请求' } });
    expect(t.cloud.db.admin.find('abuseNotes')).toHaveLength(1);
    // The SDK's own calls (no Origin) still work.
    const fromSdk = await post('/admin', JSON.stringify({ action: 'database.getDocument', collectionName: 'abuseNotes', queryType: 'WHERE', limit: 10 }), { 'content-type': 'application/json' });
    expect(fromSdk.json).toMatchObject({ data: { list: [expect.any(String)] } });
  });
});

describe('the log', () => {
  test('what a request sent cannot forge a log line: CR, LF and control characters are escaped', async () => {
    const forged = 'x\n[http] GET / forged by a stranger\r\n\u001b[2K[echo] ok\u2028';
    const before = t.logs.length;
    await post('/api/functions/thrower', JSON.stringify({ data: { reason: forged } }));
    const lines = t.logs.slice(before);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(line).not.toMatch(/[\r\n\u001b\u2028]/);
      expect(line).toMatch(/^\[(thrower|http|admin|localcloud)\]/);
    }
    expect(lines.join('\n')).toContain('boom: x\\n[http] GET / forged by a stranger\\r\\n\\u001b[2K[echo] ok\\u2028');
  });
});

describe('the session cookie', () => {
  test('two lc_openid cookies are refused, and no function runs', async () => {
    const before = t.logs.length;
    const res = await raw('POST', '/api/functions/whoami', { 'content-type': 'application/json', cookie: 'lc_openid=o-first; lc_openid=o-second' }, '{}');
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text)).toEqual({ code: 'DUPLICATE_COOKIE', message: '请求带了 2 个 lc_openid cookie：请清除本站的 cookie 后重新选择身份' });
    expect(t.logs.slice(before).some((l) => l.startsWith('[whoami]'))).toBe(false);
    const page = await raw('GET', '/__dev/signin', { cookie: 'lc_openid=o-first;lc_openid=o-second' });
    expect(page.status).toBe(400);
  });

  test('one cookie still signs in', async () => {
    const res = await raw('POST', '/api/functions/whoami', { 'content-type': 'application/json', cookie: 'other=1; lc_openid=o-first' }, '{}');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text).result.context.OPENID).toBe('o-first');
  });
});
