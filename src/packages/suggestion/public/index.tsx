import { View, Text } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { LoadState } from '../../../components/LoadState';
import { useAction } from '../../../hooks/useAction';
import { useProposalChanged } from '../../../lib/proposal-routes';
import { ReplyBlock } from '../components/ReplyBlock';
import { formatDate } from '../../../lib/time';
import '../components/suggestion.scss';

/**
 * 公开答复: suggestions the chair chose to show to every member, with the union's reply. Who sent
 * them is not shown here: publishing a reply is not publishing its sender.
 */
export default function PublicRepliesPage() {
  const state = useAction('suggestion.public', {});
  const list = state.data ?? [];
  useProposalChanged(() => void state.reload());
  usePullDownRefresh(() => {
    void state.reload().finally(() => Taro.stopPullDownRefresh());
  });

  return (
    <View className="page suggestion">
      <Text className="suggestion__intro">工会主席选出的建议和答复，供大家参考。</Text>
      <LoadState loading={state.loading && !state.data} error={state.error} onRetry={state.reload} empty={list.length === 0} emptyText="还没有公开的答复">
        {list.map((s) => (
          <View key={s._id} className="card suggestion__card" aria-label={s.title}>
            <Text className="suggestion__title">{s.title}</Text>
            <Text className="suggestion__meta">{formatDate(s.createdAt)} 提交</Text>
            <Text className="suggestion__body">{s.body}</Text>
            {s.reply && <ReplyBlock reply={s.reply} />}
          </View>
        ))}
      </LoadState>
    </View>
  );
}
