import type { Member } from '../../../../types/member';
import type { Message, MessageView, ReminderTally } from '../../../../types/message';
import { SUBSCRIPTION_TEMPLATES, type TemplateKey } from '../../../../types/subscriptions';
import type { BoundCaller, Caller } from '../lib/caller';
import { _ } from '../lib/cloud';
import { collection } from '../lib/collections';
import type { Handler } from '../lib/dispatch';
import { ledgerId } from '../lib/subscriptions';

const me = (caller: Caller): Member => (caller as BoundCaller).member;
const LIMIT = 100;

export async function unreadCount(memberId: string): Promise<number> {
  const { total } = await collection('messages').where({ memberId, readAt: _.exists(false) }).count();
  return total;
}

const toView = (m: Message): MessageView => ({
  _id: m._id,
  kind: m.kind,
  title: m.title,
  body: m.body,
  page: m.page,
  createdAt: m.createdAt,
  read: m.readAt !== undefined,
  byWechat: m.delivery === 'sent',
});

/** 消息: every reminder the member was sent, newest first, also those WeChat could not deliver. */
export const listMessages: Handler<'message.list'> = async (_input, caller) => {
  const viewer = me(caller);
  const [{ data }, unread] = await Promise.all([
    collection('messages').where({ memberId: viewer._id }).orderBy('createdAt', 'desc').limit(LIMIT).get(),
    unreadCount(viewer._id),
  ]);
  return { messages: (data as Message[]).map(toView), unread };
};

/** Marks one message read (or all of the member's, without an id): only their own. */
export const readMessage: Handler<'message.read'> = async ({ messageId }, caller) => {
  const viewer = me(caller);
  const where = { memberId: viewer._id, readAt: _.exists(false), ...(messageId ? { _id: messageId } : {}) };
  await collection('messages').where(where).update({ data: { readAt: Date.now() } });
  return { unread: await unreadCount(viewer._id) };
};

/** How recent reminders went out: by WeChat, in the app only, refused. One aggregation. */
export const reminderSummary: Handler<'reminder.summary'> = async ({ reason }) => {
  const { list } = await collection('messages')
    .aggregate()
    .match(reason ? { reason } : {})
    .group({
      _id: '$reason',
      title: { $first: '$title' },
      type: { $first: '$kind' },
      createdAt: { $min: '$createdAt' },
      wechat: { $sum: { $cond: [{ $eq: ['$delivery', 'sent'] }, 1, 0] } },
      refused: { $sum: { $cond: [{ $eq: ['$delivery', 'refused'] }, 1, 0] } },
      total: { $sum: 1 },
    })
    .sort({ createdAt: -1 })
    .limit(LIMIT)
    .end();
  return (list as Array<{ _id: string; type: Message['kind']; title: string; createdAt: number; wechat: number; refused: number; total: number }>).map(
    (row): ReminderTally => ({ reason: row._id, kind: row.type, title: row.title, createdAt: row.createdAt, wechat: row.wechat, inAppOnly: row.total - row.wechat, refused: row.refused }),
  );
};

/** 提醒设置: how many reminders of each kind the member has consented to and not yet received. */
export const subscriptionStatus: Handler<'subscription.status'> = async (_input, caller) => {
  const keys = Object.keys(SUBSCRIPTION_TEMPLATES) as TemplateKey[];
  const { data } = await collection('subscriptions')
    .where({ _id: _.in(keys.map((key) => ledgerId(caller.openid, SUBSCRIPTION_TEMPLATES[key].id))) })
    .limit(keys.length)
    .get();
  const credits = new Map((data as Array<{ templateId: string; credits: number }>).map((row) => [row.templateId, row.credits]));
  return keys.map((key) => ({ key, title: SUBSCRIPTION_TEMPLATES[key].title, credits: credits.get(SUBSCRIPTION_TEMPLATES[key].id) ?? 0 }));
};
