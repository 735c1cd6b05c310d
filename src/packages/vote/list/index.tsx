import { View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { LoadState } from '../../../components/LoadState';
import { useAction } from '../../../hooks/useAction';
import { useVoteChanged, VOTE_PAGES } from '../../../lib/vote-routes';
import { groupVotes } from '../lib/list';
import { VoteCard } from './VoteCard';
import './index.scss';

/** 投票评议: the votes a member may take (open, upcoming) and past ones; organisers also see drafts. */
export default function VoteListPage() {
  const list = useAction('vote.list', { scope: 'all' });
  const canManage = list.data?.canManage ?? false;
  const groups = groupVotes(list.data?.votes ?? [], canManage);

  // A vote was cast, published, edited or closed on another page.
  useVoteChanged(() => void list.reload());
  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh());
  });

  return (
    <View className="page vote-list">
      {canManage && (
        <Button className="vote-list__create" type="primary" fill="outline" block onClick={() => Taro.navigateTo({ url: VOTE_PAGES.create })}>
          发起投票
        </Button>
      )}
      <LoadState loading={list.loading && !list.data} error={list.error} onRetry={list.reload} empty={groups.length === 0} emptyText="暂时没有投票">
        {groups.map((group) => (
          <View key={group.phase} className="vote-list__group">
            <View className="section-title">{group.title}</View>
            {group.votes.map((vote) => (
              <VoteCard key={vote._id} vote={vote} onOpen={() => Taro.navigateTo({ url: VOTE_PAGES.detail(vote._id) })} />
            ))}
          </View>
        ))}
      </LoadState>
    </View>
  );
}
