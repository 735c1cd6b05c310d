/**
 * Rules of the suggestion box (意见箱): what is stored for a new suggestion, who may see it, and
 * what a screen is shown. Pure: no database, no clock.
 *
 * Why an anonymous suggestion names nobody
 * - Its record has no senderId, senderName or openid at all. It stores only `ownerHash`, the
 *   SHA-256 of a random token the sender's device made for this one suggestion and keeps; the
 *   device proves ownership by sending the token again, and the hash alone cannot be turned back
 *   into it or linked to a member (one token per suggestion, so two of them are not linkable either).
 * - Its times are kept only to the start of the Asia/Shanghai day: an exact `createdAt` could be
 *   matched against other records written in the same instant (the sender's other writes, logs
 *   of the same request), a day cannot. `updatedAt` is rounded the same way.
 * - Its `_id` is random: it is a vacant place made before the day's first send and filled at
 *   random (lib/anonymous-slots.ts), so neither its id nor its place in storage order says when.
 * - Sending it writes nothing about the sender: the daily limit is kept by tickets granted when
 *   the send page opens (lib/suggestion-tickets.ts).
 * Named suggestions store the sender's 工号 and name, and exact times.
 */
import { createHash } from 'node:crypto';
import type { Member } from '../../../../types/member';
import type { Suggestion, SuggestionStatus, SuggestionView } from '../../../../types/suggestion';
import type { Verdict } from '../lib/content-check';

/** What an anonymous sender is called on every screen. */
export const ANONYMOUS_NAME = '匿名';
/** A reply may be given (or replaced) only once the suggestion has passed the check. */
export const REPLYABLE: readonly SuggestionStatus[] = ['received', 'replied'];

const SHANGHAI_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The instant the Asia/Shanghai day holding `ms` began (UTC+8, no daylight saving). */
export const shanghaiDayStart = (ms: number): number => Math.floor((ms + SHANGHAI_MS) / DAY_MS) * DAY_MS - SHANGHAI_MS;

/** The Asia/Shanghai date holding `ms`, as YYYYMMDD. */
export function shanghaiDayKey(ms: number): string {
  const d = new Date(ms + SHANGHAI_MS);
  return `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}`;
}

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** What the record stores for an owner token: SHA-256, hex. */
export const ownerHashOf = (token: string): string => sha256(token);

/** The member's ticket grant for the day holding `ms`: `${memberId}_${YYYYMMDD}`. */
export const grantId = (memberId: string, ms: number): string => `${memberId}_${shanghaiDayKey(ms)}`;

/**
 * A send ticket is stored under two unrelated hashes: the grant keeps `grant:` hashes (with the
 * member), the day's spent list keeps `spent:` hashes (with nobody). Without the ticket itself,
 * which only the phone holds, no one can tell which grant a spent entry came from.
 */
export const grantHashOf = (ticket: string): string => sha256(`grant:${ticket}`);
export const spentHashOf = (ticket: string): string => sha256(`spent:${ticket}`);

/** The status a new suggestion starts in, by the content check's verdict ('risky' is refused before this). */
export const statusAfterCheck = (verdict: Exclude<Verdict, 'risky'>): SuggestionStatus => (verdict === 'pass' ? 'received' : 'held');

/** `updatedAt` for a write to this suggestion now: exact for named ones, the day start for anonymous ones. */
export const stampFor = (suggestion: Pick<Suggestion, 'anonymous'>, now: number): number => (suggestion.anonymous ? shanghaiDayStart(now) : now);

export interface SuggestionDraft {
  title: string;
  body: string;
  anonymous: boolean;
  token?: string;
}

/** The stored form of a new suggestion (without its _id). Anonymous needs the token (the input schema ensures it). */
export function newSuggestion(draft: SuggestionDraft, sender: Pick<Member, '_id' | 'name'>, verdict: Exclude<Verdict, 'risky'>, now: number): Omit<Suggestion, '_id'> {
  const common = { title: draft.title, body: draft.body, status: statusAfterCheck(verdict), public: false };
  if (draft.anonymous) {
    if (!draft.token) throw new Error('an anonymous suggestion needs its owner token');
    const day = shanghaiDayStart(now);
    return { ...common, anonymous: true, ownerHash: ownerHashOf(draft.token), createdAt: day, updatedAt: day };
  }
  return { ...common, anonymous: false, senderId: sender._id, senderName: sender.name, createdAt: now, updatedAt: now };
}

/** The viewer sent it: by 工号 for a named one, by a token whose hash matches for an anonymous one. */
export function sentBy(suggestion: Pick<Suggestion, 'anonymous' | 'senderId' | 'ownerHash'>, viewerId: string, tokenHash?: string | null): boolean {
  if (suggestion.anonymous) return Boolean(tokenHash && suggestion.ownerHash && suggestion.ownerHash === tokenHash);
  return suggestion.senderId === viewerId;
}

/** Shown to every member: replied, and made public by the chair. */
export const isPublished = (suggestion: Pick<Suggestion, 'status' | 'public'>): boolean => suggestion.public && suggestion.status === 'replied';

/** Its sender, the chair and committee, and (once public and replied) any member may read it. */
export const maySee = (suggestion: Pick<Suggestion, 'status' | 'public'>, viewer: { organiser: boolean; sender: boolean }): boolean =>
  viewer.sender || viewer.organiser || isPublished(suggestion);

/** A suggestion as a screen shows it: never the owner hash, the 工号, an openid or a held reply. */
/**
 * `showSender`: the sender's name is for the sender and those who handle suggestions; when the chair
 * makes a reply public, other members see the suggestion and the reply, not who sent it.
 */
export function toSuggestionView(suggestion: Suggestion, mine: boolean, showSender = true): SuggestionView {
  return {
    _id: suggestion._id,
    title: suggestion.title,
    body: suggestion.body,
    anonymous: suggestion.anonymous,
    senderName: suggestion.anonymous ? ANONYMOUS_NAME : showSender || mine ? (suggestion.senderName ?? '') : '教职工',
    status: suggestion.status,
    reply: suggestion.reply ? { text: suggestion.reply.text, byName: suggestion.reply.byName, at: suggestion.reply.at } : null,
    public: suggestion.public,
    ...(suggestion.refusedReason ? { refusedReason: suggestion.refusedReason } : {}),
    ...(suggestion.fromProposalId ? { fromProposalId: suggestion.fromProposalId } : {}),
    createdAt: suggestion.createdAt,
    mine,
  };
}
