/**
 * The reminders timer through the local cloud's clock and its trigger: each kind fires at the
 * right time to exactly the right members, the consent ledger is spent exactly, and a run killed
 * halfway, a rerun, or two overlapping runs send every message at most once.
 */
import { execFileSync } from 'node:child_process';
import type { Message } from '../../types/message';
import { ACTIVITY_REMINDER_TEMPLATE, NOTICE_REMINDER_TEMPLATE, VOTE_REMINDER_TEMPLATE, type SubscriptionTemplateId } from '../../types/subscriptions';
import { activityDraft, demo, expectOk, seedBoundMembers, startTestCloud, type TestCloud } from './support/harness';
import { election, voteDraft } from './support/votes';
import { STALE_CLAIM_MS } from '../../cloudfunctions/api/src/lib/messenger';

jest.setTimeout(120_000);

let t: TestCloud;
const HOUR = 60 * 60 * 1000;
const SHANGHAI = 8 * HOUR;
/** hh:mm on a December 2026 day, Shanghai time. */
const at = (day: number, hour: number, minute = 0) => Date.UTC(2026, 11, day, hour, minute) - SHANGHAI;
const chair = demo.openid(demo.chair.staffNo);
const people = demo.members.filter((m) => m.openid && m.roles.length === 0);
const active = people.filter((m) => m.status === 'active');
const as = (m: { staffNo: string }) => demo.openid(m.staffNo);

beforeAll(async () => {
  t = await startTestCloud({ instancesPerFunction: 2 });
});
afterAll(() => t.stop());

const run = () => t.cloud.fireTrigger('reminders', 'hourly');
const consent = (m: { staffNo: string }, templateId: SubscriptionTemplateId) => t.act(as(m), 'subscription.report', { templateId, result: 'accept', context: { kind: 'settings' } });
const messages = (reason: string) => t.cloud.db.admin.find('messages', { reason }) as Message[];
const outboxFor = (page: string) => t.cloud.outbox().filter((entry) => entry.page === page);
const credits = (m: { staffNo: string }, templateId: string) => t.cloud.db.admin.find('subscriptions', { _id: `${as(m)}_${templateId}` })[0]?.credits;

describe('the day before an activity', () => {
  it('reminds its confirmed participants once, by WeChat those who consented, in the app the others', async () => {
    t.cloud.clock.set(at(3, 10));
    const draft = activityDraft(at(3, 10), { title: '教工气排球赛', startAt: at(4, 15), endAt: at(4, 17), signupOpensAt: at(2, 8), signupDeadline: at(4, 12), capacity: 2 });
    const a = expectOk(await t.act(chair, 'activity.create', { draft }));
    expectOk(await t.act(chair, 'activity.publish', { activityId: a._id }));
    const [p1, p2, p3] = active;
    for (const p of [p1, p2, p3]) expectOk(await t.act(as(p), 'activity.signUp', { activityId: a._id, companions: 0, answers: {} }));
    expectOk(await consent(p1, ACTIVITY_REMINDER_TEMPLATE));
    expectOk(await consent(p3, ACTIVITY_REMINDER_TEMPLATE)); // waitlisted: not a participant

    t.cloud.clock.set(at(3, 8, 59));
    await run();
    expect(messages(`activity-start:${a._id}`)).toEqual([]);

    t.cloud.clock.set(at(3, 9));
    await run();
    const sent = messages(`activity-start:${a._id}`);
    expect(sent.map((m) => m.memberId).sort()).toEqual([p1.staffNo, p2.staffNo].sort());
    expect(sent.find((m) => m.memberId === p1.staffNo)).toMatchObject({ delivery: 'sent', kind: 'activityStart', title: '教工气排球赛' });
    expect(sent.find((m) => m.memberId === p2.staffNo)).toMatchObject({ delivery: 'inApp' });
    const page = `pages/activity/index?id=${a._id}`;
    expect(outboxFor(page).map((e) => e.touser)).toEqual([as(p1)]);
    expect(outboxFor(page)[0].data).toMatchObject({ thing1: { value: '教工气排球赛' }, time2: { value: '2026年12月4日 15:00' } });
    expect(credits(p1, ACTIVITY_REMINDER_TEMPLATE)).toBe(0);
    expect(credits(p3, ACTIVITY_REMINDER_TEMPLATE)).toBe(1);

    // Every hour after, nothing new.
    t.cloud.clock.set(at(3, 10));
    await run();
    t.cloud.clock.set(at(3, 23));
    await run();
    expect(outboxFor(page)).toHaveLength(1);
    expect(messages(`activity-start:${a._id}`)).toHaveLength(2);
    // The member finds it in 消息.
    const inbox = expectOk(await t.act(as(p2), 'message.list', {}));
    expect(inbox.messages.find((m) => m.page === page)).toMatchObject({ kind: 'activityStart', read: false, byWechat: false });
  });

  it('reminds the audience not yet signed up the day before the sign-up deadline', async () => {
    t.cloud.clock.set(at(6, 10));
    const draft = activityDraft(at(6, 10), { title: '教工父母一日游', audience: { statuses: ['active'] }, startAt: at(12, 8), endAt: at(12, 18), signupOpensAt: at(5, 8), signupDeadline: at(7, 18), capacity: null });
    const a = expectOk(await t.act(chair, 'activity.create', { draft }));
    expectOk(await t.act(chair, 'activity.publish', { activityId: a._id }));
    expectOk(await t.act(as(active[0]), 'activity.signUp', { activityId: a._id, companions: 0, answers: {} }));
    t.cloud.clock.set(at(6, 9, 30));
    await run();
    const reminded = messages(`signup-deadline:${a._id}`).map((m) => m.memberId);
    const expected = demo.members.filter((m) => m.openid && m.status === 'active' && m.staffNo !== active[0].staffNo).map((m) => m.staffNo);
    expect(reminded.sort()).toEqual(expected.sort());
  });
});

describe('the day before a vote closes', () => {
  it('reminds only the electorate who have not voted', async () => {
    t.cloud.clock.set(at(9, 10));
    const vote = expectOk(await t.act(chair, 'vote.create', { draft: voteDraft(at(9, 10), election(3, 1), { closesAt: at(10, 18), electorate: { statuses: ['active'] } }) }));
    expectOk(await t.act(chair, 'vote.publish', { voteId: vote._id }));
    expectOk(await t.act(as(active[1]), 'vote.cast', { voteId: vote._id, ballot: { kind: 'election', picks: ['c1'] } }));
    expectOk(await consent(active[2], VOTE_REMINDER_TEMPLATE));
    await run();
    const reminded = messages(`vote-closing:${vote._id}`);
    const expected = demo.members.filter((m) => m.openid && m.status === 'active' && m.staffNo !== active[1].staffNo).map((m) => m.staffNo);
    expect(reminded.map((m) => m.memberId).sort()).toEqual(expected.sort());
    expect(reminded.filter((m) => m.delivery === 'sent').map((m) => m.memberId)).toEqual([active[2].staffNo]);
    expect(credits(active[2], VOTE_REMINDER_TEMPLATE)).toBe(0);
  });
});

describe('the month’s digest and scheduled notices', () => {
  it('goes out from 09:00 on the 1st, once, with the plan’s items for the month', async () => {
    expectOk(
      await t.act(chair, 'plan.save', {
        year: 2027,
        title: '2027年工会工作计划',
        months: [{ year: 2027, month: 1, items: [{ id: 'i1', text: '开展对离退休人员和困难职工的送温暖活动。' }, { id: 'i2', text: '做好学期工会工作总结' }] }],
      }),
    );
    expectOk(await consent(active[3], NOTICE_REMINDER_TEMPLATE));
    t.cloud.clock.set(Date.UTC(2027, 0, 1, 8, 30) - SHANGHAI);
    await run();
    expect(messages('digest:2027-01')).toEqual([]);
    t.cloud.clock.set(Date.UTC(2027, 0, 1, 9, 0) - SHANGHAI);
    await Promise.all([run(), run()]);
    const digest = messages('digest:2027-01');
    expect(digest).toHaveLength(demo.members.filter((m) => m.openid).length);
    expect(digest[0]).toMatchObject({ title: '1月工会工作安排' });
    expect(digest[0].body).toContain('本月工作计划 2 项');
    expect(digest.filter((m) => m.delivery === 'sent').map((m) => m.memberId)).toEqual([active[3].staffNo]);
    t.cloud.clock.set(Date.UTC(2027, 0, 1, 15, 0) - SHANGHAI);
    await run();
    expect(messages('digest:2027-01')).toHaveLength(digest.length);
    expect(t.cloud.outbox().filter((e) => e.touser === as(active[3]) && e.page === 'pages/index/index')).toHaveLength(1);
  });

  it('announces a scheduled notice once its time has come, not before', async () => {
    t.cloud.clock.set(Date.UTC(2027, 0, 5, 10) - SHANGHAI);
    const draft = { title: '寒假工会慰问安排', body: '寒假期间工会将走访慰问离退休教职工。', attachments: [], audience: { statuses: ['retired' as const] }, everyone: false, pinned: false, publishAt: Date.UTC(2027, 0, 6, 8) - SHANGHAI };
    const notice = expectOk(await t.act(chair, 'notice.create', { draft }));
    expect(expectOk(await t.act(chair, 'notice.publish', { noticeId: notice._id })).status).toBe('published');
    await run();
    expect(messages(`notice:${notice._id}`)).toEqual([]);
    const retired = demo.members.find((m) => m.openid && m.status === 'retired')!;
    expect(expectOk(await t.act(as(retired), 'notice.list', {})).notices.map((n) => n._id)).not.toContain(notice._id);

    t.cloud.clock.set(Date.UTC(2027, 0, 6, 9) - SHANGHAI);
    await run();
    await run();
    const sent = messages(`notice:${notice._id}`);
    expect(sent.map((m) => m.memberId).sort()).toEqual(demo.members.filter((m) => m.openid && m.status === 'retired').map((m) => m.staffNo).sort());
    expect(expectOk(await t.act(as(retired), 'notice.list', {})).notices.map((n) => n._id)).toContain(notice._id);
  });
});

describe('exactly once', () => {
  const CROWD = 400;

  /** Members in one new group, each with one consent for vote reminders, and a vote closing tomorrow. */
  async function crowdAndVote(prefix: string, day: number) {
    const crowd = seedBoundMembers(t.cloud, CROWD, () => ({ groupId: `g-${prefix}`, groupName: `${prefix}组` }), prefix);
    t.cloud.db.admin.insert('subscriptions', crowd.map((p) => ({ _id: `${p.openid}_${VOTE_REMINDER_TEMPLATE}`, openid: p.openid, templateId: VOTE_REMINDER_TEMPLATE, credits: 1, lastResult: 'accept', updatedAt: 0 })));
    t.cloud.clock.set(at(day, 10));
    const vote = expectOk(await t.act(chair, 'vote.create', { draft: voteDraft(at(day, 10), election(2, 1), { title: `${prefix}组评选`, closesAt: at(day + 1, 18), electorate: { groupIds: [`g-${prefix}`] } }) }));
    expectOk(await t.act(chair, 'vote.publish', { voteId: vote._id }));
    return { crowd, vote, page: `packages/vote/ballot/index?id=${vote._id}` };
  }

  /** kill -9 of the reminders function's instance (a child of this process). */
  function killRemindersInstance(): boolean {
    const lines = execFileSync('ps', ['-eo', 'pid=,ppid=,args=']).toString().split('\n');
    const victims = lines.map((l) => l.trim().split(/\s+/)).filter(([, ppid, ...args]) => Number(ppid) === process.pid && args.join(' ').includes('cloudfunctions/reminders/index.js'));
    for (const [pid] of victims) process.kill(Number(pid), 'SIGKILL');
    return victims.length > 0;
  }

  it('a run killed halfway, then run again, sends each message once', async () => {
    const { crowd, vote, page } = await crowdAndVote('K', 14);
    const running = run().catch(() => 'killed');
    // Wait until WeChat has accepted some of the messages, then kill the instance mid-run.
    for (let i = 0; i < 2000 && outboxFor(page).length < 40; i += 1) await new Promise((r) => setTimeout(r, 5));
    expect(killRemindersInstance()).toBe(true);
    await running;
    // Let the local cloud notice every killed instance before the next run picks one.
    while ((t.cloud.instanceCounts().reminders ?? 0) > 0) await new Promise((r) => setTimeout(r, 10));
    const afterCrash = outboxFor(page).length;
    expect(afterCrash).toBeGreaterThan(0);
    expect(afterCrash).toBeLessThan(CROWD);

    // The next hourly run comes after the dead run's claim has gone stale: it takes back what the
    // dead run never tried, and sends it. A third run finds nothing left.
    t.cloud.clock.advance(STALE_CLAIM_MS + 60_000);
    await run();
    await run();
    const sent = outboxFor(page).map((e) => e.touser);
    expect(new Set(sent).size).toBe(sent.length);
    const stored = messages(`vote-closing:${vote._id}`).filter((m) => crowd.some((p) => p.staffNo === m.memberId));
    expect(stored).toHaveLength(CROWD);
    const by = (delivery: Message['delivery']) => stored.filter((m) => m.delivery === delivery).length;
    expect(by('pending') + by('sending')).toBe(0);
    // Only the batch in flight when the run died is uncertain, and it is never sent again.
    expect(by('attempting')).toBeLessThanOrEqual(50);
    expect(sent.length).toBeGreaterThanOrEqual(by('sent'));
    expect(sent.length).toBeLessThanOrEqual(by('sent') + by('attempting'));
    expect(sent.length).toBeGreaterThanOrEqual(CROWD - 50);
  });

  it('two overlapping runs send each message once', async () => {
    const { crowd, vote, page } = await crowdAndVote('O', 20);
    await Promise.all([run(), run()]);
    const sent = outboxFor(page).map((e) => e.touser);
    expect(sent).toHaveLength(CROWD);
    expect(new Set(sent).size).toBe(CROWD);
    expect(messages(`vote-closing:${vote._id}`).filter((m) => m.delivery === 'sent')).toHaveLength(CROWD);
    expect(crowd.every((p) => t.cloud.db.admin.find('subscriptions', { _id: `${p.openid}_${VOTE_REMINDER_TEMPLATE}` })[0].credits === 0)).toBe(true);
  });

  it('a refusal by WeChat (43101) empties the member’s ledger for that template', async () => {
    t.cloud.clock.set(at(25, 10));
    const who = active[4];
    expectOk(await consent(who, VOTE_REMINDER_TEMPLATE));
    expectOk(await consent(who, VOTE_REMINDER_TEMPLATE));
    const vote = expectOk(await t.act(chair, 'vote.create', { draft: voteDraft(at(25, 10), election(2, 1), { closesAt: at(26, 18), electorate: { statuses: ['active'] } }) }));
    expectOk(await t.act(chair, 'vote.publish', { voteId: vote._id }));
    t.cloud.script.refuseNext(as(who), 43101);
    await run();
    expect(messages(`vote-closing:${vote._id}`).find((m) => m.memberId === who.staffNo)).toMatchObject({ delivery: 'refused' });
    expect(credits(who, VOTE_REMINDER_TEMPLATE)).toBe(0);
  });
});

describe('a run that runs out of time', () => {
  it('leaves what it did not start for the next run, which sends it once', async () => {
    const short = await startTestCloud({ functionEnv: { reminders: { REMINDER_RUN_BUDGET_MS: '1' } } });
    try {
      short.cloud.clock.set(at(3, 10));
      const boss = demo.openid(demo.chair.staffNo);
      const ids: string[] = [];
      for (const title of ['明天截止的投票甲', '明天截止的投票乙', '明天截止的投票丙']) {
        const vote = expectOk(await short.act(boss, 'vote.create', { draft: voteDraft(at(3, 10), election(2, 1), { title, closesAt: at(4, 18) }) }));
        expectOk(await short.act(boss, 'vote.publish', { voteId: vote._id }));
        ids.push(vote._id);
      }
      const count = () => ids.map((id) => short.cloud.db.admin.find('messages', { reason: `vote-closing:${id}` }).length);
      const first = await short.cloud.fireTrigger('reminders', 'hourly');
      expect(first.report.unfinished).toBeGreaterThan(0);
      for (let i = 0; i < 5 && count().some((n) => n === 0); i += 1) await short.cloud.fireTrigger('reminders', 'hourly');
      const everyone = demo.members.filter((m) => m.openid).length;
      expect(count()).toEqual([everyone, everyone, everyone]);
    } finally {
      await short.stop();
    }
  });
});
