/** What the H5 app and a developer's browser use: the function endpoint, sign-in, outbox pages, static files. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postJson, startTestCloud, type TestCloud } from './helpers';

let t: TestCloud;
let staticDir: string;
beforeAll(async () => {
  staticDir = mkdtempSync(join(tmpdir(), 'lc-h5-'));
  mkdirSync(join(staticDir, 'js'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>教工之家</title><div id="app"></div>');
  writeFileSync(join(staticDir, 'js', 'app.js'), 'console.log("app")');
  t = await startTestCloud({ staticDir });
  t.cloud.db.admin.insert('members', [
    { name: '张老师', staffNo: 'T002', groupName: '语文组', roles: ['groupLeader'], isDelegate: true, status: 'active', openid: 'o-zhang' },
    { name: '李老师', staffNo: 'T001', groupName: '语文组', roles: [], isDelegate: false, status: 'active' },
    { name: '王主席', staffNo: 'A001', groupName: '行政组', roles: ['chair', 'committee'], isDelegate: true, status: 'active', openid: 'o-wang' },
    { name: '<script>alert(1)</script>', staffNo: 'X"1', groupName: '数学组 & 物理组', roles: [], isDelegate: false, status: 'retired', openid: 'o-x' },
  ]);
});
afterAll(async () => {
  await t.stop();
  rmSync(staticDir, { recursive: true, force: true });
});

describe('POST /api/functions/:name', () => {
  test('without the sign-in cookie: 401 NOT_SIGNED_IN', async () => {
    const res = await postJson(`${t.cloud.url}/api/functions/whoami`, { data: {} });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ code: 'NOT_SIGNED_IN', message: '请先选择身份登录' });
  });

  test('with the cookie: {result}, run as that openid from wx_client', async () => {
    const res = await postJson(`${t.cloud.url}/api/functions/whoami`, { data: { page: 1 } }, { cookie: 'lc_openid=o-zhang' });
    expect(res.status).toBe(200);
    expect(res.body.result.context).toMatchObject({ OPENID: 'o-zhang', APPID: 'wx-local-appid', SOURCE: 'wx_client', CLIENTIP: '127.0.0.1' });
    expect(res.body.result.event).toEqual({ page: 1 });
    expect(res.headers.get('x-lc-db-requests')).toBe('0');
  });

  test('function failures and bad requests come back as {code, message} with an HTTP error status', async () => {
    const cookie = { cookie: 'lc_openid=o-zhang' };
    const failed = await postJson(`${t.cloud.url}/api/functions/thrower`, { data: { reason: 'h5' } }, cookie);
    expect(failed).toMatchObject({ status: 500, body: { code: 'FUNCTIONS_EXECUTE_FAIL', message: 'Error: boom: h5' } });
    const missing = await postJson(`${t.cloud.url}/api/functions/nope`, { data: {} }, cookie);
    expect(missing).toMatchObject({ status: 404, body: { code: 'FUNCTIONS_REQUEST_FAIL' } });
    const form = await fetch(`${t.cloud.url}/api/functions/whoami`, { method: 'POST', headers: { ...cookie, 'content-type': 'text/plain' }, body: '{}' });
    expect(form.status).toBe(400);
  });
});

describe('sign-in page', () => {
  test('lists the roster grouped by group, marks unbound members, escapes everything', async () => {
    const res = await fetch(`${t.cloud.url}/__dev/signin`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await res.text();
    expect(html).toContain('<h2>语文组（2 人）</h2>');
    expect(html).toContain('<h2>行政组（1 人）</h2>');
    expect(html).toContain('<h2>数学组 &amp; 物理组（1 人）</h2>');
    expect(html).toMatch(/<button class="row" name="openid" value="o-zhang"[^>]*>.*张老师.*小组长.*教代会代表/s);
    expect(html).toMatch(/<li class="unbound"[^>]*><div class="row">.*李老师.*未绑定/s);
    expect(html).toContain('工会主席');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('工号 X&quot;1');
    expect(html).toContain('以未绑定的新微信用户进入');
    // Within a group, members are ordered by staff number.
    expect(html.indexOf('李老师')).toBeLessThan(html.indexOf('张老师'));
  });

  test('?q= filters the roster on the server (the search box also filters as you type)', async () => {
    const html = await (await fetch(`${t.cloud.url}/__dev/signin?q=${encodeURIComponent('王')}`)).text();
    expect(html).toContain('王主席');
    expect(html).not.toContain('张老师');
  });

  test('choosing a member sets the httpOnly cookie and opens the app; signing out clears it', async () => {
    const res = await fetch(`${t.cloud.url}/__dev/signin`, { method: 'POST', body: new URLSearchParams({ openid: 'o-wang' }), redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/');
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^lc_openid=o-wang; Path=\/; SameSite=Lax; HttpOnly; Max-Age=\d+$/);
    const call = await postJson(`${t.cloud.url}/api/functions/whoami`, { data: {} }, { cookie: cookie.split(';')[0]! });
    expect(call.body.result.context.OPENID).toBe('o-wang');

    const out = await fetch(`${t.cloud.url}/__dev/signout`, { method: 'POST', redirect: 'manual' });
    expect(out.status).toBe(303);
    expect(out.headers.get('set-cookie')).toMatch(/^lc_openid=; .*Max-Age=0/);
  });

  test('"new WeChat user" signs in with a fresh random openid', async () => {
    const openids = [];
    for (let i = 0; i < 2; i++) {
      const res = await fetch(`${t.cloud.url}/__dev/signin`, { method: 'POST', body: new URLSearchParams({ fresh: '1' }), redirect: 'manual' });
      openids.push(/^lc_openid=([^;]+)/.exec(res.headers.get('set-cookie')!)![1]);
    }
    expect(openids[0]).toMatch(/^o[A-Za-z0-9_-]{27}$/);
    expect(openids[0]).not.toBe(openids[1]);
  });

  test('becoming an unbound member: a new WeChat user whose WeChat returns that member’s roster number', async () => {
    t.cloud.db.admin.insert('members', [{ _id: 'P9', staffNo: 'P9', name: '赵老师', groupName: '行政组', roles: [], phone: '13900009999' }]);
    const html = await (await fetch(`${t.cloud.url}/__dev/signin`)).text();
    expect(html).toMatch(/<button class="row" name="phoneOf" value="P9"[^>]*>.*赵老师.*用其手机号绑定/s);
    const res = await fetch(`${t.cloud.url}/__dev/signin`, { method: 'POST', body: new URLSearchParams({ phoneOf: 'P9' }), redirect: 'manual' });
    const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]!);
    expect(cookies).toEqual([expect.stringMatching(/^lc_openid=o[A-Za-z0-9_-]{27}$/), 'lc_phone=13900009999']);
    // The app's 微信手机号一键绑定 asks for the code of that number; the openapi exchanges it once.
    const code = await fetch(`${t.cloud.url}/api/phone-code`, { method: 'POST', headers: { cookie: cookies.join('; ') } });
    expect(code.status).toBe(200);
    const { code: issued } = (await code.json()) as { code: string };
    expect(issued).toMatch(/^[0-9a-f]{32}$/);
    // A new WeChat user with no number chosen: as if they said no.
    const none = await fetch(`${t.cloud.url}/api/phone-code`, { method: 'POST', headers: { cookie: cookies[0]! } });
    expect(none.status).toBe(409);
    expect(await fetch(`${t.cloud.url}/api/phone-code`, { method: 'POST' }).then((r) => r.status)).toBe(401);
  });

  test('a malformed openid is not accepted', async () => {
    const res = await fetch(`${t.cloud.url}/__dev/signin`, { method: 'POST', body: new URLSearchParams({ openid: '<x>' }), redirect: 'manual' });
    expect(res.headers.get('location')).toBe('/__dev/signin');
    expect(res.headers.get('set-cookie')).toBeNull();
  });
});

describe('outbox pages', () => {
  test('HTML newest first and JSON', async () => {
    await t.cloud.call('notifier', { op: 'send', touser: 'o-zhang', data: { thing1: { value: '第一条' } } }, { openid: 'o-wang' });
    await t.cloud.call('notifier', { op: 'send', touser: 'o-zhang', data: { thing1: { value: '第二条<b>' } } }, { openid: 'o-wang' });
    const html = await (await fetch(`${t.cloud.url}/__dev/outbox`)).text();
    expect(html.indexOf('第二条')).toBeLessThan(html.indexOf('第一条'));
    expect(html).toContain('张老师（o-zhang）');
    expect(html).toContain('第二条&lt;b&gt;');
    const json = (await (await fetch(`${t.cloud.url}/__dev/outbox.json`)).json()) as Array<{ data: { thing1: { value: string } } }>;
    expect(json.map((m) => m.data.thing1.value)).toEqual(['第二条<b>', '第一条']);
  });
});

describe('static H5 build', () => {
  test('serves files, falls back to index.html for app routes, 404 for missing assets, never outside the folder', async () => {
    const asset = await fetch(`${t.cloud.url}/js/app.js`);
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await asset.text()).toBe('console.log("app")');
    const route = await fetch(`${t.cloud.url}/pages/activity/index?id=1`);
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('教工之家');
    expect((await fetch(`${t.cloud.url}/js/missing.js`)).status).toBe(404);
    const escape = await fetch(`${t.cloud.url}/..%2f..%2fetc%2fpasswd`);
    expect(await escape.text()).not.toContain('root:');
    const unknownApi = await postJson(`${t.cloud.url}/api/nothing`, {}, { cookie: 'lc_openid=o-wang' });
    expect(unknownApi.status).toBe(404);
  });
});
