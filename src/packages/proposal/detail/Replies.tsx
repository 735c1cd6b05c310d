import { View, Text } from '@tarojs/components';
import type { ProposalDetail } from '../../../../types/proposal';
import { formatDateTime } from '../../../lib/time';
import { ratingProgressText, repliesByRound } from '../lib/detail';

/** The departments' replies by round, each with the ratings it received. */
export function Replies({ detail }: { detail: ProposalDetail }) {
  const rounds = repliesByRound(detail.proposal);
  if (rounds.length === 0) return null;
  return (
    <>
      <View className="section-title">答复</View>
      {rounds.map((round) => (
        <View key={round.round} className="card proposal-detail__round" aria-label={round.title}>
          <Text className="proposal-detail__round-title">{round.title}</Text>
          {round.replies.map((reply) => (
            <View key={reply.at} className="proposal-detail__reply">
              <Text className="proposal-detail__body" userSelect>
                {reply.text}
              </Text>
              <Text className="proposal-detail__when">
                {reply.departmentName} · {reply.byName} · {formatDateTime(reply.at)}
              </Text>
            </View>
          ))}
          {round.ratings.length > 0 && <Text className="proposal-detail__ratings">评价：{round.ratings.join('；')}</Text>}
        </View>
      ))}
    </>
  );
}
Replies.displayName = 'Replies';

/** Who rates this round's reply and who has: names only, 已评价 / 未评价. */
export function RatingProgress({ detail }: { detail: ProposalDetail }) {
  const { raters, proposal } = detail;
  if (proposal.status !== 'replied' || raters.length === 0) return null;
  return (
    <>
      <View className="section-title">评价情况（第 {proposal.round} 轮）</View>
      <View className="card proposal-detail__raters">
        <Text className="proposal-detail__hint">{ratingProgressText(raters)}</Text>
        {raters.map((rater) => (
          <View key={rater.memberId} className="proposal-detail__cosigner" aria-label={`${rater.name} ${rater.rated ? '已评价' : '未评价'}`}>
            <Text className="proposal-detail__name">{rater.name}</Text>
            <Text className={`proposal-detail__state proposal-detail__state--${rater.rated ? 'signed' : 'invited'}`}>{rater.rated ? '已评价' : '未评价'}</Text>
          </View>
        ))}
      </View>
    </>
  );
}
RatingProgress.displayName = 'RatingProgress';
