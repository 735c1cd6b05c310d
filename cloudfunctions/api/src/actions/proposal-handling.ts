import type { Member } from '../../../../types/member';
import type { CongressSession, Proposal, Reply } from '../../../../types/proposal';
import type { Suggestion } from '../../../../types/suggestion';
import { RATING_LABELS } from '../../../../types/labels';
import { afterRating, handlesAsLead, raterIds } from '../domain/proposal-rules';
import type { BoundCaller, Caller } from '../lib/caller';
import { _ } from '../lib/cloud';
import { screenText } from '../lib/content-check';
import { DomainError } from '../lib/domain-error';
import type { Handler } from '../lib/dispatch';
import { historyEntry, listDepartments, mustGetProposal, mustTransition, transition } from '../lib/proposals-repo';
import { runInTransaction } from '../lib/transaction';
import { tellProposalReplied } from '../lib/tell-replied';
import { freshDetail } from './proposal';
import { hasOwn, ownValue } from '../../../../types/own-keys';

const me = (caller: Caller): Member => (caller as BoundCaller).member;
const MERGEABLE = ['submitted', 'accepted', 'assigned', 'replied'];

/**
 * The committee's decision on a submitted proposal. Accepting numbers it (立案号, per session, in
 * the order of acceptance) and converting creates the suggestion: each in one transaction with the
 * proposal's move, so a number is never given twice and nothing is half-done.
 */
export const triageProposal: Handler<'proposal.triage'> = async ({ proposalId, decision }, caller) => {
  const viewer = me(caller);
  const now = Date.now();
  const decided = { ...decision, byName: viewer.name, at: now };
  if (decision.kind === 'reject') {
    await mustTransition(proposalId, { status: 'submitted' }, { status: 'rejected', decision: _.set(decided) }, [historyEntry(viewer, '不予立案', decision.reason, now)]);
    return freshDetail(proposalId, viewer);
  }
  await runInTransaction(async (t) => {
    const proposal = (await t.collection('proposals').doc(proposalId).get()).data as Proposal | null;
    if (!proposal) throw new DomainError('NOT_FOUND');
    if (proposal.status !== 'submitted') throw new DomainError('PROPOSAL_WRONG_STATE');
    const moved = (status: Proposal['status'], event: string, note?: string, extra: object = {}) =>
      t.collection('proposals').doc(proposalId).update({
        data: { status, decision: decided, ...extra, history: [...proposal.history, historyEntry(viewer, event, note, now)], updatedAt: now },
      });
    if (decision.kind === 'accept') {
      const session = (await t.collection('congressSessions').doc(proposal.sessionId).get()).data as (CongressSession & { acceptedCount?: number }) | null;
      const number = (session?.acceptedCount ?? 0) + 1;
      await t.collection('congressSessions').doc(proposal.sessionId).update({ data: { acceptedCount: number } });
      await moved('accepted', `立案，编为第 ${number} 号`, undefined, { number });
    } else if (decision.kind === 'convert') {
      const suggestion: Omit<Suggestion, '_id'> = {
        title: proposal.title,
        body: `${proposal.reasons}\n\n建议措施：${proposal.measures}`,
        anonymous: false,
        senderId: proposal.proposerId,
        senderName: proposal.proposerName,
        status: 'received',
        public: false,
        fromProposalId: proposalId,
        createdAt: now,
        updatedAt: now,
      };
      await t.collection('suggestions').doc(`from-${proposalId}`).set({ data: suggestion });
      await moved('converted', '转为意见建议', decision.reason);
    } else {
      if (decision.into === proposalId) throw new DomainError('MERGE_TARGET_INVALID');
      const target = (await t.collection('proposals').doc(decision.into).get()).data as Proposal | null;
      if (!target || target.sessionId !== proposal.sessionId || !MERGEABLE.includes(target.status)) throw new DomainError('MERGE_TARGET_INVALID');
      await t.collection('proposals').doc(decision.into).update({
        data: { history: [...target.history, historyEntry(viewer, `并入提案《${proposal.title}》（提案人 ${proposal.proposerName}）`, decision.reason, now)], updatedAt: now },
      });
      await moved('merged', `并入提案《${target.title}》`, decision.reason);
    }
  });
  return freshDetail(proposalId, viewer);
};

/** Assigns an accepted proposal to a lead department (主办) and helpers (协办), with a reply deadline. */
export const assignProposal: Handler<'proposal.assign'> = async ({ proposalId, leadId, helperIds, deadline }, caller) => {
  const viewer = me(caller);
  const now = Date.now();
  if (deadline <= now) throw new DomainError('INVALID_INPUT', undefined, [{ path: 'deadline', message: '答复期限要晚于现在' }]);
  const departments = await listDepartments();
  const named = (id: string) => {
    const department = departments.find((d) => d._id === id);
    if (!department) throw new DomainError('DEPARTMENT_NOT_FOUND');
    return department.name;
  };
  const helpers = [...new Set(helperIds)];
  const assignment = { leadId, leadName: named(leadId), helperIds: helpers, helperNames: helpers.map(named), deadline };
  const event = `交办：主办 ${assignment.leadName}${helpers.length ? `，协办 ${assignment.helperNames.join('、')}` : ''}`;
  await mustTransition(
    proposalId,
    { status: _.in(['accepted', 'assigned']), heldReply: _.exists(false) },
    { status: 'assigned', assignment: _.set(assignment) },
    [historyEntry(viewer, event, `答复期限 ${new Date(deadline + 8 * 3600_000).toISOString().slice(0, 10)}`, now)],
  );
  return freshDetail(proposalId, viewer);
};

/**
 * A handler of the lead department replies, round by round. The proposer and co-signers read it,
 * so it passes the content check: risky is refused; if the check cannot run, the chair sees it first.
 */
export const replyToProposal: Handler<'proposal.reply'> = async ({ proposalId, text }, caller) => {
  const viewer = me(caller);
  const [proposal, departments] = await Promise.all([mustGetProposal(proposalId), listDepartments()]);
  // One answer for "not yours" and "no such proposal": a reply must not tell who handles what, nor what exists.
  if (!handlesAsLead(proposal, departments, viewer._id)) throw new DomainError('NOT_FOUND');
  if (proposal.status !== 'assigned' || proposal.heldReply) throw new DomainError('PROPOSAL_WRONG_STATE');
  const verdict = await screenText(caller.openid, text);
  if (verdict === 'risky') throw new DomainError('CONTENT_RISKY');
  const now = Date.now();
  const reply: Reply = { round: proposal.round, text, departmentName: proposal.assignment!.leadName, byName: viewer.name, at: now };
  const where = { status: 'assigned', round: proposal.round, heldReply: _.exists(false) };
  if (verdict === 'unchecked') {
    await mustTransition(proposalId, where, { heldReply: _.set(reply) }, [historyEntry(viewer, `第 ${proposal.round} 轮答复已提交，待工会主席审核后送达`, undefined, now)]);
  } else {
    await mustTransition(proposalId, where, { status: 'replied', replies: _.push([reply]) }, [historyEntry(viewer, `${reply.departmentName}答复（第 ${proposal.round} 轮）`, undefined, now)]);
    await tellProposalReplied(proposal, reply);
  }
  return freshDetail(proposalId, viewer);
};

/**
 * The proposer and each co-signer rate the reply once per round. Any 不满意 sends it back to the
 * department for another round; when all have rated and none is unsatisfied, it closes.
 */
export const rateProposal: Handler<'proposal.rate'> = async ({ proposalId, rating }, caller) => {
  const viewer = me(caller);
  const proposal = await mustGetProposal(proposalId);
  if (!raterIds(proposal).includes(viewer._id)) throw new DomainError(hasOwn(proposal.coSigners, viewer._id) ? 'NOT_RATER' : 'NOT_FOUND');
  const round = proposal.round;
  const path = `ratings.${round}.${viewer._id}`;
  const now = Date.now();
  const rated = await transition(
    proposalId,
    { status: 'replied', round, [path]: _.exists(false) },
    { [path]: _.set({ rating, name: viewer.name, at: now }) },
    [historyEntry(viewer, `评价第 ${round} 轮答复：${RATING_LABELS[rating]}`, undefined, now)],
  );
  if (!rated) {
    const fresh = await mustGetProposal(proposalId);
    throw new DomainError(hasOwn(ownValue(fresh.ratings, String(round)), viewer._id) ? 'ALREADY_RATED' : 'PROPOSAL_WRONG_STATE');
  }
  const after = afterRating(await mustGetProposal(proposalId));
  // Both moves are conditional on the round still being open: concurrent last ratings move it once.
  if (after === 'reopen') {
    await transition(proposalId, { status: 'replied', round }, { status: 'assigned', round: round + 1 }, [historyEntry({ name: '系统' }, '有代表对答复不满意，退回承办部门重新办理')]);
  } else if (after === 'close') {
    await transition(proposalId, { status: 'replied', round }, { status: 'closed' }, [historyEntry({ name: '系统' }, '全部评价完成，提案办结')]);
  }
  return freshDetail(proposalId, viewer);
};
