import type { Activity, ActivityDraft } from '../../types/activity';
import { activityDraft, demo, expectOk, startTestCloud, type TestCloud } from './support/harness';

let t: TestCloud;
const HOUR = 60 * 60 * 1000;
const T0 = Date.UTC(2026, 2, 2, 1, 0);
const chair = demo.openid(demo.chair.staffNo);
const [p1, p2, p3, p4] = demo.members.filter((m) => m.openid && m.roles.length === 0);
const as = (m: { staffNo: string }) => demo.openid(m.staffNo);

beforeAll(async () => {
  t = await startTestCloud();
});
afterAll(() => t.stop());
beforeEach(() => t.cloud.clock.set(T0));

async function published(overrides: Partial<ActivityDraft> = {}): Promise<Activity> {
  const draft = expectOk(await t.act(chair, 'activity.create', { draft: activityDraft(T0, overrides) }));
  return expectOk(await t.act(chair, 'activity.publish', { activityId: draft._id }));
}
const doc = (id: string) => t.cloud.db.admin.find('activities', { _id: id })[0] as Activity & { checkinToken?: string; checkinCodeFileID?: string };
const signupDoc = (a: Activity, m: { staffNo: string }) => t.cloud.db.admin.find('signups', { _id: `${a._id}_${m.staffNo}` })[0];

/** An activity with p1, p2 confirmed and p3 waitlisted; its code generated; the clock at its start. */
async function dayOfActivity() {
  const a = await published({ capacity: 2, companionsMax: 0 });
  for (const m of [p1, p2, p3]) expectOk(await t.act(as(m), 'activity.signUp', { activityId: a._id, companions: 0, answers: {} }));
  const code = expectOk(await t.act(chair, 'activity.checkinCode', { activityId: a._id }));
  const scene = doc(a._id).checkinToken!;
  t.cloud.clock.set(a.startAt - HOUR);
  return { a, code, scene };
}

it('makes the check-in code once (a real PNG from wxacode.getUnlimited) and never shows the token to members', async () => {
  const { a, code, scene } = await dayOfActivity();
  expect(scene).toMatch(/^[A-Za-z0-9_-]{1,32}$/);
  expect(code).toMatchObject({ scanCount: 0, checkedIn: 0, confirmed: 2 });
  const fileID = doc(a._id).checkinCodeFileID;
  // Asked again (the URL made earlier has expired by the clock): the same token and image, a fresh URL.
  const again = expectOk(await t.act(chair, 'activity.checkinCode', { activityId: a._id }));
  expect(doc(a._id)).toMatchObject({ checkinToken: scene, checkinCodeFileID: fileID });
  expect(again.imageUrl).not.toBe(code.imageUrl);
  const png = Buffer.from(await (await fetch(again.imageUrl)).arrayBuffer());
  expect(png.subarray(1, 4).toString()).toBe('PNG');

  const detail = expectOk(await t.act(as(p1), 'activity.get', { activityId: a._id }));
  expect(JSON.stringify(detail)).not.toContain(scene);
  expect(detail.activity).not.toHaveProperty('checkinToken');
  expect(JSON.stringify(expectOk(await t.act(as(p1), 'activity.list', {})))).not.toContain(scene);
});

it('checks a member in by scanning, once: the second scan answers already, the counter moves once', async () => {
  const { a, scene } = await dayOfActivity();
  const first = expectOk(await t.act(as(p1), 'activity.checkIn', { scene }));
  // The local clock runs on from where it was set.
  expect(first).toEqual({ activityTitle: a.title, checkedInAt: expect.any(Number), already: false });
  expect(first.checkedInAt - (a.startAt - HOUR)).toBeLessThan(5000);
  expect(signupDoc(a, p1)).toMatchObject({ checkedInAt: first.checkedInAt, checkedInBy: 'scan' });
  expect(doc(a._id).checkedIn).toBe(1);
  t.cloud.clock.advance(60_000);
  const before = t.snapshot();
  expect(expectOk(await t.act(as(p1), 'activity.checkIn', { scene }))).toEqual({ ...first, already: true });
  expect(t.snapshot()).toEqual(before);

  const participants = expectOk(await t.act(chair, 'activity.participants', { activityId: a._id }));
  expect(participants.activity.checkedIn).toBe(1);
  // Both signed up at the same frozen moment: their order is the tie-break's, not this test's business.
  expect(participants.confirmed.map((r) => [r.memberId, r.checkedInAt])).toHaveLength(2);
  expect(participants.confirmed.map((r) => [r.memberId, r.checkedInAt])).toEqual(expect.arrayContaining([[p1.staffNo, first.checkedInAt], [p2.staffNo, undefined]]));
  expect(expectOk(await t.act(chair, 'activity.checkinCode', { activityId: a._id }))).toMatchObject({ scanCount: 1, checkedIn: 1, confirmed: 2 });
  // The member sees their own check-in in 我的报名 and on the activity.
  expect(expectOk(await t.act(as(p1), 'activity.mine', {})).find((x) => x._id === a._id)?.mine).toMatchObject({ status: 'confirmed', checkedInAt: first.checkedInAt });
  expect(expectOk(await t.act(as(p1), 'activity.get', { activityId: a._id })).mine).toMatchObject({ checkedInAt: first.checkedInAt });
});

it('lets an organiser check a member in by 工号', async () => {
  const { a } = await dayOfActivity();
  expect(expectOk(await t.act(chair, 'activity.checkInMember', { activityId: a._id, memberId: p2.staffNo }))).toMatchObject({ memberName: p2.name, already: false });
  expect(signupDoc(a, p2)).toMatchObject({ checkedInBy: demo.chair.staffNo });
  expect(expectOk(await t.act(chair, 'activity.checkInMember', { activityId: a._id, memberId: p2.staffNo })).already).toBe(true);
  expect(doc(a._id).checkedIn).toBe(1);
  expect(await t.act(as(p1), 'activity.checkInMember', { activityId: a._id, memberId: p1.staffNo })).toMatchObject({ code: 'FORBIDDEN' });
});

it('refuses the waitlisted, the not signed up, a wrong code and the wrong time, writing nothing', async () => {
  const { a, scene } = await dayOfActivity();
  const before = t.snapshot();
  expect(await t.act(as(p3), 'activity.checkIn', { scene })).toMatchObject({ ok: false, code: 'NOT_SIGNED_UP' });
  expect(await t.act(as(p4), 'activity.checkIn', { scene })).toMatchObject({ ok: false, code: 'NOT_SIGNED_UP' });
  expect(await t.act(chair, 'activity.checkInMember', { activityId: a._id, memberId: p4.staffNo })).toMatchObject({ ok: false, code: 'NOT_SIGNED_UP' });
  expect(await t.act(as(p1), 'activity.checkIn', { scene: 'not-the-token' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  expect(await t.act(as(p1), 'activity.checkIn', { scene: `${scene}&x=1` })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  t.cloud.clock.set(a.startAt - 2 * HOUR - 60_000);
  expect(await t.act(as(p1), 'activity.checkIn', { scene })).toMatchObject({ ok: false, code: 'CHECKIN_CLOSED', message: '现在不在签到时间内' });
  t.cloud.clock.set(a.endAt + 2 * HOUR + 60_000);
  expect(await t.act(as(p1), 'activity.checkIn', { scene })).toMatchObject({ ok: false, code: 'CHECKIN_CLOSED' });
  expect(await t.act(chair, 'activity.checkInMember', { activityId: a._id, memberId: p1.staffNo })).toMatchObject({ ok: false, code: 'CHECKIN_CLOSED' });
  expect(t.snapshot()).toEqual(before);
});

it('counts a concurrent double check-in once', async () => {
  const { a, scene } = await dayOfActivity();
  const answers = await Promise.all([
    t.act(as(p1), 'activity.checkIn', { scene }),
    t.act(as(p1), 'activity.checkIn', { scene }),
    t.act(chair, 'activity.checkInMember', { activityId: a._id, memberId: p1.staffNo }),
    t.act(as(p1), 'activity.checkIn', { scene }),
  ]);
  const done = answers.map((r) => expectOk(r as never) as { already: boolean });
  expect(done.filter((r) => !r.already)).toHaveLength(1);
  expect(doc(a._id).checkedIn).toBe(1);
});
