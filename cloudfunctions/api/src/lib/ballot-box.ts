/**
 * The ballot box: casting a ballot is ONE conditional update of the vote's own document.
 *
 * Exactly once, and exact tallies
 * - The update's `where` requires that the voter's 工号 is not yet in `voterIds`, that the vote is
 *   published and open at this instant, and that its content is the revision the ballot was checked
 *   against. The same update adds the 工号 to `voterIds`, adds 1 to `turnout`, and adds 1 to each
 *   counter the ballot chose. The database applies it to one document atomically, so however many
 *   requests race, a member is counted at most once, and `turnout` = |voterIds| = ballots counted.
 *
 * Secret (无记名) votes: why nothing stored links a member to a choice
 * - No ballot is ever stored. What a secret ballot leaves behind is: its counters raised by one
 *   (numbers, whose keys were all created at zero when the vote was saved, so not even the order of
 *   the keys says what came first); the voter's 工号 inside `voterIds`, which the update keeps
 *   SORTED by 工号 (`$push` with `$sort`), so its position says nothing about when they voted; and,
 *   for a poll's 其他, the text inside `otherTexts`, also kept sorted (by text). Sorting also
 *   destroys order at rest: "the third 工号" and "the third text" are unrelated.
 * - No time is stored per voter or per ballot: casting never writes `updatedAt`, and the member's
 *   own record is not touched. So times and order cannot be matched either.
 * - Nothing is logged: this module never logs, and a failed write is rethrown as a bare error
 *   without the request (the dispatcher logs what it is given).
 * - Results of a secret vote are not shown to anyone before it closes (see vote-rules), so the
 *   figures cannot be watched moving from one ballot to the next through the app.
 * What this does not cover: someone with live access to the database server itself, watching
 * each write as it happens (its operation log, the local cloud's WAL), sees the update that carries
 * both. That is the hosting platform's trust boundary, as for any server-side tally.
 *
 * Named (记名) votes also store each ballot under `namedBallots.<工号>`, in the same update. A change
 * (if allowed) is conditional on the stored ballot's `rev`, and moves the counters by the difference.
 */
import type { Member } from '../../../../types/member';
import { OTHER_OPTION, type Ballot, type NamedBallot, type Vote } from '../../../../types/vote';
import { ballotKeys, castRefusal, tallyDelta, tidyBallot } from '../domain/vote-rules';
import { _ } from './cloud';
import { collection } from './collections';
import { DomainError } from './domain-error';

const counterUpdates = (delta: Iterable<[string, number]>): Record<string, unknown> =>
  Object.fromEntries([...delta].map(([key, n]) => [`tally.${key}`, _.inc(n)]));

/** Writes without ever letting the request (the voter and their choices) reach a log line. */
async function quietly<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch {
    throw new Error('ballot box: the database refused the write');
  }
}

/** The part of the `where` that says the vote takes ballots now, on the content the ballot was checked against. */
const openNow = (vote: Vote, now: number) => ({ _id: vote._id, status: 'published', rev: vote.rev, opensAt: _.lte(now), closesAt: _.gt(now) });

/** Casts the member's first ballot. Refuses ALREADY_VOTED, VOTE_NOT_OPEN, BALLOT_INVALID, NOT_IN_ELECTORATE. */
export async function castBallot(vote: Vote, member: Member, ballot: Ballot, now: number): Promise<void> {
  const refusal = castRefusal(vote, member, now);
  if (refusal) throw new DomainError(refusal.code, refusal.reason);
  const keys = ballotKeys(vote.content, ballot);
  const data: Record<string, unknown> = {
    voterIds: _.push({ each: [member._id], sort: 1 }),
    turnout: _.inc(1),
    ...counterUpdates(keys.map((key) => [key, 1])),
  };
  if (vote.secret) {
    if (ballot.kind === 'poll' && ballot.picks.includes(OTHER_OPTION)) data.otherTexts = _.push({ each: [ballot.otherText], sort: 1 });
  } else {
    const stored: NamedBallot = { ballot: tidyBallot(ballot), castAt: now, rev: 1 };
    data[`namedBallots.${member._id}`] = _.set(stored);
  }
  const { stats } = await quietly(() => collection('votes').where({ ...openNow(vote, now), voterIds: _.neq(member._id) }).update({ data }));
  if (stats.updated === 1) return;
  throw await whyNotCounted(vote._id, member._id, now);
}

/** Replaces a named ballot, where the vote allows it, moving the counters by the difference. */
export async function changeBallot(vote: Vote, member: Member, previous: NamedBallot, ballot: Ballot, now: number): Promise<void> {
  if (vote.secret || !vote.allowChange) throw new DomainError('BALLOT_CHANGE_NOT_ALLOWED');
  const refusal = castRefusal(vote, member, now);
  if (refusal) throw new DomainError(refusal.code, refusal.reason);
  const delta = tallyDelta(ballotKeys(vote.content, previous.ballot), ballotKeys(vote.content, ballot));
  const stored: NamedBallot = { ballot: tidyBallot(ballot), castAt: now, rev: previous.rev + 1 };
  const { stats } = await collection('votes')
    .where({ ...openNow(vote, now), [`namedBallots.${member._id}.rev`]: previous.rev })
    .update({ data: { ...counterUpdates(delta), [`namedBallots.${member._id}`]: _.set(stored) } });
  if (stats.updated === 1) return;
  const fresh = await readVote(vote._id);
  if (!fresh || castRefusal(fresh, member, Date.now())) throw new DomainError('VOTE_NOT_OPEN', '投票已经结束');
  throw new DomainError('CONFLICT');
}

async function readVote(voteId: string): Promise<Vote | null> {
  const { data } = await collection('votes').where({ _id: voteId }).field({ namedBallots: false, otherTexts: false }).get();
  return (data[0] as Vote | undefined) ?? null;
}

/** After a refused update: tell the voter the true reason. */
async function whyNotCounted(voteId: string, memberId: string, now: number): Promise<DomainError> {
  const fresh = await readVote(voteId);
  if (!fresh) return new DomainError('NOT_FOUND');
  if (fresh.voterIds.includes(memberId)) return new DomainError('ALREADY_VOTED');
  if (fresh.status !== 'published' || now < fresh.opensAt || now >= fresh.closesAt) return new DomainError('VOTE_NOT_OPEN', '投票已经结束');
  // The organiser edited the vote between our read and our write: the ballot was checked against old content.
  return new DomainError('CONFLICT');
}
