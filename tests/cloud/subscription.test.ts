import { ACTIVITY_REMINDER_TEMPLATE } from '../../types/subscriptions';
import { demo, expectOk, startTestCloud, type TestCloud } from './support/harness';

let t: TestCloud;
const member = demo.openid(demo.plain.staffNo);
const ledger = (openid: string) => t.cloud.db.admin.find('subscriptions', { _id: `${openid}_${ACTIVITY_REMINDER_TEMPLATE}` })[0];
const report = (openid: string, result: 'accept' | 'reject' | 'ban' | 'filter') =>
  t.act(openid, 'subscription.report', { templateId: ACTIVITY_REMINDER_TEMPLATE, result, context: { kind: 'activity', id: 'a1' } });

/** The server helper, in this process, through the real SDK against the same local cloud. */
let spendCredit: (openid: string, templateId: string) => Promise<boolean>;

beforeAll(async () => {
  t = await startTestCloud();
  Object.assign(process.env, {
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: `${t.cloud.url}/admin` }),
    TENCENTCLOUD_SECRETID: 'local-id',
    TENCENTCLOUD_SECRETKEY: 'local-key',
    TENCENTCLOUD_RUNENV: 'SCF',
    TENCENTCLOUD_REGION: 'ap-shanghai',
    SCF_NAMESPACE: 'local-dev',
    TCB_ENV: 'local-dev',
    SILENCE: 'true',
  });
  ({ spendCredit } = await import('../../cloudfunctions/api/src/lib/subscriptions'));
});
afterAll(() => t.stop());

it('counts one credit per accept and keeps the last answer, storing nothing else', async () => {
  expectOk(await report(member, 'accept'));
  expectOk(await report(member, 'accept'));
  expectOk(await report(member, 'reject'));
  expect(ledger(member)).toEqual({ _id: `${member}_${ACTIVITY_REMINDER_TEMPLATE}`, openid: member, templateId: ACTIVITY_REMINDER_TEMPLATE, credits: 2, lastResult: 'reject', updatedAt: expect.any(Number) });
  const other = demo.openid(demo.committee.staffNo);
  expectOk(await report(other, 'reject'));
  expect(ledger(other)).toMatchObject({ credits: 0, lastResult: 'reject' });
});

it('counts concurrent accepts exactly', async () => {
  const someone = demo.openid(demo.chair.staffNo);
  await Promise.all(Array.from({ length: 6 }, () => report(someone, 'accept')));
  expect(ledger(someone).credits).toBe(6);
});

it('refuses unknown templates, results and strangers, writing nothing', async () => {
  const before = t.snapshot();
  expect(await t.act(member, 'subscription.report', { templateId: 'other' as never, result: 'accept', context: { kind: 'activity', id: 'a1' } })).toMatchObject({ code: 'INVALID_INPUT' });
  expect(await t.act(member, 'subscription.report', { templateId: ACTIVITY_REMINDER_TEMPLATE, result: 'maybe' as never, context: { kind: 'activity', id: 'a1' } })).toMatchObject({ code: 'INVALID_INPUT' });
  expect(await report('a-stranger', 'accept')).toMatchObject({ code: 'NOT_BOUND' });
  expect(t.snapshot()).toEqual(before);
});

it('spends credits with a conditional update: concurrent spends never go below zero', async () => {
  const spender = demo.openid(demo.unbound[0]?.staffNo ?? 'x');
  const who = demo.openid(demo.members.filter((m) => m.openid && m.roles.length === 0)[1].staffNo);
  for (let i = 0; i < 3; i++) expectOk(await report(who, 'accept'));
  const spent = await Promise.all(Array.from({ length: 10 }, () => spendCredit(who, ACTIVITY_REMINDER_TEMPLATE)));
  expect(spent.filter(Boolean)).toHaveLength(3);
  expect(ledger(who).credits).toBe(0);
  expect(await spendCredit(spender, ACTIVITY_REMINDER_TEMPLATE)).toBe(false);
});
