import type { Activity, ActivityDraft } from '../../types/activity';
import { activityDraft, demo, expectOk, seedBoundMembers, startTestCloud, type TestCloud } from './support/harness';

let t: TestCloud;
const T0 = Date.UTC(2026, 2, 2, 1, 0); // 2026-03-02 09:00 in Shanghai
const DAY = 24 * 60 * 60 * 1000;
const chair = demo.openid(demo.chair.staffNo);
const committee = demo.openid(demo.committee.staffNo);
const byNo = (staffNo: string) => demo.members.find((m) => m.staffNo === staffNo)!;
const as = (staffNo: string) => demo.openid(staffNo);
// 体艺组 (demo-g6): T1006 leads it; T1014 and T1022 are members. T1002 is a committee member of 数学组.
const leader = 'T1006';
const plain = demo.plain.staffNo;

beforeAll(async () => {
  t = await startTestCloud();
  t.cloud.clock.set(T0);
});
afterAll(() => t.stop());

async function published(overrides: Partial<ActivityDraft> = {}): Promise<Activity> {
  const draft = expectOk(await t.act(chair, 'activity.create', { draft: activityDraft(T0, overrides) }));
  return expectOk(await t.act(chair, 'activity.publish', { activityId: draft._id }));
}
const activityDoc = (id: string): Activity => t.cloud.db.admin.find('activities', { _id: id })[0];
const signupDoc = (activityId: string, memberId: string) => t.cloud.db.admin.find('signups', { _id: `${activityId}_${memberId}` })[0];

describe('organisers run activities', () => {
  it('create a draft that members cannot see, publish it, edit, close and cancel it', async () => {
    const draft = expectOk(await t.act(committee, 'activity.create', { draft: activityDraft(T0, { title: '三八节插花' }) }));
    expect(draft).toMatchObject({ status: 'draft', taken: 0, waiting: 0, createdBy: demo.committee.staffNo });
    expect(await t.act(as(plain), 'activity.get', { activityId: draft._id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(expectOk(await t.act(as(plain), 'activity.list', {})).activities.map((a) => a._id)).not.toContain(draft._id);
    expect(expectOk(await t.act(chair, 'activity.list', {})).activities.map((a) => a._id)).toContain(draft._id);

    expect(expectOk(await t.act(committee, 'activity.publish', { activityId: draft._id })).status).toBe('published');
    expect(expectOk(await t.act(as(plain), 'activity.get', { activityId: draft._id }))).toMatchObject({ canSignUp: { ok: true }, canManage: false, mine: null });
    const edited = expectOk(await t.act(committee, 'activity.update', { activityId: draft._id, draft: activityDraft(T0, { title: '三八节插花沙龙', capacity: 30 }) }));
    expect(edited).toMatchObject({ title: '三八节插花沙龙', capacity: 30, status: 'published' });
    expect(expectOk(await t.act(committee, 'activity.close', { activityId: draft._id })).status).toBe('closed');
    expect(await t.act(as(plain), 'activity.signUp', { activityId: draft._id, companions: 0, answers: {} })).toMatchObject({ code: 'SIGNUP_NOT_OPEN' });
    const cancelled = expectOk(await t.act(committee, 'activity.cancel', { activityId: draft._id, reason: '场地维修' }));
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: '场地维修' });
    expect(expectOk(await t.act(as(plain), 'activity.get', { activityId: draft._id })).activity.status).toBe('cancelled');
    const before = t.snapshot();
    expect(await t.act(committee, 'activity.update', { activityId: draft._id, draft: activityDraft(T0) })).toMatchObject({ code: 'ACTIVITY_NOT_EDITABLE' });
    expect(await t.act(committee, 'activity.publish', { activityId: draft._id })).toMatchObject({ code: 'ACTIVITY_NOT_EDITABLE' });
    expect(t.snapshot()).toEqual(before);
  });

  it('refuses to edit an activity that has ended', async () => {
    const [id] = t.cloud.db.admin.insert('activities', [
      { ...activityDraft(T0 - 10 * DAY), status: 'published', taken: 0, waiting: 0, createdBy: 'T1001', createdAt: T0, updatedAt: T0 },
    ]);
    const a = activityDoc(id);
    expect(a.endAt).toBeLessThan(T0);
    const before = t.snapshot();
    expect(await t.act(chair, 'activity.update', { activityId: a._id, draft: activityDraft(T0) })).toMatchObject({ code: 'ACTIVITY_NOT_EDITABLE' });
    expect(await t.act(chair, 'activity.cancel', { activityId: a._id, reason: '补登' })).toMatchObject({ code: 'ACTIVITY_NOT_EDITABLE' });
    expect(t.snapshot()).toEqual(before);
  });

  it('refuses bad input with clear messages and writes nothing', async () => {
    const before = t.snapshot();
    const bad = async (draft: Partial<ActivityDraft>) => t.act(chair, 'activity.create', { draft: activityDraft(T0, draft) });
    expect(await bad({ capacity: -5 })).toMatchObject({ code: 'INVALID_INPUT', issues: [{ path: 'draft.capacity', message: '名额至少为 1' }] });
    expect(await bad({ signupDeadline: T0 + 9 * DAY })).toMatchObject({ code: 'INVALID_INPUT', issues: [expect.objectContaining({ message: '报名截止时间不能晚于活动开始时间' })] });
    const many = Array.from({ length: 11 }, (_, i) => ({ id: `q${i}`, kind: 'yesno' as const, label: `问题${i}`, required: false }));
    expect(await bad({ choices: many })).toMatchObject({ code: 'INVALID_INPUT', issues: [expect.objectContaining({ message: '最多 10 个问题' })] });
    expect(await t.act(as(plain), 'activity.create', { draft: activityDraft(T0) })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await t.act(chair, 'activity.publish', { activityId: 'nope' })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await t.act(as(plain), 'activity.get', { activityId: 'nope' })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await t.act(as(plain), 'activity.signUp', { activityId: 'nope', companions: 0, answers: {} })).toMatchObject({ code: 'NOT_FOUND' });
    expect(t.snapshot()).toEqual(before);
  });
});

describe('signing up', () => {
  const choices: ActivityDraft['choices'] = [
    { id: 'events', kind: 'multi', label: '参赛项目', required: true, max: 2, options: [{ id: 'single', label: '单打' }, { id: 'double', label: '双打' }, { id: 'mixed', label: '混双' }] },
    { id: 'size', kind: 'single', label: 'T恤尺码', required: false, options: [{ id: 'm', label: 'M' }, { id: 'l', label: 'L' }] },
    { id: 'bus', kind: 'yesno', label: '需要乘车', required: false },
    { id: 'note', kind: 'text', label: '备注', required: false },
  ];

  it('validates companions and answers precisely, writing nothing when refused', async () => {
    const a = await published({ choices, companionsMax: 1 });
    const before = t.snapshot();
    const signUp = (companions: number, answers: Record<string, unknown>) => t.act(as(plain), 'activity.signUp', { activityId: a._id, companions, answers: answers as never });
    expect(await signUp(2, { events: ['single'] })).toMatchObject({ code: 'COMPANIONS_NOT_ALLOWED', issues: [{ path: 'companions', message: '每人最多携带 1 人' }] });
    expect(await signUp(0, {})).toMatchObject({ code: 'ANSWERS_INVALID', issues: [{ path: 'answers.events', message: '请回答「参赛项目」' }] });
    expect(await signUp(0, { events: ['single', 'double', 'mixed'] })).toMatchObject({ code: 'ANSWERS_INVALID', issues: [{ message: '「参赛项目」最多选 2 项' }] });
    expect(await signUp(0, { events: ['tennis'] })).toMatchObject({ code: 'ANSWERS_INVALID', issues: [{ message: '「参赛项目」没有这个选项' }] });
    expect(await signUp(0, { events: ['single'], shoe: '42' })).toMatchObject({ code: 'ANSWERS_INVALID', issues: [{ path: 'answers.shoe', message: '报名表里没有这个问题' }] });
    expect(await signUp(0, { events: ['single'], size: 'xl' })).toMatchObject({ code: 'ANSWERS_INVALID', issues: [{ message: '「T恤尺码」没有这个选项' }] });
    expect(await signUp(-1, { events: ['single'] })).toMatchObject({ code: 'INVALID_INPUT' });
    expect(t.snapshot()).toEqual(before);

    const mine = expectOk(await signUp(1, { events: ['single', 'mixed'], size: 'l', bus: true, note: ' 素食 ' }));
    expect(mine).toEqual({ status: 'confirmed', companions: 1 });
    expect(signupDoc(a._id, plain)).toMatchObject({ status: 'confirmed', seats: 2, answers: { events: ['single', 'mixed'], size: 'l', bus: true, note: '素食' } });
    expect(activityDoc(a._id)).toMatchObject({ taken: 2, waiting: 0 });
    expect(await signUp(0, { events: ['single'] })).toMatchObject({ code: 'ALREADY_SIGNED_UP' });
    const detail = expectOk(await t.act(as(plain), 'activity.get', { activityId: a._id }));
    expect(detail).toMatchObject({ mine: { status: 'confirmed', companions: 1, answers: { size: 'l' } }, canSignUp: { ok: false, reason: '你已经报名了' }, canCancel: true });
  });

  it('keeps members to their audience and organisers see everything', async () => {
    const retiredWomen = await published({ audience: { statuses: ['retired'], genders: ['female'] } });
    const member = byNo('T1014');
    expect(member.status).toBe('active');
    const before = t.snapshot();
    expect(await t.act(as(member.staffNo), 'activity.get', { activityId: retiredWomen._id })).toMatchObject({ code: 'NOT_IN_AUDIENCE' });
    expect(await t.act(as(member.staffNo), 'activity.signUp', { activityId: retiredWomen._id, companions: 0, answers: {} })).toMatchObject({ code: 'NOT_IN_AUDIENCE', message: '这个活动不面向你，无法报名' });
    expect(t.snapshot()).toEqual(before);
    expect(expectOk(await t.act(as(member.staffNo), 'activity.list', {})).activities.map((a) => a._id)).not.toContain(retiredWomen._id);
    const retiredWoman = demo.members.find((m) => m.status === 'retired' && m.gender === 'female' && m.openid)!;
    expect(expectOk(await t.act(as(retiredWoman.staffNo), 'activity.list', {})).activities.map((a) => a._id)).toContain(retiredWomen._id);
    expect(expectOk(await t.act(committee, 'activity.get', { activityId: retiredWomen._id })).canManage).toBe(true);
    const delegates = await published({ audience: { delegatesOnly: true, groupIds: [member.groupId] } });
    const delegate = demo.members.find((m) => m.isDelegate && m.groupId === member.groupId && m.openid)!;
    expect(await t.act(as(member.staffNo), 'activity.signUp', { activityId: delegates._id, companions: 0, answers: {} })).toMatchObject({ code: 'NOT_IN_AUDIENCE' });
    expect(expectOk(await t.act(as(delegate.staffNo), 'activity.signUp', { activityId: delegates._id, companions: 0, answers: {} })).status).toBe('confirmed');
  });

  it('opens and closes by the window; the deadline binds members but not organisers', async () => {
    const a = await published({ signupOpensAt: T0 + DAY, signupDeadline: T0 + 2 * DAY, capacity: 5 });
    const before = t.snapshot();
    const early = await t.act(as(plain), 'activity.signUp', { activityId: a._id, companions: 0, answers: {} });
    expect(early).toMatchObject({ code: 'SIGNUP_NOT_OPEN' });
    expect(expectOk(await t.act(as(plain), 'activity.get', { activityId: a._id })).canSignUp).toEqual({ ok: false, reason: '报名将于 3月3日 09:00 开始' });
    expect(t.snapshot()).toEqual(before);
    t.cloud.clock.set(T0 + DAY + 1);
    expect(expectOk(await t.act(as(plain), 'activity.signUp', { activityId: a._id, companions: 0, answers: {} })).status).toBe('confirmed');
    t.cloud.clock.set(T0 + 2 * DAY + 1);
    const late = t.snapshot();
    expect(await t.act(as('T1014'), 'activity.signUp', { activityId: a._id, companions: 0, answers: {} })).toMatchObject({ code: 'SIGNUP_NOT_OPEN' });
    expect(await t.act(as(plain), 'activity.cancelSignup', { activityId: a._id })).toMatchObject({ code: 'SIGNUP_NOT_OPEN' });
    expect(await t.act(as(leader), 'activity.signUpFor', { activityId: a._id, memberId: 'T1014', companions: 0, answers: {} })).toMatchObject({ code: 'SIGNUP_NOT_OPEN' });
    expect(t.snapshot()).toEqual(late);
    expect(expectOk(await t.act(chair, 'activity.signUpFor', { activityId: a._id, memberId: 'T1014', companions: 0, answers: {} })).status).toBe('confirmed');
    expect(signupDoc(a._id, 'T1014')).toMatchObject({ signedUpBy: demo.chair.staffNo });
    expect(expectOk(await t.act(chair, 'activity.removeSignup', { activityId: a._id, memberId: plain, reason: '临时有课' }))).toEqual({ removed: true });
    expect(signupDoc(a._id, plain)).toMatchObject({ status: 'cancelled', cancelReason: '临时有课', removedBy: demo.chair.staffNo });
    t.cloud.clock.set(T0);
  });

  it('refuses cancelling when the rule says so', async () => {
    const a = await published({ cancelRule: 'none' });
    expectOk(await t.act(as(plain), 'activity.signUp', { activityId: a._id, companions: 0, answers: {} }));
    const before = t.snapshot();
    expect(await t.act(as(plain), 'activity.cancelSignup', { activityId: a._id })).toMatchObject({ code: 'CANCEL_NOT_ALLOWED' });
    expect(await t.act(as('T1014'), 'activity.cancelSignup', { activityId: (await published())._id })).toMatchObject({ code: 'NOT_SIGNED_UP' });
    expect(t.snapshot().signups).toEqual(before.signups);
  });

  it('waitlists when full, promotes in order on cancellation, and lets a cancelled person come back', async () => {
    const a = await published({ capacity: 3, companionsMax: 2 });
    const go = (no: string, companions = 0) => t.act(as(no), 'activity.signUp', { activityId: a._id, companions, answers: {} });
    expect(expectOk(await go(plain, 1))).toEqual({ status: 'confirmed', companions: 1 }); // 2 of 3
    t.cloud.clock.advance(1000);
    expect(expectOk(await go('T1014', 1))).toEqual({ status: 'waitlisted', companions: 1, waitPosition: 1 }); // needs 2, 1 left
    t.cloud.clock.advance(1000);
    expect(expectOk(await go('T1022'))).toEqual({ status: 'waitlisted', companions: 0, waitPosition: 2 }); // fits, but may not jump the queue
    expect(activityDoc(a._id)).toMatchObject({ taken: 2, waiting: 2 });
    const list = expectOk(await t.act(as('T1022'), 'activity.list', {})).activities.find((x) => x._id === a._id)!;
    expect(list.mine).toEqual({ status: 'waitlisted', companions: 0, waitPosition: 2 });

    expectOk(await t.act(as(plain), 'activity.cancelSignup', { activityId: a._id }));
    expect(signupDoc(a._id, 'T1014')).toMatchObject({ status: 'confirmed', promotedAt: expect.any(Number) });
    expect(signupDoc(a._id, 'T1022')).toMatchObject({ status: 'confirmed', promotedAt: expect.any(Number) });
    expect(activityDoc(a._id)).toMatchObject({ taken: 3, waiting: 0 });

    expect(expectOk(await go(plain))).toEqual({ status: 'waitlisted', companions: 0, waitPosition: 1 });
    expect(expectOk(await t.act(as(plain), 'activity.get', { activityId: a._id })).mine).toMatchObject({ status: 'waitlisted', waitPosition: 1 });
    // Capacity can grow (the waitlist moves) but not drop below what is taken.
    const before = t.snapshot();
    expect(await t.act(chair, 'activity.update', { activityId: a._id, draft: activityDraft(T0, { capacity: 2, companionsMax: 2 }) })).toMatchObject({ code: 'CAPACITY_BELOW_TAKEN' });
    expect(t.snapshot()).toEqual(before);
    expectOk(await t.act(chair, 'activity.update', { activityId: a._id, draft: activityDraft(T0, { capacity: 4, companionsMax: 2 }) }));
    expect(signupDoc(a._id, plain)).toMatchObject({ status: 'confirmed' });
    expect(activityDoc(a._id)).toMatchObject({ taken: 4, waiting: 0 });
  });

  it('refuses to remove a question or option someone answered, but allows removing unused ones', async () => {
    const a = await published({ choices });
    expectOk(await t.act(as(plain), 'activity.signUp', { activityId: a._id, companions: 0, answers: { events: ['double'], bus: true } }));
    const before = t.snapshot();
    const without = (edit: (c: typeof choices) => typeof choices) => t.act(chair, 'activity.update', { activityId: a._id, draft: activityDraft(T0, { choices: edit(choices) }) });
    const noDouble = (c: typeof choices) => c.map((q) => (q.id === 'events' && q.kind === 'multi' ? { ...q, options: q.options.filter((o) => o.id !== 'double') } : q));
    expect(await without(noDouble)).toMatchObject({ code: 'CHOICE_IN_USE', issues: [{ message: expect.stringContaining('「参赛项目」的「双打」') }] });
    expect(await without((c) => c.filter((q) => q.id !== 'bus'))).toMatchObject({ code: 'CHOICE_IN_USE' });
    expect(t.snapshot()).toEqual(before);
    const noMixed = (c: typeof choices) => c.map((q) => (q.id === 'events' && q.kind === 'multi' ? { ...q, options: q.options.filter((o) => o.id !== 'mixed') } : q));
    expect(expectOk(await without((c) => noMixed(c).filter((q) => q.id !== 'note'))).choices.map((q) => q.id)).toEqual(['events', 'size', 'bus']);
  });
});

describe('edits that lower limits', () => {
  const multi: ActivityDraft['choices'] = [
    { id: 'events', kind: 'multi', label: '参赛项目', required: true, max: 3, options: [{ id: 'single', label: '单打' }, { id: 'double', label: '双打' }, { id: 'mixed', label: '混双' }] },
  ];

  it('refuses fewer picks or companions than a sign-up already holds, writing nothing; lowering to what everyone fits is fine', async () => {
    const a = await published({ choices: multi, companionsMax: 2 });
    expectOk(await t.act(as(plain), 'activity.signUp', { activityId: a._id, companions: 2, answers: { events: ['single', 'double'] } }));
    const before = t.snapshot();
    const edit = (overrides: Partial<ActivityDraft>) => t.act(chair, 'activity.update', { activityId: a._id, draft: activityDraft(T0, { choices: multi, companionsMax: 2, ...overrides }) });
    const oneEvent = multi.map((q) => (q.kind === 'multi' ? { ...q, max: 1 } : q));
    expect(await edit({ choices: oneEvent })).toMatchObject({ ok: false, code: 'EDIT_BREAKS_SIGNUPS', issues: [{ message: '「参赛项目」已有人选了超过 1 项' }] });
    expect(await edit({ companionsMax: 1 })).toMatchObject({ ok: false, code: 'EDIT_BREAKS_SIGNUPS', issues: [{ message: '已有人携带家属超过 1 人' }] });
    expect(t.snapshot()).toEqual(before);
    const twoEvents = multi.map((q) => (q.kind === 'multi' ? { ...q, max: 2 } : q));
    expect(expectOk(await edit({ choices: twoEvents })).choices[0]).toMatchObject({ max: 2 });
  });
});

describe('group leaders and participants', () => {
  it('a group leader signs up members of their own group only, and sees only their group', async () => {
    const a = await published({ capacity: 2 });
    const before = t.snapshot();
    expect(await t.act(as(leader), 'activity.signUpFor', { activityId: a._id, memberId: plain, companions: 0, answers: {} })).toMatchObject({ code: 'NOT_YOUR_GROUP' });
    expect(await t.act(as(plain), 'activity.signUpFor', { activityId: a._id, memberId: plain, companions: 0, answers: {} })).toMatchObject({ code: 'FORBIDDEN' });
    expect(t.snapshot()).toEqual(before);
    // The test clock stands still: move it on between arrivals.
    expect(expectOk(await t.act(as(leader), 'activity.signUpFor', { activityId: a._id, memberId: 'T1014', companions: 0, answers: {} })).status).toBe('confirmed');
    t.cloud.clock.advance(1000);
    expectOk(await t.act(as(plain), 'activity.signUp', { activityId: a._id, companions: 0, answers: {} }));
    t.cloud.clock.advance(1000);
    expectOk(await t.act(as('T1022'), 'activity.signUp', { activityId: a._id, companions: 0, answers: {} }));
    const all = expectOk(await t.act(chair, 'activity.participants', { activityId: a._id }));
    expect(all.scope).toBe('all');
    expect(all.confirmed.map((r) => r.memberId)).toEqual(['T1014', plain]);
    expect(all.waitlist).toEqual([expect.objectContaining({ memberId: 'T1022', waitPosition: 1, status: 'waitlisted' })]);
    expect(all.confirmed[0]).toMatchObject({ signedUpBy: leader, groupName: '体艺组' });
    const mine = expectOk(await t.act(as(leader), 'activity.participants', { activityId: a._id }));
    expect(mine.scope).toBe('group');
    expect([...mine.confirmed, ...mine.waitlist].map((r) => r.memberId)).toEqual(['T1014', 'T1022']);
    expect(await t.act(as(plain), 'activity.participants', { activityId: a._id })).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('lists by month in Shanghai time and shows my sign-ups', async () => {
    // 2026-04-01 00:30 in Shanghai is still March in UTC.
    const april = Date.UTC(2026, 2, 31, 16, 30);
    const a = await published({ title: '四月春游', startAt: april, endAt: april + 3600_000, signupDeadline: april - DAY });
    const month = async (m: string) => expectOk(await t.act(as(plain), 'activity.list', { month: m })).activities.map((x) => x._id);
    expect(await month('2026-04')).toContain(a._id);
    expect(await month('2026-03')).not.toContain(a._id);
    expect(expectOk(await t.act(as(plain), 'activity.list', { category: 'health' })).activities).toEqual([]);
    const mine = expectOk(await t.act(as(plain), 'activity.mine', {}));
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((s) => s.mine !== null)).toBe(true);
    expect(await t.act(as(plain), 'activity.list', { month: '2026-13' })).toMatchObject({ code: 'INVALID_INPUT' });
  });
});

describe('database requests per screen stay constant', () => {
  it('list, mine and participants cost the same with 10 and with 300 activities', async () => {
    const counts: Record<string, number[]> = { list: [], mine: [], participants: [] };
    const [person] = seedBoundMembers(t.cloud, 1, () => ({}), 'Q');
    const crowd = seedBoundMembers(t.cloud, 300, () => ({}), 'P');
    for (const n of [10, 300]) {
      const category = n === 10 ? 'health' : 'meeting';
      const ids = t.cloud.db.admin.insert(
        'activities',
        Array.from({ length: n }, (_, i) => ({
          ...activityDraft(T0, { category, startAt: T0 + (8 + i / 100) * DAY, endAt: T0 + 9 * DAY }),
          status: 'published', taken: 0, waiting: 0, createdBy: 'T1001', createdAt: T0, updatedAt: T0, capacity: 1,
        })),
      );
      // The person holds a place in every activity: confirmed in half, waitlisted (behind one) in the other half.
      t.cloud.db.admin.insert('signups', ids.flatMap((id, i) => {
        const row = (memberId: string, status: string, arrivedAt: number) => ({ _id: `${id}_${memberId}`, activityId: id, memberId, memberName: 'x', groupId: 'demo-g1', groupName: '语文组', companions: 0, seats: 1, answers: {}, status, arrivedAt });
        return i % 2 ? [row(person.staffNo, 'confirmed', 1)] : [row(crowd[0].staffNo, 'waitlisted', 1), row(person.staffNo, 'waitlisted', 2)];
      }));
      // and one activity has n participants.
      t.cloud.db.admin.insert('signups', crowd.slice(0, n).map((p, i) => ({ _id: `${ids[0]}_${p.staffNo}x`, activityId: ids[0], memberId: `${p.staffNo}x`, memberName: 'y', groupId: 'demo-g1', groupName: '语文组', companions: 0, seats: 1, answers: {}, status: i % 3 ? 'confirmed' : 'waitlisted', arrivedAt: 10 + i })));
      const list = await t.cloud.call('api', { action: 'activity.list', input: { category } }, { openid: person.openid });
      expect(list.result.data.activities).toHaveLength(n);
      expect(list.result.data.activities[0].mine).toEqual({ status: 'waitlisted', companions: 0, waitPosition: 2 });
      const mine = await t.cloud.call('api', { action: 'activity.mine', input: {} }, { openid: person.openid });
      expect(mine.result.data.length).toBeGreaterThanOrEqual(n);
      const participants = await t.cloud.call('api', { action: 'activity.participants', input: { activityId: ids[0] } }, { openid: chair });
      expect(participants.result.data.confirmed.length + participants.result.data.waitlist.length).toBe(n + 2);
      counts.list.push(list.dbRequests);
      counts.mine.push(mine.dbRequests);
      counts.participants.push(participants.dbRequests);
    }
    console.log('dbRequests for 10 vs 300 activities:', JSON.stringify(counts));
    for (const [, [ten, many]] of Object.entries(counts)) expect(many).toBe(ten);
    expect(counts.list[0]).toBeLessThanOrEqual(5); // + which ids in the answer are 工号 (plain members get public ids)
  });
});
