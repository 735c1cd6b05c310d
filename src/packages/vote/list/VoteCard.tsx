import { View, Text } from '@tarojs/components';
import { Tag } from '@nutui/nutui-react-taro';
import type { VoteSummary } from '../../../../types/vote';
import { VOTE_KIND_LABELS } from '../../../../types/labels';
import { secrecyText, turnoutText, voteTimeText } from '../lib/list';

export interface VoteCardProps {
  vote: VoteSummary;
  onOpen: () => void;
}

/** What the member may do with the vote: 已投票, 去投票, 查看结果, or nothing yet. */
function Standing({ vote }: { vote: VoteSummary }) {
  if (vote.phase === 'open') {
    if (vote.voted) return <Tag type="success">已投票</Tag>;
    return vote.eligible ? <Text className="vote-card__go">去投票 ›</Text> : <Text className="vote-card__muted">不在投票范围内</Text>;
  }
  if (vote.phase === 'closed') return <Text className="vote-card__link">查看结果 ›</Text>;
  if (vote.phase === 'draft') return <Tag type="default">草稿</Tag>;
  return null;
}

/** One vote in the list: title, kind, secrecy, the time that matters now, turnout and one's standing. */
export function VoteCard({ vote, onOpen }: VoteCardProps) {
  const turnout = turnoutText(vote);
  return (
    <View className="vote-card card" onClick={onOpen} role="button" aria-label={vote.title}>
      <View className="vote-card__head">
        <Text className="vote-card__title">{vote.title}</Text>
        <View className="vote-card__standing">
          <Standing vote={vote} />
        </View>
      </View>
      <View className="vote-card__tags">
        <Tag type="primary" plain>
          {VOTE_KIND_LABELS[vote.kind]}
        </Tag>
        <Tag type="default" plain>
          {secrecyText(vote.secret)}
        </Tag>
      </View>
      <View className="vote-card__foot">
        <Text className="vote-card__time">{voteTimeText(vote)}</Text>
        {turnout && <Text className="vote-card__turnout">{turnout}</Text>}
      </View>
    </View>
  );
}
VoteCard.displayName = 'VoteCard';
