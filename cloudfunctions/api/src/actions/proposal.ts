import type { Member } from '../../../../types/member';
import type { CoSigner, Department, Proposal, ProposalDetail } from '../../../../types/proposal';
import { abilities, handlesAtAll, isCommittee, isOverdue, maySee, raterIds, signedIds, submitBlocker, SUBMITTED, toProposalSummary, windowOpen } from '../domain/proposal-rules';
import type { BoundCaller, Caller } from '../lib/caller';
import { _ } from '../lib/cloud';
import { collection } from '../lib/collections';
import { screenText } from '../lib/content-check';
import { DomainError } from '../lib/domain-error';
import type { Handler } from '../lib/dispatch';
import { getProposal, historyEntry, listDepartments, mustGetProposal, mustGetSession, mustTransition, readProposals } from '../lib/proposals-repo';
import { hasOwn, ownValue } from '../../../../types/own-keys';

const me = (caller: Caller): Member => (caller as BoundCaller).member;

/** Everything the proposal screen needs, in one answer. */
export async function proposalDetail(proposal: Proposal, viewer: Member, departments?: Department[]): Promise<ProposalDetail> {
  const now = Date.now();
  const [session, depts] = await Promise.all([mustGetSession(proposal.sessionId), departments ?? listDepartments()]);
  const round = ownValue(proposal.ratings, String(proposal.round)) ?? {};
  const merged = proposal.decision?.kind === 'merge' ? await getProposal(proposal.decision.into) : null;
  return {
    proposal,
    session,
    can: abilities(proposal, session, viewer, depts, now),
    submitBlocker: proposal.proposerId === viewer._id ? submitBlocker(proposal, session, now) : null,
    raters: raterIds(proposal).map((id) => ({
      memberId: id,
      name: id === proposal.proposerId ? proposal.proposerName : ownValue(proposal.coSigners, id)?.name ?? '',
      rated: hasOwn(round, id),
    })),
    viewerRates: raterIds(proposal).includes(viewer._id),
    overdue: isOverdue(proposal, now),
    ...(merged ? { mergedIntoTitle: merged.title } : {}),
  };
}

/** Reads the proposal again after a change and answers its detail. */
export const freshDetail = async (proposalId: string, viewer: Member): Promise<ProposalDetail> => proposalDetail(await mustGetProposal(proposalId), viewer);

/** The proposal, if the viewer is concerned with it; otherwise it does not exist for them. */
export async function visibleProposal(proposalId: string, viewer: Member, departments: Department[]): Promise<Proposal> {
  const proposal = await getProposal(proposalId);
  if (!proposal || !maySee(proposal, viewer, departments)) throw new DomainError('NOT_FOUND');
  return proposal;
}

async function ownProposal(proposalId: string, viewer: Member): Promise<Proposal> {
  const proposal = await getProposal(proposalId);
  if (!proposal || !maySee(proposal, viewer, [])) throw new DomainError('NOT_FOUND');
  if (proposal.proposerId !== viewer._id) throw new DomainError('NOT_PROPOSER');
  return proposal;
}

const assertDelegate = (viewer: Member) => {
  if (!viewer.isDelegate) throw new DomainError('NOT_DELEGATE');
};

async function assertWindowOpen(sessionId: string) {
  const session = await mustGetSession(sessionId);
  if (!windowOpen(session, Date.now())) throw new DomainError('PROPOSAL_WINDOW_CLOSED');
  return session;
}

/**
 * A box of proposals: mine (proposed or co-signed), waiting for my co-signature, the committee's
 * (everything submitted), or my departments' (handling). Constant requests whatever the count.
 */
export const listProposals: Handler<'proposal.list'> = async ({ box, sessionId }, caller) => {
  const viewer = me(caller);
  const departments = await listDepartments();
  const myDepartments = departments.filter((d) => d.handlerIds.includes(viewer._id)).map((d) => d._id);
  const committee = isCommittee(viewer);
  const inSession = sessionId ? { sessionId } : {};
  const eitherOf = (...conditions: object[]) => (sessionId ? _.and([inSession, _.or(conditions)]) : _.or(conditions));
  let where: object;
  if (box === 'mine') where = eitherOf({ proposerId: viewer._id }, { [`coSigners.${viewer._id}.state`]: 'signed' });
  else if (box === 'cosign') where = { ...inSession, status: 'seeking', [`coSigners.${viewer._id}.state`]: 'invited' };
  else if (box === 'committee') {
    if (!committee) throw new DomainError('FORBIDDEN');
    where = { ...inSession, status: _.in(SUBMITTED) };
  } else {
    if (myDepartments.length === 0) throw new DomainError('FORBIDDEN');
    where = eitherOf({ 'assignment.leadId': _.in(myDepartments) }, { 'assignment.helperIds': _.in(myDepartments) });
  }
  const now = Date.now();
  const proposals = (await readProposals(where)).filter((p) => box !== 'handling' || handlesAtAll(p, departments, viewer._id));
  return {
    proposals: proposals.map((p) => toProposalSummary(p, now)),
    isDelegate: viewer.isDelegate,
    isCommittee: committee,
    isHandler: myDepartments.length > 0,
  };
};

export const getProposalDetail: Handler<'proposal.get'> = async ({ proposalId }, caller) => {
  const viewer = me(caller);
  const departments = await listDepartments();
  return proposalDetail(await visibleProposal(proposalId, viewer, departments), viewer, departments);
};

/** A delegate starts a draft, within the session's window. */
export const createProposal: Handler<'proposal.create'> = async ({ sessionId, draft }, caller) => {
  const viewer = me(caller);
  assertDelegate(viewer);
  await assertWindowOpen(sessionId);
  const now = Date.now();
  const proposal: Omit<Proposal, '_id'> = {
    ...draft,
    sessionId,
    status: 'draft',
    proposerId: viewer._id,
    proposerName: viewer.name,
    coSigners: {},
    round: 1,
    replies: [],
    ratings: {},
    history: [historyEntry(viewer, '起草提案', undefined, now)],
    createdAt: now,
    updatedAt: now,
  };
  const { _id } = await collection('proposals').add({ data: proposal });
  return proposalDetail({ ...proposal, _id }, viewer);
};

export const updateProposal: Handler<'proposal.update'> = async ({ proposalId, draft }, caller) => {
  const viewer = me(caller);
  const proposal = await ownProposal(proposalId, viewer);
  await assertWindowOpen(proposal.sessionId);
  await mustTransition(proposalId, { status: 'draft', proposerId: viewer._id }, draft, []);
  return freshDetail(proposalId, viewer);
};

/**
 * Invites delegates to co-sign. The first invitation publishes the text to them, so it passes the
 * content check first: risky is refused; if the check cannot run, the proposal waits for the chair.
 */
export const inviteCoSigners: Handler<'proposal.invite'> = async ({ proposalId, memberIds }, caller) => {
  const viewer = me(caller);
  const proposal = await ownProposal(proposalId, viewer);
  if (proposal.status !== 'draft' && proposal.status !== 'seeking') throw new DomainError('PROPOSAL_WRONG_STATE');
  await assertWindowOpen(proposal.sessionId);
  const ids = [...new Set(memberIds)];
  if (ids.includes(viewer._id)) throw new DomainError('COSIGNER_INVALID', '不能邀请自己附议');
  const { data } = await collection('members').where({ _id: _.in(ids), isDelegate: true }).field({ _id: true, name: true }).limit(ids.length).get();
  const invitees = data as Array<{ _id: string; name: string }>;
  if (invitees.length !== ids.length) throw new DomainError('COSIGNER_INVALID');
  // Someone who already signed keeps their signature; an earlier decline may be asked again.
  const fresh = invitees.filter((m) => ownValue(proposal.coSigners, m._id)?.state !== 'signed' && ownValue(proposal.coSigners, m._id)?.state !== 'invited');
  const now = Date.now();
  const invited = Object.fromEntries(fresh.map((m) => [`coSigners.${m._id}`, _.set({ name: m.name, state: 'invited', invitedAt: now } satisfies CoSigner)]));
  const names = fresh.map((m) => m.name).join('、');
  if (proposal.status === 'seeking') {
    if (fresh.length) await mustTransition(proposalId, { status: 'seeking', proposerId: viewer._id }, invited, [historyEntry(viewer, `邀请附议：${names}`)]);
    return freshDetail(proposalId, viewer);
  }
  const verdict = await screenText(caller.openid, proposal.title, proposal.reasons, proposal.measures);
  if (verdict === 'risky') throw new DomainError('CONTENT_RISKY');
  const status = verdict === 'pass' ? 'seeking' : 'held';
  const entries = [historyEntry(viewer, `邀请附议：${names}`), ...(status === 'held' ? [historyEntry(viewer, '内容安全检查暂不可用，提案等待工会主席审核后送达附议人')] : [])];
  await mustTransition(proposalId, { status: 'draft', proposerId: viewer._id, updatedAt: proposal.updatedAt }, { ...invited, status }, entries);
  return freshDetail(proposalId, viewer);
};

/** Back to a draft to change the text: signatures were given to the old text, so they are cleared. */
export const reviseProposal: Handler<'proposal.revise'> = async ({ proposalId }, caller) => {
  const viewer = me(caller);
  await ownProposal(proposalId, viewer);
  await mustTransition(proposalId, { status: _.in(['seeking', 'held']), proposerId: viewer._id }, { status: 'draft', coSigners: _.set({}) }, [historyEntry(viewer, '撤回修改，已有附议作废')]);
  return freshDetail(proposalId, viewer);
};

/** An invited delegate co-signs (附议) or declines: a conditional update of their own entry. */
export const respondToProposal: Handler<'proposal.respond'> = async ({ proposalId, accept }, caller) => {
  const viewer = me(caller);
  assertDelegate(viewer);
  const proposal = await getProposal(proposalId);
  if (!proposal || !hasOwn(proposal.coSigners, viewer._id)) throw new DomainError('NOT_FOUND');
  await assertWindowOpen(proposal.sessionId);
  const path = `coSigners.${viewer._id}`;
  const done = await collection('proposals')
    .where({ _id: proposalId, status: 'seeking', [`${path}.state`]: 'invited' })
    .update({
      data: {
        [`${path}.state`]: accept ? 'signed' : 'declined',
        [`${path}.answeredAt`]: Date.now(),
        history: _.push([historyEntry(viewer, accept ? '附议' : '婉拒附议')]),
        updatedAt: Date.now(),
      },
    });
  if (done.stats.updated === 0) throw new DomainError('NOT_INVITED_COSIGNER');
  return freshDetail(proposalId, viewer);
};

/** Submits to the committee: within the window, with enough co-signers. */
export const submitProposal: Handler<'proposal.submit'> = async ({ proposalId }, caller) => {
  const viewer = me(caller);
  const proposal = await ownProposal(proposalId, viewer);
  if (proposal.status !== 'seeking') throw new DomainError('PROPOSAL_WRONG_STATE');
  const session = await assertWindowOpen(proposal.sessionId);
  if (signedIds(proposal).length < session.minCoSigners) throw new DomainError('NOT_ENOUGH_COSIGNERS', submitBlocker(proposal, session, Date.now()) ?? undefined);
  const now = Date.now();
  // The signatures counted must still be there when it moves (a revision would clear them).
  const stillSigned = Object.fromEntries(signedIds(proposal).map((id) => [`coSigners.${id}.state`, 'signed']));
  await mustTransition(proposalId, { status: 'seeking', proposerId: viewer._id, ...stillSigned }, { status: 'submitted', submittedAt: now }, [historyEntry(viewer, '提交提案', undefined, now)]);
  return freshDetail(proposalId, viewer);
};
