import * as v from 'valibot';
import { Id, Text } from './fields';
import { SUGGESTION_STATUSES } from './labels';

export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number];

/**
 * The key an anonymous sender keeps on their device, one per suggestion: the record stores only
 * its SHA-256, so it names nobody, and only that device can find the suggestion again.
 */
export const OwnerToken = v.pipe(v.string('缺少凭据'), v.regex(/^[A-Za-z0-9_-]{32,64}$/, '凭据格式不正确'));

/**
 * How many suggestions a member may send a day, named and anonymous together: the cloud grants
 * this many send tickets per member per Asia/Shanghai day (cloudfunctions/api/src/lib/suggestion-tickets.ts).
 */
export const SUGGESTIONS_PER_DAY = 5;

/**
 * Send tickets: random secrets the phone makes and keeps. `suggestion.tickets` has the cloud
 * record their hashes as the member's tickets for today (once a day); every send spends one.
 */
export const SuggestionTicketsInput = v.strictObject({
  tickets: v.pipe(
    v.array(OwnerToken),
    v.length(SUGGESTIONS_PER_DAY, `需要 ${SUGGESTIONS_PER_DAY} 张凭据`),
    v.check((list) => new Set(list).size === list.length, '凭据不能重复'),
  ),
});

/** `granted`: the tickets sent are this member's tickets for `day` (YYYYMMDD); false when the day's were granted already. */
export interface SuggestionTickets {
  day: string;
  granted: boolean;
}

export const SuggestionDraftSchema = v.strictObject({
  title: Text('标题', 40, 2),
  body: Text('内容', 2000, 5),
  anonymous: v.boolean('请选择是否匿名'),
});

/**
 * Stored in `suggestions`. Anonymous: no sender field at all, only `ownerHash`, and the time kept
 * to the day (a precise time could be matched against other records).
 */
export interface Suggestion {
  _id: string;
  title: string;
  body: string;
  anonymous: boolean;
  senderId?: string;
  senderName?: string;
  ownerHash?: string;
  status: SuggestionStatus;
  reply?: { text: string; byName: string; at: number };
  /** A reply waiting for the chair because the content check could not run. */
  heldReply?: { text: string; byName: string; at: number };
  /** The chair shows the reply to all members. */
  public: boolean;
  refusedReason?: string;
  /** A proposal the committee turned into this suggestion (转为意见建议). */
  fromProposalId?: string;
  createdAt: number;
  updatedAt: number;
}

/** A suggestion as a screen shows it: anonymous ones say 匿名, never who. */
export interface SuggestionView {
  _id: string;
  title: string;
  body: string;
  anonymous: boolean;
  senderName: string;
  status: SuggestionStatus;
  reply: { text: string; byName: string; at: number } | null;
  public: boolean;
  refusedReason?: string;
  fromProposalId?: string;
  createdAt: number;
  /** The viewer sent it (by 工号, or by a token from their device). */
  mine: boolean;
}

export const SuggestionSendInput = v.pipe(
  v.strictObject({ ...SuggestionDraftSchema.entries, token: v.optional(OwnerToken), ticket: OwnerToken }),
  v.check((s) => !s.anonymous || Boolean(s.token), '匿名建议需要本机凭据'),
);
export const SuggestionMineInput = v.strictObject({ tokens: v.pipe(v.array(OwnerToken), v.maxLength(200, '凭据太多了')) });
export const SuggestionGetInput = v.strictObject({ suggestionId: Id, token: v.optional(OwnerToken) });
export const SuggestionInboxInput = v.strictObject({ status: v.optional(v.picklist(SUGGESTION_STATUSES, '状态不正确')) });
export const SuggestionReplyInput = v.strictObject({ suggestionId: Id, text: Text('答复', 2000, 2) });
export const SuggestionPublicInput = v.strictObject({ suggestionId: Id, public: v.boolean('请选择是否公开') });

/** Texts held for the chair because the content check could not run. */
export const MODERATION_KINDS = ['proposal', 'proposalReply', 'suggestion', 'suggestionReply', 'notice'] as const;
export type ModerationKind = (typeof MODERATION_KINDS)[number];
export interface HeldItem {
  kind: ModerationKind;
  id: string;
  title: string;
  text: string;
  authorName: string;
  at: number;
}
export const ModerationInput = v.strictObject({ kind: v.picklist(MODERATION_KINDS, '类型不正确'), id: Id });
export const ModerationRefuseInput = v.strictObject({ kind: v.picklist(MODERATION_KINDS, '类型不正确'), id: Id, reason: Text('原因', 200, 2) });
