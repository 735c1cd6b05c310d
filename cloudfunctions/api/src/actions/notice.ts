import type { Member } from '../../../../types/member';
import type { Attachment, Notice, NoticeDraft, NoticeSummary } from '../../../../types/notice';
import { isOrganiser } from '../domain/activity-rules';
import type { BoundCaller, Caller } from '../lib/caller';
import { _ } from '../lib/cloud';
import { collection } from '../lib/collections';
import { screenText } from '../lib/content-check';
import { DomainError } from '../lib/domain-error';
import type { Handler } from '../lib/dispatch';
import { membersInAudience } from '../lib/members-repo';
import { remind, type Delivery } from '../lib/messenger';
import { checkedAttachments, getNotice, isOut, markRead, mustGetNotice, readersOf, readNoticeIds, visibleTo } from '../lib/notices-repo';
import { tempUrlsOf } from '../lib/storage';
import { Adoption } from '../lib/uploads';

const me = (caller: Caller): Member => (caller as BoundCaller).member;
const LIMIT = 100;
const SHANGHAI = 8 * 60 * 60 * 1000;

const excerpt = (body: string) => (body.length > 60 ? `${body.slice(0, 59)}…` : body);

export function toNoticeSummary(notice: Notice, read: boolean, now: number): NoticeSummary {
  return {
    _id: notice._id,
    title: notice.title,
    excerpt: excerpt(notice.body.replace(/\s+/g, ' ')),
    pinned: notice.pinned,
    visibleAt: notice.visibleAt ?? notice.updatedAt,
    authorName: notice.authorName,
    attachmentCount: notice.attachments.length,
    read,
    status: notice.status,
    scheduled: notice.status === 'published' && (notice.visibleAt ?? 0) > now,
  };
}

/** Pinned first, then newest. */
const pinnedFirst = (a: NoticeSummary, b: NoticeSummary) => Number(b.pinned) - Number(a.pinned) || b.visibleAt - a.visibleAt || a._id.localeCompare(b._id);

/** The notices visible to a member now, with their read marks: two requests. */
export async function visibleNotices(viewer: Member, now: number, since?: number): Promise<NoticeSummary[]> {
  const { data } = await collection('notices')
    .where({ status: 'published', visibleAt: since ? _.lte(now).and(_.gte(since)) : _.lte(now) })
    .orderBy('visibleAt', 'desc')
    .limit(LIMIT)
    .get();
  const notices = (data as Notice[]).filter((n) => visibleTo(n, viewer, now));
  const read = await readNoticeIds(viewer._id, notices.map((n) => n._id));
  return notices.map((n) => toNoticeSummary(n, read.has(n._id), now)).sort(pinnedFirst);
}

/** Members: notices meant for them, pinned first, unread marked. Organisers also see drafts and scheduled ones. */
export const listNotices: Handler<'notice.list'> = async ({ scope }, caller) => {
  const viewer = me(caller);
  const now = Date.now();
  const organiser = isOrganiser(viewer);
  const visible = await visibleNotices(viewer, now);
  let notices = visible;
  if (organiser && scope === 'all') {
    const { data } = await collection('notices').where(_.or([{ status: _.in(['draft', 'held']) }, { status: 'published', visibleAt: _.gt(now) }])).orderBy('updatedAt', 'desc').limit(LIMIT).get();
    notices = [...(data as Notice[]).map((n) => toNoticeSummary(n, true, now)), ...visible];
  }
  return { notices, canManage: organiser, unread: visible.filter((n) => !n.read).length };
};

/** Opening a notice marks it read. */
export const getNoticeDetail: Handler<'notice.get'> = async ({ noticeId }, caller) => {
  const viewer = me(caller);
  const now = Date.now();
  const notice = await getNotice(noticeId);
  const organiser = isOrganiser(viewer);
  if (!notice || (!organiser && !visibleTo(notice, viewer, now))) throw new DomainError('NOT_FOUND');
  const visible = visibleTo(notice, viewer, now);
  if (visible) await markRead(notice, viewer, now);
  return { notice, attachmentUrls: await tempUrlsOf(notice.attachments.map((a) => a.fileID)), read: visible, canManage: organiser };
};

/** A new draft notice as stored, without its id. */
export const newNotice = (draft: NoticeDraft, attachments: Attachment[], author: Member, now: number): Omit<Notice, '_id'> => ({
  ...draft,
  attachments,
  status: 'draft',
  authorId: author._id,
  authorName: author.name,
  createdAt: now,
  updatedAt: now,
});

export const createNotice: Handler<'notice.create'> = async ({ draft }, caller) => {
  const adoption = new Adoption(caller.openid, 'notice');
  const notice = newNotice(draft, await checkedAttachments(draft, adoption), me(caller), Date.now());
  const { _id } = await collection('notices').add({ data: notice });
  await adoption.done();
  return { ...notice, _id };
};

/** Drafts, held ones and scheduled ones not yet visible can be changed; what people may have read cannot. */
export const updateNotice: Handler<'notice.update'> = async ({ noticeId, draft }, caller) => {
  const now = Date.now();
  const before = await mustGetNotice(noticeId);
  // Checked before copying any upload; the conditional update below is what holds in a race.
  if (before.status === 'published' && (before.visibleAt ?? 0) <= now) throw new DomainError('NOTICE_NOT_EDITABLE');
  const adoption = new Adoption(caller.openid, 'notice');
  const attachments = await checkedAttachments(draft, adoption, before.attachments);
  const { stats } = await collection('notices')
    .where(_.and([{ _id: noticeId }, _.or([{ status: _.in(['draft', 'held']) }, { status: 'published', visibleAt: _.gt(now) }])]))
    .update({ data: { ...draft, audience: _.set(draft.audience), attachments: _.set(attachments), status: 'draft', refusedReason: _.remove(), updatedAt: now } });
  if (stats.updated === 0) throw new DomainError('NOTICE_NOT_EDITABLE');
  await adoption.done();
  return mustGetNotice(noticeId);
};

/** Reminds the audience that a notice is out (once: `notice:<id>`), and records that it was. */
export async function announceNotice(notice: Notice): Promise<Delivery> {
  const audience = await membersInAudience(notice.audience);
  const delivery = await remind(
    {
      reason: `notice:${notice._id}`,
      kind: 'notice',
      topic: `notice:${notice._id}`,
      template: 'noticeReminder',
      title: notice.title,
      body: excerpt(notice.body),
      page: `packages/notice/detail/index?id=${encodeURIComponent(notice._id)}`,
      at: notice.visibleAt ?? Date.now(),
      note: `${notice.authorName}发布了新通知`,
    },
    audience,
  );
  await collection('notices').where({ _id: notice._id }).update({ data: { announced: true } });
  return delivery;
}

/**
 * Publishes now or at the scheduled time, after the content check: risky is refused; if the check
 * cannot run, the notice waits for the chair (held). Visible now → its audience is reminded now;
 * scheduled → the reminders run announces it when its time comes.
 */
export const publishNotice: Handler<'notice.publish'> = async ({ noticeId }, caller) => {
  const notice = await mustGetNotice(noticeId);
  if (notice.status === 'published') return notice;
  const verdict = await screenText(caller.openid, notice.title, notice.body);
  if (verdict === 'risky') throw new DomainError('CONTENT_RISKY');
  const now = Date.now();
  const visibleAt = Math.max(now, notice.publishAt ?? now);
  const status = verdict === 'pass' ? 'published' : 'held';
  const { stats } = await collection('notices').where({ _id: noticeId, status: _.in(['draft', 'held']), updatedAt: notice.updatedAt }).update({ data: { status, visibleAt, updatedAt: now } });
  if (stats.updated === 0) throw new DomainError('CONFLICT');
  const published = await mustGetNotice(noticeId);
  if (status === 'published' && visibleAt <= now) await announceNotice(published);
  return mustGetNotice(noticeId);
};

export const removeNotice: Handler<'notice.remove'> = async ({ noticeId }) => {
  const { stats } = await collection('notices').where({ _id: noticeId }).remove();
  if (stats.removed === 0) throw new DomainError('NOT_FOUND');
  await collection('noticeReads').where({ noticeId }).remove();
  return { removed: true };
};

/** The audience the viewer answers for: organisers the whole audience, a group leader their group. */
async function audienceFor(notice: Notice, viewer: Member): Promise<{ members: Member[]; scope: 'all' | 'group' }> {
  const organiser = isOrganiser(viewer);
  return { members: await membersInAudience(notice.audience, organiser ? undefined : viewer.groupId), scope: organiser ? 'all' : 'group' };
}

async function reminderCounts(topic: string): Promise<{ wechat: number; inAppOnly: number }> {
  const [{ total: wechat }, { total: all }] = await Promise.all([
    collection('messages').where({ topic, delivery: 'sent' }).count(),
    collection('messages').where({ topic }).count(),
  ]);
  return { wechat, inAppOnly: all - wechat };
}

export const noticeReaders: Handler<'notice.readers'> = async ({ noticeId }, caller) => {
  const viewer = me(caller);
  const notice = await mustGetNotice(noticeId);
  // A group leader follows notices that are out; a draft, held or scheduled one (its title too) is the organisers' own.
  if (!isOrganiser(viewer) && !isOut(notice, Date.now())) throw new DomainError('NOT_FOUND');
  const [{ members, scope }, readers, reminders] = await Promise.all([audienceFor(notice, viewer), readersOf(noticeId), reminderCounts(`notice:${noticeId}`)]);
  const unread = members.filter((m) => !readers.has(m._id));
  return {
    notice: { _id: notice._id, title: notice.title, status: notice.status, ...(notice.visibleAt ? { visibleAt: notice.visibleAt } : {}) },
    audienceSize: members.length,
    readCount: members.length - unread.length,
    unread: unread.map((m) => ({ memberId: m._id, name: m.name, groupName: m.groupName, bound: Boolean(m.openid) })),
    scope,
    reminders,
  };
};

/** One tap reminds everyone (in the viewer's scope) who has not read it; at most once a day. */
export const remindUnread: Handler<'notice.remindUnread'> = async ({ noticeId }, caller) => {
  const viewer = me(caller);
  const now = Date.now();
  const notice = await mustGetNotice(noticeId);
  // Only a notice people can already read can be unread.
  if (!isOut(notice, now)) throw new DomainError('NOT_FOUND');
  const [{ members }, readers] = await Promise.all([audienceFor(notice, viewer), readersOf(noticeId)]);
  const unread = members.filter((m) => !readers.has(m._id));
  const day = new Date(now + SHANGHAI).toISOString().slice(0, 10).replace(/-/g, '');
  const delivery = await remind(
    {
      reason: `notice-unread:${noticeId}:${day}`,
      kind: 'noticeUnread',
      topic: `notice:${noticeId}`,
      template: 'noticeReminder',
      title: notice.title,
      body: `请查看通知：${excerpt(notice.body)}`,
      page: `packages/notice/detail/index?id=${encodeURIComponent(noticeId)}`,
      at: notice.visibleAt ?? now,
      note: '你还没有查看这条通知',
    },
    unread,
  );
  return { reminded: delivery.created, wechat: delivery.wechat, inAppOnly: delivery.inAppOnly };
};
