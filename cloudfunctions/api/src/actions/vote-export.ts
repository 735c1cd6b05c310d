import type { Vote } from '../../../../types/vote';
import { voteExportFileName, voteWorkbook, type NamedRow } from '../domain/vote-export';
import { resultsOf, votePhase } from '../domain/vote-rules';
import { collection } from '../lib/collections';
import { DomainError } from '../lib/domain-error';
import type { Handler } from '../lib/dispatch';
import { storeExport } from '../lib/storage';
import { closedElectorate, countElectorate, electorateMembers } from '../lib/votes-repo';

/**
 * 导出结果: the results (and a named vote's ballots) as an .xlsx in cloud storage. A secret vote's
 * results are exported only once it has closed, as they are shown.
 */
export const exportVote: Handler<'vote.export'> = async ({ voteId }) => {
  const { data } = await collection('votes').where({ _id: voteId }).limit(1).get();
  const vote = data[0] as Vote | undefined;
  if (!vote) throw new DomainError('NOT_FOUND');
  const phase = votePhase(vote, Date.now());
  if (vote.secret && phase !== 'closed') throw new DomainError('RESULTS_NOT_YET');
  const electorate = phase === 'closed' ? await closedElectorate(vote) : await countElectorate(vote.electorate);
  let named: NamedRow[] | null = null;
  if (!vote.secret) {
    const members = new Map((await electorateMembers({})).map((m) => [m._id, m]));
    named = Object.entries(vote.namedBallots ?? {})
      .map(([memberId, stored]) => ({ memberId, name: members.get(memberId)?.name ?? memberId, groupName: members.get(memberId)?.groupName ?? '', ballot: stored.ballot, castAt: stored.castAt }))
      .sort((a, b) => a.groupName.localeCompare(b.groupName, 'zh-CN') || a.memberId.localeCompare(b.memberId));
  }
  const content = await voteWorkbook(vote, electorate, resultsOf(vote, electorate), named);
  return storeExport('vote', content, voteExportFileName(vote.title));
};
