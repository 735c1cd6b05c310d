/**
 * The product against what the cloud really does when writes collide (each case staged at the exact
 * moment with the local cloud's interceptNext):
 * - a transaction's write to a document someone else changed fails at once (事务 guide:
 *   https://developers.weixin.qq.com/miniprogram/dev/wxcloud/guide/database/transaction.html), and
 *   the SDK reports it only as errCode -501001 with the conflict in its message;
 * - a transaction may only read documents by id, so the roster import re-reads each one;
 * - -502001 is any database failure, not only a duplicate _id;
 * - a batch add that meets an existing _id may have inserted part of the batch.
 */
import { CloudError } from '../../localcloud/errors';
import { activityDraft, demo, expectOk, startTestCloud, type TestCloud } from './support/harness';

jest.setTimeout(60_000);

let t: TestCloud;
const chair = demo.openid(demo.chair.staffNo);
const committee = demo.openid(demo.committee.staffNo);
const as = (m: { staffNo: string }) => demo.openid(m.staffNo);

beforeAll(async () => {
  t = await startTestCloud();
});
afterAll(() => t.stop());

const member = (staffNo: string) => t.cloud.db.admin.find('members', { _id: staffNo })[0];

it('tells the loser of a bind race that the record is taken (the conflict is retried, not shown as an error)', async () => {
  const record = demo.unbound[2];
  let winner: unknown;
  // The first binder has read the record; just before its write, someone else binds it.
  t.cloud.db.interceptNext('database.modifyDocument', 'members', async () => {
    winner = await t.act('fast-binder', 'me.bindPhone', { code: t.cloud.script.phoneCode(record.phone!) });
  });
  const loser = await t.act('slow-binder', 'me.bindPhone', { code: t.cloud.script.phoneCode(record.phone!) });
  expect(winner).toMatchObject({ ok: true });
  expect(loser).toEqual({ ok: false, code: 'BIND_TAKEN', message: '这个工号已被其他微信绑定，如有疑问请联系工会' });
  expect(member(record.staffNo).openid).toBe('fast-binder');
  expect(t.cloud.db.admin.find('bindings', { memberId: record.staffNo }).map((b) => b._id)).toEqual(['fast-binder']);
});

it('keeps a binding made while a roster import is being written', async () => {
  const record = demo.unbound[3];
  const csv = ['姓名,工号,性别,工会小组', `${record.name},${record.staffNo},${record.gender === 'male' ? '男' : '女'},体艺组`].join('\r\n');
  const fileID = await t.uploadFor(chair, 'roster', 'while-binding.csv', csv);
  // Just before the import writes the record it read, the person binds it.
  t.cloud.db.interceptNext('database.modifyDocument', 'members', async () => {
    expectOk(await t.act('binder-during-import', 'me.bindPhone', { code: t.cloud.script.phoneCode(record.phone!) }));
  });
  expect(expectOk(await t.act(chair, 'roster.commit', { fileID }))).toEqual({ created: 0, updated: 1 });
  expect(member(record.staffNo)).toMatchObject({ groupName: '体艺组', openid: 'binder-during-import' });
});

it('shows a database failure while signing up as an error, not as "already signed up"', async () => {
  const draft = expectOk(await t.act(committee, 'activity.create', { draft: activityDraft(t.cloud.clock.now()) }));
  const activity = expectOk(await t.act(committee, 'activity.publish', { activityId: draft._id }));
  // The sign-up is written inside the transaction that takes its place (doc().set: modifyDocument).
  t.cloud.db.interceptNext('database.modifyDocument', 'signups', () => new CloudError('DATABASE_REQUEST_FAILED', 'write concern error: not enough data-bearing nodes'));
  const failed = await t.act(as(demo.plain), 'activity.signUp', { activityId: activity._id, companions: 0, answers: {} });
  expect(failed).toMatchObject({ ok: false, code: 'INTERNAL' });
  expect(t.cloud.db.admin.find('signups', { activityId: activity._id })).toEqual([]);
  expect(expectOk(await t.act(as(demo.plain), 'activity.signUp', { activityId: activity._id, companions: 0, answers: {} })).status).toBe('confirmed');
});

it('creates each reminder once and counts only its own when another run created one of them meanwhile', async () => {
  const notice = expectOk(await t.act(chair, 'notice.create', {
    draft: { title: '关于教职工体检的通知', body: '请按时参加体检。', attachments: [], audience: {}, everyone: true, pinned: false, publishAt: null },
  }));
  expectOk(await t.act(chair, 'notice.publish', { noticeId: notice._id }));
  const { unread } = expectOk(await t.act(chair, 'notice.readers', { noticeId: notice._id }));
  const boundUnread = unread.filter((m) => m.bound).length;
  expect(boundUnread).toBeGreaterThan(3);
  let staged = '';
  // Between the run's read of what exists and its batch write, an overlapping run creates the third message.
  t.cloud.db.interceptNext('database.insertDocument', 'messages', (params) => {
    const { batch: _ours, ...third } = JSON.parse(params.data[2]) as { _id: string; batch: string };
    staged = third._id;
    t.cloud.db.admin.insert('messages', [{ ...third, createdAt: 0, delivery: 'pending', byOtherRun: true }]);
  });
  const reminded = expectOk(await t.act(committee, 'notice.remindUnread', { noticeId: notice._id }));
  expect(reminded.reminded).toBe(boundUnread - 1);
  const reason = t.cloud.db.admin.find('messages', { _id: staged })[0].reason as string;
  const messages = t.cloud.db.admin.find('messages', { reason });
  expect(messages).toHaveLength(boundUnread);
  expect(new Set(messages.map((m) => m.memberId)).size).toBe(boundUnread);
  expect(t.cloud.db.admin.find('messages', { _id: staged })[0]).toMatchObject({ byOtherRun: true, createdAt: 0 });
});
