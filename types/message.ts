import * as v from 'valibot';
import { Id } from './fields';

/** Why a member is reminded. Each reason reaches a member at most once (the message id says so). */
export const MESSAGE_KINDS = ['digest', 'activityStart', 'signupDeadline', 'voteClosing', 'notice', 'noticeUnread', 'reply', 'signupChange'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/**
 * Stored in `messages`, `_id` = `${reason}~${memberId}`: the in-app copy of every reminder, and the
 * state of its WeChat delivery. Creating it twice fails on the id; delivering it is claimed by a
 * conditional update (pending → sending), so two runs never both send it.
 */
export interface Message {
  _id: string;
  /** E.g. `vote-closing:<voteId>`, `digest:2026-12`: the same reason → the same id per member. */
  reason: string;
  kind: MessageKind;
  /** What it is about, e.g. `notice:<id>`: organisers count deliveries by topic. */
  topic: string;
  memberId: string;
  title: string;
  body: string;
  /** The mini-program page it opens. */
  page: string;
  createdAt: number;
  /**
   * pending: not yet tried; sending: claimed by a run (if that run died, a later run takes it back
   * after STALE_CLAIM_MS); attempting: being sent to WeChat right now (if the run dies here we cannot
   * know whether WeChat got it, so it is never retried: never twice); sent: delivered by WeChat;
   * inApp: no consent in hand, in the app only; refused: WeChat refused (43101 also empties the
   * member's ledger for that template).
   */
  delivery: 'pending' | 'sending' | 'attempting' | 'sent' | 'inApp' | 'refused';
  claim?: string;
  claimedAt?: number;
  deliveredAt?: number;
  readAt?: number;
}

export interface MessageView {
  _id: string;
  kind: MessageKind;
  title: string;
  body: string;
  page: string;
  createdAt: number;
  read: boolean;
  /** Also delivered by WeChat (a subscription message), or in the app only. */
  byWechat: boolean;
}

/** How one reminder went out: for organisers. */
export interface ReminderTally {
  reason: string;
  kind: MessageKind;
  title: string;
  createdAt: number;
  wechat: number;
  inAppOnly: number;
  refused: number;
}

export const MessageReadInput = v.strictObject({ messageId: v.optional(v.pipe(v.string(), v.maxLength(200, '消息编号不正确'), v.regex(/^[A-Za-z0-9_:~.-]+$/, '消息编号不正确'))) });
export const ReminderSummaryInput = v.strictObject({ reason: v.optional(v.pipe(v.string(), v.maxLength(120), v.regex(/^[A-Za-z0-9_:.-]+$/, '提醒编号不正确'))) });
export const NoticeRemindInput = v.strictObject({ noticeId: Id });
