/**
 * A reply to a member's proposal or suggestion reaches them (and a proposal's co-signers) as a
 * message in the app, and by WeChat when they consented. An anonymous suggestion names nobody, so
 * its sender finds the reply on their device instead.
 */
import type { Proposal, Reply } from '../../../../types/proposal';
import type { Suggestion } from '../../../../types/suggestion';
import { _ } from './cloud';
import { collection } from './collections';
import { remind } from './messenger';
import { raterIds } from '../domain/proposal-rules';
import type { Member } from '../../../../types/member';

async function membersByIds(ids: string[]): Promise<Member[]> {
  const { data } = await collection('members').where({ _id: _.in(ids) }).field({ _id: true, openid: true }).limit(ids.length).get();
  return data as Member[];
}

export async function tellProposalReplied(proposal: Proposal, reply: Reply): Promise<void> {
  await remind(
    {
      reason: `reply:proposal:${proposal._id}:${reply.round}`,
      kind: 'reply',
      topic: `proposal:${proposal._id}`,
      template: 'progressReminder',
      title: proposal.title,
      body: `${reply.departmentName}已答复（第 ${reply.round} 轮），请查看并评价。`,
      page: `packages/proposal/detail/index?id=${encodeURIComponent(proposal._id)}`,
      at: reply.at,
      note: `${reply.departmentName}已答复，请评价`,
    },
    await membersByIds(raterIds(proposal)),
  );
}

export async function tellSuggestionReplied(suggestion: Suggestion): Promise<void> {
  if (suggestion.anonymous || !suggestion.senderId || !suggestion.reply) return;
  await remind(
    {
      reason: `reply:suggestion:${suggestion._id}:${suggestion.reply.at}`,
      kind: 'reply',
      topic: `suggestion:${suggestion._id}`,
      template: 'progressReminder',
      title: suggestion.title,
      body: `你的建议有了答复：${suggestion.reply.text.slice(0, 60)}`,
      page: `packages/suggestion/detail/index?id=${encodeURIComponent(suggestion._id)}`,
      at: suggestion.reply.at,
      note: '你的建议有了答复',
    },
    await membersByIds([suggestion.senderId]),
  );
}
