import type { Member } from '../../../../types/member';
import type { NamedBallot, Vote, VoteDetail, VoteResults } from '../../../../types/vote';
import { isOrganiser } from '../domain/activity-rules';
import { orderSummaries, toVoteSummary, voteInfo } from '../domain/vote-view';
import { castRefusal, inElectorate, resultsOf, resultsVisibility, votePhase } from '../domain/vote-rules';
import { castBallot, changeBallot } from '../lib/ballot-box';
import type { BoundCaller, Caller } from '../lib/caller';
import { _ } from '../lib/cloud';
import { collection } from '../lib/collections';
import { DomainError } from '../lib/domain-error';
import type { Handler } from '../lib/dispatch';
import { tempUrlsOf } from '../lib/storage';
import { closedElectorate, countElectorate, getVote, myBallotState } from '../lib/votes-repo';

const me = (caller: Caller): Member => (caller as BoundCaller).member;
/** The most votes a list shows: a union runs a few dozen a year. */
const LIST_LIMIT = 200;
/** What lists never carry: who voted, how, and the counts. */
const LIST_FIELDS = { voterIds: false, namedBallots: false, otherTexts: false, tally: false };

/**
 * Votes the viewer may take (their electorate's, published or closed), with whether they voted;
 * organisers see every vote, drafts too. Three requests whatever the number of votes.
 */
export const listVotes: Handler<'vote.list'> = async ({ scope }, caller) => {
  const viewer = me(caller);
  const organiser = isOrganiser(viewer);
  const now = Date.now();
  const where =
    scope === 'open' ? { status: 'published', closesAt: _.gt(now) } : organiser ? {} : { status: _.in(['published', 'closed']) };
  const { data } = await collection('votes').where(where).field(LIST_FIELDS).orderBy('closesAt', 'desc').orderBy('_id', 'asc').limit(LIST_LIMIT).get();
  const votes = (data as Vote[]).filter((vote) => (organiser && scope !== 'open') || inElectorate(vote, viewer));
  const ids = votes.map((vote) => vote._id);
  const votedIn = ids.length
    ? new Set(((await collection('votes').where({ _id: _.in(ids), voterIds: viewer._id }).field({ _id: true }).limit(LIST_LIMIT).get()).data as Vote[]).map((v) => v._id))
    : new Set<string>();
  return { votes: orderSummaries(votes.map((vote) => toVoteSummary(vote, viewer, votedIn.has(vote._id), now))), canManage: organiser };
};

/** The vote as this viewer may see it: members only their electorate's published votes. */
async function visibleVote(voteId: string, viewer: Member): Promise<Vote> {
  const vote = await getVote(voteId);
  if (!vote || (!isOrganiser(viewer) && (vote.status === 'draft' || !inElectorate(vote, viewer)))) throw new DomainError('NOT_FOUND');
  return vote;
}

/** Everything the ballot screen needs, in one answer. */
async function detailOf(vote: Vote, viewer: Member, mine: { voted: boolean; named: NamedBallot | null }): Promise<VoteDetail> {
  const now = Date.now();
  const organiser = isOrganiser(viewer);
  const phase = votePhase(vote, now);
  const refusal = mine.voted ? { reason: '你已经投过票了' } : castRefusal(vote, viewer, now);
  const { visible, note } = resultsVisibility(vote, phase, organiser);
  let results: VoteResults | null = null;
  if (visible) {
    // Only a motion's verdict depends on the electorate (all delegates).
    const electorate = vote.content.kind !== 'motion' ? 0 : phase === 'closed' ? await closedElectorate(vote) : await countElectorate(vote.electorate);
    results = resultsOf(vote, electorate);
  }
  const photos = vote.content.kind === 'election' ? vote.content.candidates.flatMap((c) => (c.photo ? [c.photo] : [])) : [];
  return {
    vote: voteInfo(vote),
    phase,
    eligible: inElectorate(vote, viewer),
    voted: mine.voted,
    myBallot: mine.named?.ballot ?? null,
    canVote: refusal ? { ok: false, reason: refusal.reason } : { ok: true },
    canChange: mine.voted && !vote.secret && vote.allowChange && phase === 'open',
    results,
    resultsNote: note,
    photoUrls: await tempUrlsOf(photos),
    canManage: organiser,
  };
}

export const getVoteDetail: Handler<'vote.get'> = async ({ voteId }, caller) => {
  const viewer = me(caller);
  const vote = await visibleVote(voteId, viewer);
  return detailOf(vote, viewer, await myBallotState(voteId, viewer._id));
};

/** Casts (or, in a named vote that allows it, changes) the caller's ballot; answers the new detail. */
export const castVote: Handler<'vote.cast'> = async ({ voteId, ballot }, caller) => {
  const viewer = me(caller);
  // Not visibleVote: someone outside the electorate is told so (NOT_IN_ELECTORATE), not "not found".
  const vote = await getVote(voteId);
  if (!vote || vote.status === 'draft') throw new DomainError('NOT_FOUND');
  const mine = await myBallotState(voteId, viewer._id);
  const now = Date.now();
  if (!mine.voted) await castBallot(vote, viewer, ballot, now);
  else if (mine.named && vote.allowChange && !vote.secret) await changeBallot(vote, viewer, mine.named, ballot, now);
  else throw new DomainError('ALREADY_VOTED');
  const fresh = await getVote(voteId);
  return detailOf(fresh ?? vote, viewer, await myBallotState(voteId, viewer._id));
};
