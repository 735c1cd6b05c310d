import type { Audience } from '../../../../types/activity';
import type { Member } from '../../../../types/member';
import type { NamedBallot, Vote } from '../../../../types/vote';
import { _ } from './cloud';
import { collection } from './collections';
import { DomainError } from './domain-error';
import { audienceWhere, membersInAudience } from './members-repo';
import { ownValue } from '../../../../types/own-keys';

/** Everything of a vote but the ballots of a named vote (read one voter's with `myBallotState`). */
export async function getVote(voteId: string): Promise<Vote | null> {
  const { data } = await collection('votes').where({ _id: voteId }).field({ namedBallots: false }).limit(1).get();
  return (data[0] as Vote | undefined) ?? null;
}

export async function mustGetVote(voteId: string): Promise<Vote> {
  const vote = await getVote(voteId);
  if (!vote) throw new DomainError('NOT_FOUND');
  return vote;
}

/** One voter's own state in a vote: whether they voted and, for a named vote, their ballot. One request. */
export async function myBallotState(voteId: string, memberId: string): Promise<{ voted: boolean; named: NamedBallot | null }> {
  const { data } = await collection('votes')
    .where({ _id: voteId, voterIds: memberId })
    .field({ _id: true, [`namedBallots.${memberId}`]: true })
    .limit(1)
    .get();
  const row = data[0] as Pick<Vote, 'namedBallots'> | undefined;
  return { voted: Boolean(row), named: ownValue(row?.namedBallots, memberId) ?? null };
}


export async function countElectorate(audience: Audience): Promise<number> {
  const { total } = await collection('members').where(audienceWhere(audience)).count();
  return total;
}

export const electorateMembers = (audience: Audience): Promise<Member[]> => membersInAudience(audience);

/**
 * Who in the electorate has not voted yet: for the turnout screen, and for the reminders the day
 * before a vote closes. Names only: that someone has voted is not secret, what they chose is.
 */
export async function nonVoters(vote: Pick<Vote, 'electorate' | 'voterIds'>): Promise<Member[]> {
  const voted = new Set(vote.voterIds);
  return (await electorateMembers(vote.electorate)).filter((m) => !voted.has(m._id));
}

/**
 * The electorate's size a closed vote's results are computed on: frozen at the first read after
 * closing, so later roster changes do not rewrite a motion's verdict.
 */
export async function closedElectorate(vote: Vote): Promise<number> {
  if (vote.electorateAtClose !== undefined) return vote.electorateAtClose;
  const size = await countElectorate(vote.electorate);
  await collection('votes').where({ _id: vote._id, electorateAtClose: _.exists(false) }).update({ data: { electorateAtClose: size } });
  const { data } = await collection('votes').where({ _id: vote._id }).field({ electorateAtClose: true }).limit(1).get();
  return (data[0] as Pick<Vote, 'electorateAtClose'> | undefined)?.electorateAtClose ?? size;
}
