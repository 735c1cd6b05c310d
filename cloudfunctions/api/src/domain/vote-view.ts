import type { Member } from '../../../../types/member';
import type { Vote, VoteInfo, VotePhase, VoteSummary } from '../../../../types/vote';
import { inElectorate, votePhase } from './vote-rules';

/** A vote without anything about who voted or how: safe for any screen. */
export function voteInfo(vote: Vote | VoteInfo): VoteInfo {
  const { tally: _t, voterIds: _v, otherTexts: _o, namedBallots: _n, ...info } = vote as Vote;
  return info;
}

const PHASE_ORDER: Record<VotePhase, number> = { open: 0, scheduled: 1, draft: 2, closed: 3 };

/** Open votes first (closing soonest), then upcoming, drafts, and the closed ones (latest first). */
export function orderSummaries(summaries: VoteSummary[]): VoteSummary[] {
  const key = (s: VoteSummary) => (s.phase === 'closed' ? -s.closesAt : s.phase === 'scheduled' ? s.opensAt : s.closesAt);
  return [...summaries].sort((a, b) => PHASE_ORDER[a.phase] - PHASE_ORDER[b.phase] || key(a) - key(b) || a._id.localeCompare(b._id));
}

export function toVoteSummary(vote: VoteInfo, viewer: Member, voted: boolean, now: number): VoteSummary {
  return {
    _id: vote._id,
    title: vote.title,
    kind: vote.content.kind,
    secret: vote.secret,
    phase: votePhase(vote, now),
    opensAt: vote.opensAt,
    closesAt: vote.closesAt,
    turnout: vote.turnout,
    voted,
    eligible: inElectorate(vote, viewer),
  };
}
