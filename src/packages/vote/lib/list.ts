/** How the members' vote list groups and describes votes. Pure functions, no React. */
import type { VotePhase, VoteSummary } from '../../../../types/vote';
import { formatShortDateTime } from '../../../lib/time';

export interface VoteGroup {
  phase: VotePhase;
  title: string;
  votes: VoteSummary[];
}

const GROUP_TITLES: Record<VotePhase, string> = { open: '进行中', scheduled: '未开始', draft: '草稿', closed: '已结束' };
/**
 * Open votes first (those still to take before those taken, each closing soonest first), then
 * upcoming ones, drafts, and past ones (latest first).
 */
const ORDER: VotePhase[] = ['open', 'scheduled', 'draft', 'closed'];
const sorters: Record<VotePhase, (a: VoteSummary, b: VoteSummary) => number> = {
  open: (a, b) => Number(a.voted) - Number(b.voted) || a.closesAt - b.closesAt,
  scheduled: (a, b) => a.opensAt - b.opensAt,
  draft: (a, b) => a.opensAt - b.opensAt,
  closed: (a, b) => b.closesAt - a.closesAt,
};

/** The non-empty groups in order. Drafts only for organisers. */
export function groupVotes(votes: readonly VoteSummary[], canManage: boolean): VoteGroup[] {
  return ORDER.filter((phase) => phase !== 'draft' || canManage)
    .map((phase) => ({ phase, title: GROUP_TITLES[phase], votes: votes.filter((v) => v.phase === phase).sort(sorters[phase]) }))
    .filter((group) => group.votes.length > 0);
}

/** The time that matters now: 12月5日 周六 17:00 截止 / … 开始 / 已于 … 结束. */
export function voteTimeText(vote: Pick<VoteSummary, 'phase' | 'opensAt' | 'closesAt'>): string {
  switch (vote.phase) {
    case 'open':
      return `${formatShortDateTime(vote.closesAt)} 截止`;
    case 'closed':
      return `已于 ${formatShortDateTime(vote.closesAt)} 结束`;
    default:
      return `${formatShortDateTime(vote.opensAt)} 开始`;
  }
}

/** 已有 37 人投票 / 还没有人投票; '' before it opens. */
export function turnoutText(vote: Pick<VoteSummary, 'phase' | 'turnout'>): string {
  if (vote.phase === 'draft' || vote.phase === 'scheduled') return '';
  return vote.turnout > 0 ? `已有 ${vote.turnout} 人投票` : vote.phase === 'open' ? '还没有人投票' : '无人投票';
}

/** 无记名 / 记名 */
export const secrecyText = (secret: boolean): string => (secret ? '无记名' : '记名');

/** Where a vote stands at `now`, as the cloud derives it: for the page's own update after publishing. */
export function phaseAt(vote: { status: 'draft' | 'published' | 'closed'; opensAt: number; closesAt: number }, now: number): VotePhase {
  if (vote.status === 'draft') return 'draft';
  if (vote.status === 'closed' || now >= vote.closesAt) return 'closed';
  return now < vote.opensAt ? 'scheduled' : 'open';
}
