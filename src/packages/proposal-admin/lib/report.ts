/**
 * How the proposal report (上届提案办理情况报告) reads on the phone, and the held-text kinds.
 * Pure: no Taro, no cloud.
 */
import { PROPOSAL_CATEGORY_LABELS, PROPOSAL_STATUS_LABELS, RATINGS, RATING_LABELS } from '../../../../types/labels';
import type { CongressSession, ProposalReport } from '../../../../types/proposal';
import type { ModerationKind } from '../../../../types/suggestion';

type Accepted = ProposalReport['accepted'][number];

/** The session a report opens on: the one asked for, else the current one, else the newest listed. */
export function defaultSessionId(sessions: readonly Pick<CongressSession, '_id'>[], current: string | null, asked?: string): string | null {
  if (asked && sessions.some((s) => s._id === asked)) return asked;
  if (current && sessions.some((s) => s._id === current)) return current;
  return sessions[0]?._id ?? null;
}

/** Rows of a count table, largest first, without the zeros. */
export const statusRows = (report: Pick<ProposalReport, 'byStatus'>): Array<{ label: string; count: number }> =>
  report.byStatus
    .filter((row) => row.count > 0)
    .sort((a, b) => b.count - a.count)
    .map((row) => ({ label: PROPOSAL_STATUS_LABELS[row.status], count: row.count }));

export const categoryRows = (report: Pick<ProposalReport, 'byCategory'>): Array<{ label: string; count: number }> =>
  report.byCategory
    .filter((row) => row.count > 0)
    .sort((a, b) => b.count - a.count)
    .map((row) => ({ label: PROPOSAL_CATEGORY_LABELS[row.category], count: row.count }));

/** 第3号 */
export const numberText = (number?: number): string => (number === undefined ? '未编号' : `第${number}号`);

/** 主办：总务处；协办：教务处、工会 */
export const departmentsText = (item: Pick<Accepted, 'leadName' | 'helperNames'>): string => {
  if (!item.leadName) return '尚未交办';
  return item.helperNames.length ? `主办：${item.leadName}；协办：${item.helperNames.join('、')}` : `主办：${item.leadName}`;
};

/** 满意 3 · 基本满意 1 · 不满意 0, or 还没有人评价. */
export function satisfactionText(satisfaction: Accepted['satisfaction']): string {
  const total = RATINGS.reduce((sum, r) => sum + (satisfaction[r] ?? 0), 0);
  if (total === 0) return '还没有人评价';
  return RATINGS.map((r) => `${RATING_LABELS[r]} ${satisfaction[r] ?? 0}`).join(' · ');
}

/** What each held text is, as the chair reads it. */
export const MODERATION_KIND_LABELS: Record<ModerationKind, string> = {
  proposal: '提案',
  proposalReply: '提案答复',
  notice: '通知公告',
  suggestion: '意见建议',
  suggestionReply: '建议答复',
};
