import { View, Text } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { VOTE_PHASE_LABELS } from '../../../../types/labels';
import { LoadState } from '../../../components/LoadState';
import { InlineMessage } from '../../../components/InlineMessage';
import { useAction } from '../../../hooks/useAction';
import { formatDateTime } from '../../../lib/time';
import { useVoteChanged } from '../../../lib/vote-routes';
import { KIND_NAMES } from '../lib/vote-draft-form';
import { turnoutLine, turnoutPercent } from '../lib/turnout';
import { NonVoterList } from './NonVoterList';
import { TurnoutActions } from './TurnoutActions';
import '../fields.scss';
import './index.scss';

/** 投票情况: how many of the electorate have voted, who has not, and the organiser's tools. One call. */
export default function TurnoutPage() {
  const voteId = decodeURIComponent(useRouter()?.params?.id ?? '');
  const state = useAction('vote.turnout', { voteId });
  // Closing, extending (here) or publishing (on the vote's page) reloads the figures.
  useVoteChanged(() => void state.reload());
  const data = state.data;

  return (
    <View className="page turnout">
      <LoadState loading={state.loading && !data} error={state.error} onRetry={state.reload}>
        {data && (
          <>
            <View className="card turnout__head">
              <Text className="turnout__title">{data.vote.title}</Text>
              <Text className="turnout__hint">
                {KIND_NAMES[data.vote.kind]} · {data.vote.secret ? '无记名' : '记名'} · {VOTE_PHASE_LABELS[data.phase]}
              </Text>
              <Text className="turnout__hint">
                {formatDateTime(data.vote.opensAt)} 开始，{formatDateTime(data.vote.closesAt)} 截止
              </Text>
              <Text className="turnout__figures">{turnoutLine(data.turnout, data.electorate)}</Text>
              <View
                className="turnout__bar"
                role="progressbar"
                aria-label="投票率"
                aria-valuemin={0}
                aria-valuemax={data.electorate}
                aria-valuenow={data.turnout}
              >
                <View className="turnout__fill" style={{ width: `${turnoutPercent(data.turnout, data.electorate)}%` }} />
              </View>
              {data.phase === 'draft' && <Text className="turnout__hint">投票还是草稿，发布后大家才能投票。</Text>}
              {data.phase === 'scheduled' && <Text className="turnout__hint">投票还没开始，到了开始时间大家才能投票。</Text>}
              <Button size="small" fill="outline" loading={state.loading} onClick={() => void state.reload()}>
                刷新
              </Button>
            </View>
            {data.vote.secret && <InlineMessage tone="info" text="无记名投票：名单只显示谁还没投票，不显示任何人的选择。" />}

            <TurnoutActions turnout={data} />

            <View className="section-title">还没投票（{data.notVoted.length} 人）</View>
            <LoadState loading={false} empty={data.notVoted.length === 0} emptyText="大家都投过票了" onRetry={state.reload}>
              <NonVoterList notVoted={data.notVoted} />
            </LoadState>
          </>
        )}
      </LoadState>
    </View>
  );
}
