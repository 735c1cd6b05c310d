import type { Member } from '../../../../types/member';
import type {
  CongressSession,
  Department,
  Proposal,
  ProposalAbilities,
  ProposalStatus,
  ProposalSummary,
  Rating,
} from '../../../../types/proposal';
import { RATINGS } from '../../../../types/labels';
import { hasOwn, ownValue } from '../../../../types/own-keys';

/** The proposal committee's work: the chair and members of 提案工作委员会. */
export const isCommittee = (member: Pick<Member, 'roles'>): boolean => member.roles.includes('chair') || member.roles.includes('proposalCommittee');

/** Statuses a proposal has once it reached the committee. */
export const SUBMITTED: ProposalStatus[] = ['submitted', 'accepted', 'assigned', 'replied', 'closed', 'rejected', 'converted', 'merged'];
/** 立案 and after: the ones a department handles and the report details. */
export const ACCEPTED: ProposalStatus[] = ['accepted', 'assigned', 'replied', 'closed'];

export const windowOpen = (session: Pick<CongressSession, 'proposalOpensAt' | 'proposalClosesAt'>, now: number): boolean =>
  now >= session.proposalOpensAt && now < session.proposalClosesAt;

/** The current session: the one whose window is open, else the next to open, else the latest. */
export function currentSession(sessions: CongressSession[], now: number): CongressSession | null {
  const open = sessions.find((s) => windowOpen(s, now));
  if (open) return open;
  const next = sessions.filter((s) => s.proposalOpensAt > now).sort((a, b) => a.proposalOpensAt - b.proposalOpensAt)[0];
  return next ?? [...sessions].sort((a, b) => b.proposalClosesAt - a.proposalClosesAt)[0] ?? null;
}

export const signedIds = (proposal: Pick<Proposal, 'coSigners'>): string[] =>
  Object.entries(proposal.coSigners).filter(([, c]) => c.state === 'signed').map(([id]) => id);

/** Who rates a reply: the proposer and every co-signer who signed. */
export const raterIds = (proposal: Pick<Proposal, 'proposerId' | 'coSigners'>): string[] => [proposal.proposerId, ...signedIds(proposal)];

/** Why it cannot be submitted now, or null. */
export function submitBlocker(proposal: Pick<Proposal, 'status' | 'coSigners'>, session: CongressSession, now: number): string | null {
  if (proposal.status !== 'seeking') return proposal.status === 'draft' ? '请先邀请附议人' : null;
  if (!windowOpen(session, now)) return '现在不在提案征集时间内';
  const missing = session.minCoSigners - signedIds(proposal).length;
  return missing > 0 ? `还需 ${missing} 位代表附议` : null;
}

export const handlesAsLead = (proposal: Pick<Proposal, 'assignment'>, departments: Department[], memberId: string): boolean =>
  Boolean(proposal.assignment && departments.some((d) => d._id === proposal.assignment!.leadId && d.handlerIds.includes(memberId)));

export const handlesAtAll = (proposal: Pick<Proposal, 'assignment'>, departments: Department[], memberId: string): boolean =>
  Boolean(
    proposal.assignment &&
      departments.some((d) => (d._id === proposal.assignment!.leadId || proposal.assignment!.helperIds.includes(d._id)) && d.handlerIds.includes(memberId)),
  );

/** A reply is due and its deadline has passed. */
export const isOverdue = (proposal: Pick<Proposal, 'status' | 'assignment'>, now: number): boolean =>
  proposal.status === 'assigned' && Boolean(proposal.assignment && proposal.assignment.deadline < now);

/** Whoever is concerned may see a proposal: its proposer, invited delegates, the committee, its departments. */
export function maySee(proposal: Proposal, viewer: Member, departments: Department[]): boolean {
  return proposal.proposerId === viewer._id || hasOwn(proposal.coSigners, viewer._id) || (isCommittee(viewer) && SUBMITTED.includes(proposal.status)) || handlesAtAll(proposal, departments, viewer._id);
}

export function abilities(proposal: Proposal, session: CongressSession, viewer: Member, departments: Department[], now: number): ProposalAbilities {
  const proposer = proposal.proposerId === viewer._id;
  const committee = isCommittee(viewer);
  const mine = ownValue(proposal.coSigners, viewer._id);
  const round = String(proposal.round);
  const open = windowOpen(session, now);
  return {
    edit: proposer && proposal.status === 'draft' && open,
    invite: proposer && (proposal.status === 'draft' || proposal.status === 'seeking') && open,
    revise: proposer && (proposal.status === 'seeking' || proposal.status === 'held'),
    submit: proposer && proposal.status === 'seeking' && submitBlocker(proposal, session, now) === null,
    respond: proposal.status === 'seeking' && mine?.state === 'invited' && open,
    triage: committee && proposal.status === 'submitted',
    assign: committee && (proposal.status === 'accepted' || (proposal.status === 'assigned' && !proposal.heldReply)),
    reply: proposal.status === 'assigned' && !proposal.heldReply && handlesAsLead(proposal, departments, viewer._id),
    rate: proposal.status === 'replied' && raterIds(proposal).includes(viewer._id) && !hasOwn(ownValue(proposal.ratings, round), viewer._id),
    release: viewer.roles.includes('chair') && (proposal.status === 'held' || Boolean(proposal.heldReply)),
  };
}

/** After a rating: reopen on any 不满意, close when everyone rated and nobody is unsatisfied, else wait. */
export function afterRating(proposal: Pick<Proposal, 'round' | 'ratings' | 'proposerId' | 'coSigners'>): 'reopen' | 'close' | 'wait' {
  const ratings = ownValue(proposal.ratings, String(proposal.round)) ?? {};
  if (Object.values(ratings).some((r) => r.rating === 'unsatisfied')) return 'reopen';
  return raterIds(proposal).every((id) => hasOwn(ratings, id)) ? 'close' : 'wait';
}

/** Counts of one round's ratings. */
export function satisfactionOf(proposal: Pick<Proposal, 'ratings'>, round: number): Record<Rating, number> {
  const counts = Object.fromEntries(RATINGS.map((r) => [r, 0])) as Record<Rating, number>;
  for (const entry of Object.values(ownValue(proposal.ratings, String(round)) ?? {})) counts[entry.rating] += 1;
  return counts;
}

export function toProposalSummary(proposal: Proposal, now: number): ProposalSummary {
  return {
    _id: proposal._id,
    sessionId: proposal.sessionId,
    title: proposal.title,
    category: proposal.category,
    status: proposal.status,
    ...(proposal.number ? { number: proposal.number } : {}),
    proposerName: proposal.proposerName,
    signedCount: signedIds(proposal).length,
    ...(proposal.assignment ? { leadName: proposal.assignment.leadName, deadline: proposal.assignment.deadline } : {}),
    overdue: isOverdue(proposal, now),
    updatedAt: proposal.updatedAt,
  };
}
