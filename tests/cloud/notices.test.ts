/**
 * 通知公告 through the real request function: audiences, scheduling, reads counted against the
 * roster, reminding the unread, content safety, attachments checked on the stored file.
 */
import type { NoticeDraft } from '../../types/notice';
import { demo, expectOk, startTestCloud, type TestCloud } from './support/harness';

jest.setTimeout(60_000);

let t: TestCloud;
const HOUR = 60 * 60 * 1000;
const T0 = Date.UTC(2026, 11, 2, 2, 0);
const chair = demo.openid(demo.chair.staffNo);
const committee = demo.openid(demo.committee.staffNo);
const as = (m: { staffNo: string }) => demo.openid(m.staffNo);
const bound = demo.members.filter((m) => m.openid);
const retired = bound.filter((m) => m.status === 'retired');
const active = bound.filter((m) => m.status === 'active' && m.roles.length === 0);
const leader = demo.members.find((m) => m.roles.includes('groupLeader') && !m.roles.includes('chair') && !m.roles.includes('committee'))!;

beforeAll(async () => {
  t = await startTestCloud();
});
afterAll(() => t.stop());
beforeEach(() => {
  t.cloud.clock.set(T0);
  t.cloud.script.reset();
});

const draft = (overrides: Partial<NoticeDraft> = {}): NoticeDraft => ({
  title: '关于组织教职工体检的通知',
  body: '今年的教职工体检定于12月10日在市人民医院进行，请各位老师空腹前往。',
  attachments: [],
  audience: {},
  everyone: true,
  pinned: false,
  publishAt: null,
  ...overrides,
});

/** Published now; the clock then moves on a second, as it would between two people's taps. */
async function published(overrides: Partial<NoticeDraft> = {}) {
  const notice = expectOk(await t.act(chair, 'notice.create', { draft: draft(overrides) }));
  const answer = expectOk(await t.act(chair, 'notice.publish', { noticeId: notice._id }));
  t.cloud.clock.advance(1000);
  return answer;
}

it('shows members the notices meant for them, pinned first, unread marked; opening one marks it read', async () => {
  const older = await published({ title: '工会经费收支情况公示' });
  t.cloud.clock.set(T0 + HOUR);
  const pinned = await published({ title: '置顶：年终慰问安排', pinned: true });
  t.cloud.clock.set(T0 + 2 * HOUR);
  const newest = await published({ title: '最新通知：元旦联欢' });
  const forRetired = await published({ title: '离退休教职工重阳节活动', everyone: false, audience: { statuses: ['retired'] } });

  const reader = active[0];
  const list = expectOk(await t.act(as(reader), 'notice.list', {}));
  const ids = list.notices.map((n) => n._id);
  expect(ids.slice(0, 3)).toEqual([pinned._id, newest._id, older._id]);
  expect(ids).not.toContain(forRetired._id);
  expect(list.unread).toBe(list.notices.length);

  const detail = expectOk(await t.act(as(reader), 'notice.get', { noticeId: newest._id }));
  expect(detail).toMatchObject({ read: true, notice: { title: '最新通知：元旦联欢' } });
  expectOk(await t.act(as(reader), 'notice.get', { noticeId: newest._id }));
  expect(t.cloud.db.admin.find('noticeReads', { noticeId: newest._id })).toHaveLength(1);
  const after = expectOk(await t.act(as(reader), 'notice.list', {}));
  expect(after.notices.find((n) => n._id === newest._id)?.read).toBe(true);
  expect(after.unread).toBe(list.unread - 1);

  expect(await t.act(as(reader), 'notice.get', { noticeId: forRetired._id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  expect(expectOk(await t.act(as(retired[0]), 'notice.get', { noticeId: forRetired._id })).read).toBe(true);
});

it('counts reads against the audience roster, lists who has not read, and reminds them once a day', async () => {
  const notice = await published({ title: '关于填报困难职工情况的通知' });
  const everyone = demo.members.length;
  expectOk(await t.act(as(active[0]), 'notice.get', { noticeId: notice._id }));
  const readers = expectOk(await t.act(chair, 'notice.readers', { noticeId: notice._id }));
  expect(readers).toMatchObject({ audienceSize: everyone, readCount: 1, scope: 'all' });
  expect(readers.unread).toHaveLength(everyone - 1);
  expect(readers.unread.find((m) => m.memberId === demo.unbound[0].staffNo)).toMatchObject({ bound: false });

  // A group leader sees their own group's part.
  const own = expectOk(await t.act(as(leader), 'notice.readers', { noticeId: notice._id }));
  expect(own.scope).toBe('group');
  expect(new Set(own.unread.map((m) => m.groupName))).toEqual(new Set([leader.groupName]));

  const reminded = expectOk(await t.act(committee, 'notice.remindUnread', { noticeId: notice._id }));
  const boundUnread = readers.unread.filter((m) => m.bound).length;
  expect(reminded).toMatchObject({ reminded: boundUnread, wechat: 0, inAppOnly: boundUnread });
  expect(expectOk(await t.act(committee, 'notice.remindUnread', { noticeId: notice._id })).reminded).toBe(0);
  expect(expectOk(await t.act(chair, 'notice.readers', { noticeId: notice._id })).reminders).toEqual({ wechat: 0, inAppOnly: boundUnread + (bound.length) });
  expect(await t.act(as(active[1]), 'notice.readers', { noticeId: notice._id })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
});

it('tells a group leader nothing of a notice that is not out yet (draft or scheduled), its title included; organisers see it', async () => {
  const unpublished = expectOk(await t.act(chair, 'notice.create', { draft: draft({ title: '关于调整绩效工资方案的征求意见稿' }) }));
  const scheduled = await published({ title: '关于寒假值班安排的预告', publishAt: T0 + 5 * HOUR });
  for (const notice of [unpublished, scheduled]) {
    const answer = await t.act(as(leader), 'notice.readers', { noticeId: notice._id });
    expect(answer).toEqual(await t.act(as(leader), 'notice.readers', { noticeId: 'no-such-notice' }));
    expect(answer).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(JSON.stringify(answer)).not.toContain(notice.title);
    expect(expectOk(await t.act(committee, 'notice.readers', { noticeId: notice._id })).notice.title).toBe(notice.title);
  }
  // Once out, the leader follows their group's reads.
  t.cloud.clock.set(T0 + 6 * HOUR);
  expect(expectOk(await t.act(as(leader), 'notice.readers', { noticeId: scheduled._id }))).toMatchObject({ notice: { title: scheduled.title }, scope: 'group' });
});

it('publishing reminds the audience once, in the app (and by WeChat with a consent)', async () => {
  const notice = await published({ title: '在职教职工趣味运动会报名通知', everyone: false, audience: { statuses: ['active'] } });
  const messages = t.cloud.db.admin.find('messages', { reason: `notice:${notice._id}` });
  expect(messages.map((m: { memberId: string }) => m.memberId).sort()).toEqual(bound.filter((m) => m.status === 'active').map((m) => m.staffNo).sort());
  expect(expectOk(await t.act(chair, 'notice.publish', { noticeId: notice._id })).status).toBe('published');
  expect(t.cloud.db.admin.find('messages', { reason: `notice:${notice._id}` })).toHaveLength(messages.length);
});

it('keeps a scheduled notice from members until its time, and lets it be edited until then', async () => {
  const notice = await published({ title: '寒假放假安排', publishAt: T0 + 5 * HOUR });
  expect(notice).toMatchObject({ status: 'published', visibleAt: T0 + 5 * HOUR });
  expect(expectOk(await t.act(as(active[0]), 'notice.list', {})).notices.map((n) => n._id)).not.toContain(notice._id);
  expect(expectOk(await t.act(chair, 'notice.list', { scope: 'all' })).notices.find((n) => n._id === notice._id)).toMatchObject({ scheduled: true });
  expectOk(await t.act(chair, 'notice.update', { noticeId: notice._id, draft: draft({ title: '寒假放假安排（修订）', publishAt: T0 + 5 * HOUR }) }));
  expectOk(await t.act(chair, 'notice.publish', { noticeId: notice._id }));
  t.cloud.clock.set(T0 + 6 * HOUR);
  expect(expectOk(await t.act(as(active[0]), 'notice.list', {})).notices.map((n) => n.title)).toContain('寒假放假安排（修订）');
  const before = t.snapshot();
  expect(await t.act(chair, 'notice.update', { noticeId: notice._id, draft: draft() })).toMatchObject({ ok: false, code: 'NOTICE_NOT_EDITABLE' });
  expect(t.snapshot()).toEqual(before);
});

describe('refusals', () => {
  it('refuses a notice with no audience, empty or oversized text, and members writing notices', async () => {
    const before = t.snapshot();
    const noAudience = await t.act(chair, 'notice.create', { draft: draft({ everyone: false, audience: {} }) });
    expect(noAudience).toMatchObject({ ok: false, code: 'INVALID_INPUT', issues: [{ message: '请选择通知对象' }] });
    expect(await t.act(chair, 'notice.create', { draft: draft({ title: '' }) })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(await t.act(chair, 'notice.create', { draft: draft({ body: '长'.repeat(5001) }) })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(await t.raw(chair, { action: 'notice.create', input: { draft: { ...draft(), title: { $gt: '' } } } })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(await t.act(as(active[0]), 'notice.create', { draft: draft() })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(t.snapshot()).toEqual(before);
  });

  it('refuses an attachment over 10 MB, measured on the stored file, and one never uploaded', async () => {
    const big = await t.uploadFor(chair, 'notice', 'big.pdf', Buffer.alloc(10 * 1024 * 1024 + 1, 1));
    const small = await t.uploadFor(chair, 'notice', 'plan.xlsx', Buffer.from('PK small file'));
    // A path the chair was given but never uploaded to.
    const { cloudPath } = expectOk(await t.act(chair, 'file.uploadPath', { purpose: 'notice', extension: 'pdf' }));
    const never = small.replace(/uploads\/.*$/, cloudPath);
    const before = t.snapshot();
    expect(await t.act(chair, 'notice.create', { draft: draft({ attachments: [{ fileID: big, name: '体检须知.pdf' }] }) })).toMatchObject({ ok: false, code: 'ATTACHMENT_TOO_LARGE' });
    expect(await t.act(chair, 'notice.create', { draft: draft({ attachments: [{ fileID: never, name: '缺失.pdf' }] }) })).toMatchObject({ ok: false, code: 'ATTACHMENT_MISSING' });
    expect(await t.act(chair, 'notice.create', { draft: draft({ attachments: [{ fileID: small, name: '安排.exe' }] }) })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(t.snapshot()).toEqual(before);
    const ok = expectOk(await t.act(chair, 'notice.create', { draft: draft({ attachments: [{ fileID: small, name: '体检安排.xlsx' }] }) }));
    // The notice keeps its own copy of the upload.
    expect(ok.attachments).toEqual([{ fileID: expect.stringMatching(/\/files\/notice\/[0-9a-f]{32}\.xlsx$/), name: '体检安排.xlsx', size: 13, kind: 'excel' }]);
  });

  it('refuses risky text, and holds a notice for the chair when the check cannot run', async () => {
    t.cloud.script.flagText('违规内容样例');
    const risky = expectOk(await t.act(chair, 'notice.create', { draft: draft({ body: '这里有违规内容样例。' }) }));
    const before = t.snapshot();
    expect(await t.act(chair, 'notice.publish', { noticeId: risky._id })).toMatchObject({ ok: false, code: 'CONTENT_RISKY' });
    expect(t.snapshot()).toEqual(before);

    const unsure = expectOk(await t.act(committee, 'notice.create', { draft: draft({ title: '待审核的通知' }) }));
    t.cloud.script.failNext('security.msgSecCheck', 45009);
    expect(expectOk(await t.act(committee, 'notice.publish', { noticeId: unsure._id })).status).toBe('held');
    expect(expectOk(await t.act(as(active[0]), 'notice.list', {})).notices.map((n) => n._id)).not.toContain(unsure._id);
    expect(expectOk(await t.act(chair, 'moderation.list', {})).find((h) => h.id === unsure._id)).toMatchObject({ kind: 'notice' });
    expectOk(await t.act(chair, 'moderation.release', { kind: 'notice', id: unsure._id }));
    t.cloud.clock.advance(1000);
    expect(expectOk(await t.act(as(active[0]), 'notice.list', {})).notices.map((n) => n._id)).toContain(unsure._id);
  });
});
