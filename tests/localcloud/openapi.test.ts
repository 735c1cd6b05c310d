/** wx.openApi through the real SDK: subscription messages into the outbox, scripted refusals, wxacode, msgSecCheck. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG_SIGNATURE } from '../../localcloud/openapi/png';
import { startTestCloud, type TestCloud } from './helpers';

let t: TestCloud;
beforeAll(async () => {
  t = await startTestCloud();
});
afterAll(() => t.stop());
afterEach(() => t.cloud.script.reset());

const SENT_AT = Date.UTC(2026, 2, 1, 1, 0, 0);

// WeChat answers {errcode, errmsg, msgid}; the SDK drops errcode/errmsg and camel-cases the rest
// ("msgid" has no underscore, so it stays msgid). The wire capture's stub answered msg_id instead.
test('subscribeMessage.send resolves {msgid, errMsg, errCode:0} and lands in the outbox', async () => {
  t.cloud.clock.set(SENT_AT);
  try {
    const { result } = await t.cloud.call('notifier', { op: 'send', touser: 'o-carol' }, { openid: 'o-admin' });
    expect(result).toEqual({ ok: true, value: { msgid: expect.any(Number), errMsg: 'openapi.subscribeMessage.send:ok', errCode: 0 } });
    const sent = t.cloud.outbox().filter((m) => m.touser === 'o-carol');
    expect(sent).toEqual([{
      msgid: result.value.msgid,
      touser: 'o-carol',
      templateId: 'TPL',
      page: 'pages/index/index',
      data: { thing1: { value: '春游报名' } },
      miniprogramState: 'developer',
      at: SENT_AT,
      fromFunction: 'notifier',
      result: 'delivered',
      errcode: 0,
      errmsg: 'ok',
    }]);
  } finally {
    t.cloud.clock.reset();
  }
});

test('a scripted refusal rejects with CloudSDKError 43101; the refusal is recorded but not delivered', async () => {
  t.cloud.script.refuseNext('o-dave');
  const refused = await t.cloud.call('notifier', { op: 'send', touser: 'o-dave' }, { openid: 'o-admin' });
  expect(refused.result).toEqual({
    ok: false,
    error: true,
    ctor: 'CloudSDKError',
    errCode: 43101,
    errMsg: expect.stringMatching(/^openapi\.subscribeMessage\.send:fail user refuse to accept the msg rid: \S+$/),
    keys: ['errCode', 'errMsg'],
  });
  expect(t.cloud.outbox().some((m) => m.touser === 'o-dave')).toBe(false);
  expect(t.cloud.outbox({ includeRefused: true }).filter((m) => m.touser === 'o-dave')).toEqual([
    expect.objectContaining({ result: 'refused', errcode: 43101 }),
  ]);
  // The refusal was for one message only.
  const next = await t.cloud.call('notifier', { op: 'send', touser: 'o-dave' }, { openid: 'o-admin' });
  expect(next.result.ok).toBe(true);
});

test('a refusal scripted for one openid does not touch others; other errcodes can be scripted', async () => {
  t.cloud.script.refuseNext('o-erin', 40003);
  expect((await t.cloud.call('notifier', { op: 'send', touser: 'o-frank' }, { openid: 'o-admin' })).result.ok).toBe(true);
  const refused = await t.cloud.call('notifier', { op: 'send', touser: 'o-erin' }, { openid: 'o-admin' });
  expect(refused.result).toMatchObject({ ok: false, errCode: 40003, errMsg: expect.stringContaining('invalid openid') });
});

test('the outbox persists in the data folder as JSON lines', async () => {
  const lines = readFileSync(join(t.dataDir, 'outbox.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  expect(lines.length).toBe(t.cloud.outbox({ includeRefused: true }).length);
});

test('wxacode.getUnlimited resolves {contentType: image/png, buffer} holding a real PNG', async () => {
  const { result } = await t.cloud.call('notifier', { op: 'code', scene: 'a=1&b=2' }, { openid: 'o-admin' });
  expect(result.ok).toBe(true);
  expect(result.value).toMatchObject({ contentType: 'image/png', errMsg: 'openapi.wxacode.getUnlimited:ok', errCode: 0, isBuffer: true });
  const png = Buffer.from(result.value.base64, 'base64');
  expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
  expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
  const other = await t.cloud.call('notifier', { op: 'code', scene: 'a=2' }, { openid: 'o-admin' });
  expect(other.result.value.base64).not.toBe(result.value.base64);
  // WeChat limits scene to 32 characters.
  const tooLong = await t.cloud.call('notifier', { op: 'code', scene: 'x'.repeat(33) }, { openid: 'o-admin' });
  expect(tooLong.result).toMatchObject({ ok: false, errCode: 40169 });
});

test('security.msgSecCheck passes by default and flags scripted words as risky', async () => {
  const pass = await t.cloud.call('notifier', { op: 'check', content: '周六一起去爬山' }, { openid: 'o-admin' });
  expect(pass.result.value).toMatchObject({ result: { suggest: 'pass', label: 100 }, errCode: 0, errMsg: 'openapi.security.msgSecCheck:ok' });
  t.cloud.script.flagText('赌博');
  const risky = await t.cloud.call('notifier', { op: 'check', content: '周末赌博' }, { openid: 'o-admin' });
  expect(risky.result.value).toMatchObject({ result: { suggest: 'risky', label: 20001 }, errCode: 0 });
  const clean = await t.cloud.call('notifier', { op: 'check', content: '周末读书会' }, { openid: 'o-admin' });
  expect(clean.result.value.result.suggest).toBe('pass');
});

// WeChat answers {errcode:0, errmsg, phone_info:{phoneNumber, purePhoneNumber, countryCode, watermark}};
// the SDK drops errcode/errmsg and camel-cases phone_info. A code is honoured once, for 5 minutes.
test('phonenumber.getPhoneNumber answers the number chosen for a code, once', async () => {
  t.cloud.clock.set(SENT_AT);
  try {
    const code = t.cloud.script.phoneCode('13900001111');
    const { result } = await t.cloud.call('notifier', { op: 'phone', code }, { openid: 'o-newcomer' });
    expect(result).toEqual({
      ok: true,
      value: {
        phoneInfo: { phoneNumber: '13900001111', purePhoneNumber: '13900001111', countryCode: '86', watermark: { timestamp: SENT_AT / 1000, appid: 'wx-local-appid' } },
        errMsg: 'openapi.phonenumber.getPhoneNumber:ok',
        errCode: 0,
      },
    });
    const again = await t.cloud.call('notifier', { op: 'phone', code }, { openid: 'o-newcomer' });
    expect(again.result).toMatchObject({ ok: false, ctor: 'CloudSDKError', errCode: 40029, errMsg: expect.stringContaining('invalid code') });
    const abroad = await t.cloud.call('notifier', { op: 'phone', code: t.cloud.script.phoneCode('91234567', '852') }, { openid: 'o-newcomer' });
    expect(abroad.result.value.phoneInfo).toMatchObject({ phoneNumber: '+85291234567', purePhoneNumber: '91234567', countryCode: '852' });
    const late = t.cloud.script.phoneCode('13900001111');
    t.cloud.clock.set(SENT_AT + 5 * 60 * 1000);
    expect((await t.cloud.call('notifier', { op: 'phone', code: late }, { openid: 'o-newcomer' })).result).toMatchObject({ ok: false, errCode: 40029 });
  } finally {
    t.cloud.clock.reset();
  }
});

test('unknown APIs and APIs missing from config.json permissions are refused with -604101', async () => {
  const unknown = await t.cloud.call('notifier', { op: 'unknown' }, { openid: 'o-admin' });
  expect(unknown.result).toMatchObject({ ok: false, ctor: 'CloudSDKError', errCode: -604101, errMsg: 'system error: error code: -604101' });
  const undeclared = await t.cloud.call('no-permission', {}, { openid: 'o-admin' });
  expect(undeclared.result).toEqual({ ok: false, errCode: -604101, errMsg: 'system error: error code: -604101' });
});

test('failNext scripts any API', async () => {
  t.cloud.script.failNext('wxacode.getUnlimited', 45009);
  const { result } = await t.cloud.call('notifier', { op: 'code', scene: 'q' }, { openid: 'o-admin' });
  expect(result).toMatchObject({ ok: false, errCode: 45009, errMsg: expect.stringContaining('reach max api daily quota limit') });
});
