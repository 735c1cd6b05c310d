import type { Member } from '../../../../types/member';
import type { CongressSession, Department, HistoryEntry, Proposal } from '../../../../types/proposal';
import { _ } from './cloud';
import { collection } from './collections';
import { DomainError } from './domain-error';
import { readPages } from './read-pages';

/** A union has a handful of departments and sessions: one read each, never paged. */
const SMALL = 200;

export async function getProposal(proposalId: string): Promise<Proposal | null> {
  const { data } = await collection('proposals').doc(proposalId).get();
  return (data as Proposal | null) ?? null;
}

export async function mustGetProposal(proposalId: string): Promise<Proposal> {
  const proposal = await getProposal(proposalId);
  if (!proposal) throw new DomainError('NOT_FOUND');
  return proposal;
}

export async function mustGetSession(sessionId: string): Promise<CongressSession> {
  const { data } = await collection('congressSessions').doc(sessionId).get();
  if (!data) throw new DomainError('NOT_FOUND', '找不到这次教代会会议');
  return data as CongressSession;
}

export async function listSessions(): Promise<CongressSession[]> {
  const { data } = await collection('congressSessions').orderBy('proposalOpensAt', 'desc').limit(SMALL).get();
  return data as CongressSession[];
}

export async function listDepartments(): Promise<Department[]> {
  const { data } = await collection('departments').orderBy('name', 'asc').limit(SMALL).get();
  return data as Department[];
}

/** Every proposal matching `where`, in pages of 1000. */
export async function readProposals(where: object): Promise<Proposal[]> {
  return readPages<Proposal>(() => collection('proposals').where(where).orderBy('updatedAt', 'desc').orderBy('_id', 'asc'));
}

export const historyEntry = (actor: Pick<Member, 'name'>, event: string, note?: string, at = Date.now()): HistoryEntry => ({
  at,
  actorName: actor.name,
  event,
  ...(note ? { note } : {}),
});

/**
 * One transition: a conditional update whose `where` names the state it leaves (and anything else
 * that must still hold), writing the change and appending to the history in the same update.
 * Resolves whether it happened.
 */
export async function transition(proposalId: string, where: object, data: object, entries: HistoryEntry[]): Promise<boolean> {
  const { stats } = await collection('proposals')
    .where({ _id: proposalId, ...where })
    .update({ data: { ...data, history: _.push(entries), updatedAt: Date.now() } });
  return stats.updated === 1;
}

/** Transition or refuse: when the `where` no longer holds, someone moved the proposal first. */
export async function mustTransition(proposalId: string, where: object, data: object, entries: HistoryEntry[]): Promise<void> {
  if (!(await transition(proposalId, where, data, entries))) throw new DomainError('PROPOSAL_WRONG_STATE');
}
