/**
 * Members are told when their sign-up changes without them (promoted from the waitlist, signed up
 * by their group leader, removed) — by one subscription message per consent, never without one.
 */
import { ACTIVITY_REMINDER_TEMPLATE } from '../../types/subscriptions';
import { activityDraft, demo, expectOk, startTestCloud, type TestCloud } from './support/harness';

let t: TestCloud;
const chair = demo.openid(demo.chair.staffNo);
const [first, second, third, fourth] = demo.members.filter((m) => m.openid && m.status === 'active' && m.roles.length === 0);
const as = (m: { staffNo: string }) => demo.openid(m.staffNo);

beforeAll(async () => {
  t = await startTestCloud();
});
afterAll(() => t.stop());

async function activity(capacity: number) {
  const draft = expectOk(await t.act(chair, 'activity.create', { draft: activityDraft(t.cloud.clock.now(), { title: '教工羽毛球友谊赛', capacity, companionsMax: 0 }) }));
  return expectOk(await t.act(chair, 'activity.publish', { activityId: draft._id }));
}
const consent = (m: { staffNo: string }, id: string) =>
  t.act(as(m), 'subscription.report', { templateId: ACTIVITY_REMINDER_TEMPLATE, result: 'accept', context: { kind: 'activity', id } });
const signUp = (m: { staffNo: string }, activityId: string) => t.act(as(m), 'activity.signUp', { activityId, companions: 0, answers: {} });
const sentTo = (m: { staffNo: string }) => t.cloud.outbox().filter((entry) => entry.touser === as(m));
const credits = (m: { staffNo: string }) => t.cloud.db.admin.find('subscriptions', { _id: `${as(m)}_${ACTIVITY_REMINDER_TEMPLATE}` })[0]?.credits;

it('tells a waitlisted member who consented when they are promoted, once, and not the one who did not', async () => {
  const a = await activity(1);
  expectOk(await signUp(first, a._id));
  expect(expectOk(await signUp(second, a._id))).toMatchObject({ status: 'waitlisted' });
  expect(expectOk(await signUp(third, a._id))).toMatchObject({ status: 'waitlisted' });
  expectOk(await consent(second, a._id));

  expectOk(await t.act(as(first), 'activity.cancelSignup', { activityId: a._id }));
  const [message] = sentTo(second);
  expect(sentTo(second)).toHaveLength(1);
  expect(message).toMatchObject({ templateId: ACTIVITY_REMINDER_TEMPLATE, page: `pages/activity/index?id=${a._id}`, result: 'delivered' });
  expect(message.data).toMatchObject({ thing1: { value: '教工羽毛球友谊赛' }, thing3: { value: '候补已递补为正式报名' } });
  expect(credits(second)).toBe(0);

  // The next promotion goes to someone who never consented: nothing is sent.
  expectOk(await t.act(as(second), 'activity.cancelSignup', { activityId: a._id }));
  expect(t.cloud.db.admin.find('signups', { _id: `${a._id}_${third.staffNo}` })[0]).toMatchObject({ status: 'confirmed' });
  expect(sentTo(third)).toEqual([]);
  expect(sentTo(second)).toHaveLength(1);
});

it('tells a member removed by an organiser, with the reason, and one signed up by someone else', async () => {
  const a = await activity(5);
  expectOk(await consent(fourth, a._id));
  expectOk(await consent(fourth, a._id));
  expectOk(await t.act(chair, 'activity.signUpFor', { activityId: a._id, memberId: fourth.staffNo, companions: 0, answers: {} }));
  expect(sentTo(fourth).at(-1)!.data).toMatchObject({ thing3: { value: `${demo.chair.name}已为你报名` } });
  expectOk(await t.act(chair, 'activity.removeSignup', { activityId: a._id, memberId: fourth.staffNo, reason: '场地调整' }));
  expect(sentTo(fourth).at(-1)!.data).toMatchObject({ thing3: { value: '你的报名已被移出：场地调整' } });
  expect(credits(fourth)).toBe(0);
});

it('a refusal by WeChat does not undo the change or fail the request', async () => {
  const a = await activity(5);
  expectOk(await consent(first, a._id));
  expectOk(await signUp(first, a._id));
  t.cloud.script.refuseNext(as(first), 43101);
  expect(await t.act(chair, 'activity.removeSignup', { activityId: a._id, memberId: first.staffNo, reason: '名单调整' })).toEqual({ ok: true, data: { removed: true } });
  expect(t.cloud.db.admin.find('signups', { _id: `${a._id}_${first.staffNo}` })[0]).toMatchObject({ status: 'cancelled' });
  expect(t.cloud.outbox({ includeRefused: true }).filter((e) => e.touser === as(first)).at(-1)).toMatchObject({ result: 'refused', errcode: 43101 });
  expect(credits(first)).toBe(0);
});
