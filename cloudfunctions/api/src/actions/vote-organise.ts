import type { Member } from '../../../../types/member';
import type { Vote, VoteDraft, VoteInfo } from '../../../../types/vote';
import { emptyTally, votePhase } from '../domain/vote-rules';
import { voteInfo } from '../domain/vote-view';
import type { BoundCaller, Caller } from '../lib/caller';
import { _ } from '../lib/cloud';
import { collection } from '../lib/collections';
import { DomainError } from '../lib/domain-error';
import type { Handler } from '../lib/dispatch';
import { Adoption } from '../lib/uploads';
import { closedElectorate, electorateMembers, getVote, mustGetVote } from '../lib/votes-repo';

const me = (caller: Caller): Member => (caller as BoundCaller).member;

/**
 * The stored form of a draft's fields. Nested objects are set whole (`_.set`), so an edit replaces
 * the candidates or the electorate rather than merging into the old ones.
 */
const draftFields = (draft: VoteDraft) => ({
  ...draft,
  content: _.set(draft.content),
  electorate: _.set(draft.electorate),
  tally: _.set(emptyTally(draft.content)),
  namedBallots: draft.secret ? _.remove() : _.set({}),
});

/** A new draft vote as stored, without its id. */
export const newVote = (draft: VoteDraft, createdBy: string, now: number): Omit<Vote, '_id'> => ({
  ...draft,
  status: 'draft',
  rev: 1,
  turnout: 0,
  tally: emptyTally(draft.content),
  voterIds: [],
  otherTexts: [],
  ...(draft.secret ? {} : { namedBallots: {} }),
  createdBy,
  createdAt: now,
  updatedAt: now,
});

/**
 * Candidate photos as stored: ones already on the vote are kept, any other must be the caller's
 * own upload, which is copied for the vote (the copy is what members see).
 */
async function withAdoptedPhotos(draft: VoteDraft, adoption: Adoption, before?: Vote): Promise<VoteDraft> {
  if (draft.content.kind !== 'election') return draft;
  const kept = new Set(before?.content.kind === 'election' ? before.content.candidates.flatMap((c) => (c.photo ? [c.photo] : [])) : []);
  const candidates = await Promise.all(
    draft.content.candidates.map(async (candidate) => {
      const { photo } = candidate;
      if (!photo || kept.has(photo)) return candidate;
      const copy = adoption.copyIdOf(photo);
      return { ...candidate, photo: copy && kept.has(copy) ? copy : await adoption.adopt(photo) };
    }),
  );
  return { ...draft, content: { ...draft.content, candidates } };
}

export const createVote: Handler<'vote.create'> = async ({ draft }, caller) => {
  const adoption = new Adoption(caller.openid, 'votePhoto');
  const vote = newVote(await withAdoptedPhotos(draft, adoption), me(caller)._id, Date.now());
  const { _id } = await collection('votes').add({ data: vote });
  await adoption.done();
  return voteInfo({ ...vote, _id });
};

/** Re-reads a vote after a conditional write, for the answer. */
async function answerWith(voteId: string): Promise<VoteInfo> {
  return voteInfo(await mustGetVote(voteId));
}

/** Edits a vote nobody has voted in yet (the `where` holds that at the instant of writing). */
export const updateVote: Handler<'vote.update'> = async ({ voteId, draft }, caller) => {
  const now = Date.now();
  const before = await mustGetVote(voteId);
  // Checked before copying any photo; the conditional update below is what holds in a race.
  if (before.turnout > 0 || !['draft', 'published'].includes(before.status)) throw new DomainError('VOTE_NOT_EDITABLE');
  const adoption = new Adoption(caller.openid, 'votePhoto');
  const stored = await withAdoptedPhotos(draft, adoption, before);
  const { stats } = await collection('votes')
    .where({ _id: voteId, turnout: 0, status: _.in(['draft', 'published']) })
    .update({ data: { ...draftFields(stored), rev: _.inc(1), updatedAt: now } });
  if (stats.updated === 0) throw new DomainError('VOTE_NOT_EDITABLE');
  await adoption.done();
  return answerWith(voteId);
};

export const publishVote: Handler<'vote.publish'> = async ({ voteId }) => {
  const now = Date.now();
  const vote = await mustGetVote(voteId);
  if (vote.status !== 'draft') return voteInfo(vote);
  if (vote.closesAt <= now) throw new DomainError('VOTE_CLOSES_IN_PAST');
  if (vote.content.kind === 'election' && vote.content.candidates.length === 0) throw new DomainError('VOTE_INCOMPLETE');
  await collection('votes').where({ _id: voteId, status: 'draft', closesAt: _.gt(now) }).update({ data: { status: 'published', updatedAt: now } });
  return answerWith(voteId);
};

/** The one edit allowed once people have voted: a later closing time, while the vote is still open. */
export const extendVote: Handler<'vote.extend'> = async ({ voteId, closesAt }) => {
  const now = Date.now();
  const { stats } = await collection('votes')
    .where({ _id: voteId, status: _.in(['draft', 'published']), closesAt: _.gt(now).and(_.lt(closesAt)) })
    .update({ data: { closesAt, updatedAt: now } });
  if (stats.updated === 0) {
    await mustGetVote(voteId);
    throw new DomainError('VOTE_EXTEND_INVALID');
  }
  return answerWith(voteId);
};

/** Closes a published vote now (提前结束), and freezes the electorate its results count on. */
export const closeVote: Handler<'vote.close'> = async ({ voteId }) => {
  const now = Date.now();
  const vote = await mustGetVote(voteId);
  if (vote.status === 'draft') throw new DomainError('VOTE_NOT_OPEN', '投票还没有发布');
  if (vote.status === 'published') {
    await collection('votes').where({ _id: voteId, status: 'published' }).update({ data: { status: 'closed', closedAt: now, updatedAt: now } });
  }
  const closed = await mustGetVote(voteId);
  await closedElectorate(closed);
  return answerWith(voteId);
};

/** Deletes a vote nobody has voted in (a draft, or one published by mistake). */
export const removeVote: Handler<'vote.remove'> = async ({ voteId }) => {
  const { stats } = await collection('votes').where({ _id: voteId, turnout: 0 }).remove();
  if (stats.removed === 0) {
    await mustGetVote(voteId);
    throw new DomainError('VOTE_NOT_EDITABLE', '已经有人投票，不能删除');
  }
  return { removed: true };
};

/** Turnout against the electorate and who has not voted, by name even for a secret vote. */
export const voteTurnout: Handler<'vote.turnout'> = async ({ voteId }) => {
  const vote = await getVote(voteId);
  if (!vote) throw new DomainError('NOT_FOUND');
  const electorate = await electorateMembers(vote.electorate);
  const voted = new Set(vote.voterIds);
  const missing = electorate.filter((m) => !voted.has(m._id));
  return {
    vote: { _id: vote._id, title: vote.title, kind: vote.content.kind, secret: vote.secret, status: vote.status, opensAt: vote.opensAt, closesAt: vote.closesAt },
    phase: votePhase(vote, Date.now()),
    electorate: electorate.length,
    turnout: vote.turnout,
    notVoted: missing.map((m) => ({ memberId: m._id, name: m.name, groupName: m.groupName, bound: Boolean(m.openid) })),
  };
};
