/** How the proposal list reads: which boxes a person has, the order of cards, the session's window. Pure. */
import type { CongressSession, ProposalStatus, ProposalSummary } from '../../../../types/proposal';
import { formatDate, formatDateTime } from '../../../lib/time';

export const BOXES = ['mine', 'cosign', 'committee', 'handling'] as const;
export type Box = (typeof BOXES)[number];

export const BOX_LABELS: Record<Box, string> = { mine: '我的提案', cosign: '待我附议', committee: '提案审查', handling: '承办答复' };

export interface ListFlags {
  isDelegate: boolean;
  isCommittee: boolean;
  isHandler: boolean;
}

/** 我的提案 always; 待我附议 for delegates; 提案审查 for the committee; 承办答复 for handlers. */
export const visibleBoxes = (flags: ListFlags | null): Box[] =>
  BOXES.filter((box) => box === 'mine' || (flags !== null && ((box === 'cosign' && flags.isDelegate) || (box === 'committee' && flags.isCommittee) || (box === 'handling' && flags.isHandler))));

/** The box a link asks for (`?box=committee`), else 我的提案. */
export const parseBox = (param: string | undefined): Box => {
  const value = decodeURIComponent(param ?? '');
  return (BOXES as readonly string[]).includes(value) ? (value as Box) : 'mine';
};

export function emptyText(box: Box, isDelegate: boolean): string {
  if (box === 'mine') return isDelegate ? '你还没有提案，征集期间可以起草一份' : '你还没有参与的提案';
  if (box === 'cosign') return '暂时没有等你附议的提案';
  if (box === 'committee') return '暂时没有提交审查的提案';
  return '暂时没有交给你部门办理的提案';
}

/** What needs the committee's hand first: 待审查, then 待交办, then those in handling. */
const COMMITTEE_ORDER: ProposalStatus[] = ['submitted', 'accepted', 'assigned', 'replied', 'closed', 'merged', 'converted', 'rejected'];
const rank = (status: ProposalStatus) => {
  const i = COMMITTEE_ORDER.indexOf(status);
  return i < 0 ? COMMITTEE_ORDER.length : i;
};

/**
 * Cards in the order the box is worked through. Committee: by what is to be done, then 立案号.
 * Handling: 待答复 first, overdue first, soonest deadline first. Otherwise: latest change first.
 */
export function sortProposals(proposals: readonly ProposalSummary[], box: Box): ProposalSummary[] {
  const latest = (a: ProposalSummary, b: ProposalSummary) => b.updatedAt - a.updatedAt;
  const list = [...proposals];
  if (box === 'committee') return list.sort((a, b) => rank(a.status) - rank(b.status) || (a.number ?? Infinity) - (b.number ?? Infinity) || latest(a, b));
  if (box === 'handling') {
    const due = (p: ProposalSummary) => (p.status === 'assigned' ? 0 : 1);
    return list.sort((a, b) => due(a) - due(b) || Number(b.overdue) - Number(a.overdue) || (a.deadline ?? Infinity) - (b.deadline ?? Infinity) || latest(a, b));
  }
  return list.sort(latest);
}

/** 第 3 号 */
export const numberText = (number: number | undefined): string => (number ? `第 ${number} 号` : '');

export const windowOpen = (session: Pick<CongressSession, 'proposalOpensAt' | 'proposalClosesAt'>, now: number): boolean =>
  now >= session.proposalOpensAt && now < session.proposalClosesAt;

/** 征集时间 2026年11月1日 08:00 至 2026年11月30日 18:00 */
export const windowText = (session: Pick<CongressSession, 'proposalOpensAt' | 'proposalClosesAt'>): string =>
  `征集时间 ${formatDateTime(session.proposalOpensAt)} 至 ${formatDateTime(session.proposalClosesAt)}`;

/** 征集中 / 尚未开始征集 / 征集已截止 */
export function windowStateText(session: Pick<CongressSession, 'proposalOpensAt' | 'proposalClosesAt'>, now: number): string {
  if (now < session.proposalOpensAt) return '尚未开始征集';
  return windowOpen(session, now) ? '征集中' : '征集已截止';
}

/** 主办 总务处 · 答复期限 2026年12月31日 */
export function handlingText(summary: Pick<ProposalSummary, 'leadName' | 'deadline'>): string {
  if (!summary.leadName) return '';
  return `主办 ${summary.leadName}${summary.deadline ? ` · 答复期限 ${formatDate(summary.deadline)}` : ''}`;
}
