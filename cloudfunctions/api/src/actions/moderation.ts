import type { Member } from '../../../../types/member';
import type { Proposal } from '../../../../types/proposal';
import type { HeldItem, Suggestion } from '../../../../types/suggestion';
import type { Notice } from '../../../../types/notice';
import { getNotice } from '../lib/notices-repo';
import { announceNotice } from './notice';
import { tellProposalReplied, tellSuggestionReplied } from '../lib/tell-replied';
import type { BoundCaller, Caller } from '../lib/caller';
import { _ } from '../lib/cloud';
import { collection } from '../lib/collections';
import { DomainError } from '../lib/domain-error';
import type { Handler } from '../lib/dispatch';
import { historyEntry, mustGetProposal, transition } from '../lib/proposals-repo';

/**
 * Texts the content check could not judge (WeChat unavailable, or "review") wait here for the
 * chair, who releases them as they are or refuses them with a reason the author sees.
 */
const me = (caller: Caller): Member => (caller as BoundCaller).member;
const LIMIT = 200;

export const listHeld: Handler<'moderation.list'> = async () => {
  const [heldProposals, heldReplies, heldSuggestions, heldSuggestionReplies, heldNotices] = await Promise.all([
    collection('proposals').where({ status: 'held' }).limit(LIMIT).get(),
    collection('proposals').where({ heldReply: _.exists(true) }).limit(LIMIT).get(),
    collection('suggestions').where({ status: 'held' }).limit(LIMIT).get(),
    collection('suggestions').where({ heldReply: _.exists(true) }).limit(LIMIT).get(),
    collection('notices').where({ status: 'held' }).limit(LIMIT).get(),
  ]);
  const items: HeldItem[] = [
    ...(heldProposals.data as Proposal[]).map((p) => ({ kind: 'proposal' as const, id: p._id, title: p.title, text: `案据：${p.reasons}\n建议措施：${p.measures}`, authorName: p.proposerName, at: p.updatedAt })),
    ...(heldReplies.data as Proposal[]).map((p) => ({ kind: 'proposalReply' as const, id: p._id, title: `答复：${p.title}`, text: p.heldReply!.text, authorName: p.heldReply!.byName, at: p.heldReply!.at })),
    ...(heldSuggestions.data as Suggestion[]).map((s) => ({ kind: 'suggestion' as const, id: s._id, title: s.title, text: s.body, authorName: s.anonymous ? '匿名' : (s.senderName ?? ''), at: s.updatedAt })),
    ...(heldSuggestionReplies.data as Suggestion[]).map((s) => ({ kind: 'suggestionReply' as const, id: s._id, title: `答复：${s.title}`, text: s.heldReply!.text, authorName: s.heldReply!.byName, at: s.heldReply!.at })),
    ...(heldNotices.data as Notice[]).map((n) => ({ kind: 'notice' as const, id: n._id, title: n.title, text: n.body, authorName: n.authorName, at: n.updatedAt })),
  ];
  return items.sort((a, b) => a.at - b.at);
};

async function heldSuggestionReply(id: string): Promise<Suggestion> {
  const { data } = await collection('suggestions').doc(id).get();
  const suggestion = data as Suggestion | null;
  if (!suggestion?.heldReply) throw new DomainError('NOT_HELD');
  return suggestion;
}

/** Each release or refusal is a conditional update on the held state: twice is refused, not repeated. */
export const releaseHeld: Handler<'moderation.release'> = async ({ kind, id }, caller) => {
  const chair = me(caller);
  const now = Date.now();
  let done = false;
  if (kind === 'proposal') {
    done = await transition(id, { status: 'held' }, { status: 'seeking' }, [historyEntry(chair, '工会主席审核通过，提案已送达附议人', undefined, now)]);
  } else if (kind === 'proposalReply') {
    const proposal = await mustGetProposal(id);
    if (!proposal.heldReply) throw new DomainError('NOT_HELD');
    done = await transition(
      id,
      { status: 'assigned', 'heldReply.at': proposal.heldReply.at },
      { status: 'replied', replies: _.push([proposal.heldReply]), heldReply: _.remove() },
      [historyEntry(chair, `工会主席审核通过：${proposal.heldReply.departmentName}答复（第 ${proposal.heldReply.round} 轮）`, undefined, now)],
    );
    if (done) await tellProposalReplied(proposal, proposal.heldReply);
  } else if (kind === 'suggestion') {
    done = (await collection('suggestions').where({ _id: id, status: 'held' }).update({ data: { status: 'received' } })).stats.updated === 1;
  } else if (kind === 'notice') {
    const notice = await getNotice(id);
    if (!notice) throw new DomainError('NOT_FOUND');
    const visibleAt = Math.max(now, notice.publishAt ?? now);
    done = (await collection('notices').where({ _id: id, status: 'held' }).update({ data: { status: 'published', visibleAt, updatedAt: now } })).stats.updated === 1;
    if (done && visibleAt <= now) await announceNotice((await getNotice(id))!);
  } else {
    const suggestion = await heldSuggestionReply(id);
    done =
      (await collection('suggestions').where({ _id: id, 'heldReply.at': suggestion.heldReply!.at }).update({
        data: { reply: _.set(suggestion.heldReply), status: 'replied', heldReply: _.remove(), ...(suggestion.anonymous ? {} : { updatedAt: now }) },
      })).stats.updated === 1;
    if (done) await tellSuggestionReplied({ ...suggestion, reply: suggestion.heldReply });
  }
  if (!done) throw new DomainError('NOT_HELD');
  return { released: true };
};

export const refuseHeld: Handler<'moderation.refuse'> = async ({ kind, id, reason }, caller) => {
  const chair = me(caller);
  const now = Date.now();
  let done = false;
  if (kind === 'proposal') {
    // Back to the proposer's draft; invitations were never delivered, so they are dropped.
    done = await transition(id, { status: 'held' }, { status: 'draft', coSigners: _.set({}) }, [historyEntry(chair, '提案内容未通过审核，退回修改', reason, now)]);
  } else if (kind === 'proposalReply') {
    done = await transition(id, { status: 'assigned', heldReply: _.exists(true) }, { heldReply: _.remove() }, [historyEntry(chair, '答复未通过审核，请承办部门重新答复', reason, now)]);
  } else if (kind === 'suggestion') {
    done = (await collection('suggestions').where({ _id: id, status: 'held' }).update({ data: { status: 'refused', refusedReason: reason } })).stats.updated === 1;
  } else if (kind === 'notice') {
    // Back to its author's drafts, with the reason where they will see it.
    done = (await collection('notices').where({ _id: id, status: 'held' }).update({ data: { status: 'draft', refusedReason: reason, updatedAt: now } })).stats.updated === 1;
  } else {
    done = (await collection('suggestions').where({ _id: id, heldReply: _.exists(true) }).update({ data: { heldReply: _.remove() } })).stats.updated === 1;
  }
  if (!done) throw new DomainError('NOT_HELD');
  return { refused: true };
};
