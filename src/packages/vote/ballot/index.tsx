import { View, Text } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useRef } from 'react';
import { LoadState } from '../../../components/LoadState';
import { useAction } from '../../../hooks/useAction';
import { notifyVoteChanged, useVoteChanged, VOTE_PAGES } from '../../../lib/vote-routes';
import { phaseAt } from '../lib/list';
import { BallotSection } from './BallotSection';
import { ManageBar } from './ManageBar';
import { ResultsView } from './ResultsView';
import { VoteFacts } from './VoteFacts';
import './index.scss';

/** One vote: what it is, the member's ballot (or 已投票), the results when visible, organisers' tools. */
export default function BallotPage() {
  const router = useRouter();
  const voteId = decodeURIComponent(router?.params?.id ?? '');
  const detail = useAction('vote.get', { voteId });
  const data = detail.data;
  // Set while this page announces its own change: it already holds the new detail, or the vote is gone.
  const quiet = useRef(false);

  useVoteChanged(() => {
    if (!quiet.current) void detail.reload();
  });

  /** Tells the other pages (the list) without reloading this one. */
  const announce = () => {
    quiet.current = true;
    try {
      notifyVoteChanged();
    } finally {
      quiet.current = false;
    }
  };

  return (
    <View className="page ballot">
      <LoadState loading={detail.loading && !data} error={detail.error} onRetry={detail.reload}>
        {data && (
          <>
            <VoteFacts detail={data} />
            {data.phase !== 'draft' && (
              <BallotSection
                key={`${data.vote._id}-${data.vote.rev}`}
                detail={data}
                onCast={(next) => {
                  detail.setData(next);
                  announce();
                }}
                onStale={() => void detail.reload()}
              />
            )}
            {data.phase !== 'draft' && (
              <>
                <View className="section-title">投票结果</View>
                <View className="card">
                  {data.results ? <ResultsView results={data.results} /> : <Text className="ballot__hint">{data.resultsNote}</Text>}
                </View>
              </>
            )}
            {data.canManage && (
              <ManageBar
                detail={data}
                onPublished={(vote) => {
                  detail.setData({ ...data, vote, phase: phaseAt(vote, Date.now()) });
                  // Whether the organiser may vote now is the cloud's to say: this page reloads too.
                  notifyVoteChanged();
                }}
                onRemoved={() => {
                  announce();
                  void Taro.navigateBack().catch(() => Taro.redirectTo({ url: VOTE_PAGES.list }));
                }}
              />
            )}
          </>
        )}
      </LoadState>
    </View>
  );
}
