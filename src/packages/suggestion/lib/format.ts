/**
 * How a suggestion reads to a person: its status with a plain note, its sender, its time.
 * Pure: no Taro, no cloud. Shared by the members' pages and the committee's inbox.
 */
import * as v from 'valibot';
import { SUGGESTION_STATUSES, SUGGESTION_STATUS_LABELS } from '../../../../types/labels';
import { SuggestionDraftSchema, type SuggestionStatus, type SuggestionView } from '../../../../types/suggestion';
import { formatDate, formatDateTime } from '../../../lib/time';

export type TagTone = 'default' | 'primary' | 'success' | 'warning' | 'danger';

export const STATUS_TONES: Record<SuggestionStatus, TagTone> = {
  held: 'warning',
  received: 'primary',
  replied: 'success',
  refused: 'danger',
};

/** What the sender is told about where their suggestion stands; '' when the reply says it all. */
export function statusNote(s: Pick<SuggestionView, 'status' | 'refusedReason'>): string {
  switch (s.status) {
    case 'held':
      return '内容安全检查暂时不可用，工会主席看过后就会转给工会处理，请耐心等一等。';
    case 'received':
      return '工会已经收到，答复后会显示在这里。';
    case 'refused':
      return s.refusedReason ? `没有通过审核，原因：${s.refusedReason}。如有疑问，可以直接联系工会。` : '没有通过审核。如有疑问，可以直接联系工会。';
    default:
      return '';
  }
}

/** 匿名, or the sender's name. */
export const senderText = (s: Pick<SuggestionView, 'anonymous' | 'senderName'>): string => (s.anonymous ? '匿名' : s.senderName || '会员');

/** When it was sent: an anonymous suggestion keeps only its day (a precise time could name the sender). */
export const sentAtText = (s: Pick<SuggestionView, 'anonymous' | 'createdAt'>): string => (s.anonymous ? formatDate(s.createdAt) : formatDateTime(s.createdAt));

/** 张主席 答复于 2026年3月2日 09:30 */
export const replyByText = (reply: NonNullable<SuggestionView['reply']>): string => `${reply.byName} 答复于 ${formatDateTime(reply.at)}`;

/** The chips of the inbox filter, in the statuses' order, and back from a chip to its status. */
export const STATUS_FILTER_LABELS: string[] = SUGGESTION_STATUSES.map((s) => SUGGESTION_STATUS_LABELS[s]);
export const statusOfLabel = (label: string | null): SuggestionStatus | undefined => SUGGESTION_STATUSES.find((s) => SUGGESTION_STATUS_LABELS[s] === label);

export type SuggestionDraft = v.InferOutput<typeof SuggestionDraftSchema>;

/** The draft to send, checked with the cloud's own schema (trimmed); or the first problem in its words. */
export function suggestionDraftOf(form: { title: string; body: string; anonymous: boolean }): { ok: true; draft: SuggestionDraft } | { ok: false; problem: string } {
  const result = v.safeParse(SuggestionDraftSchema, form);
  if (result.success) return { ok: true, draft: result.output };
  return { ok: false, problem: result.issues[0].message };
}

/** The shortest reply the cloud accepts (types/suggestion.ts SuggestionReplyInput). */
export const MIN_REPLY = 2;
