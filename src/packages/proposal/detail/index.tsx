import { View, Text } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useRef } from 'react';
import type { ProposalDetail } from '../../../../types/proposal';
import { LoadState } from '../../../components/LoadState';
import { useAction } from '../../../hooks/useAction';
import { notifyProposalChanged, PROPOSAL_PAGES, useProposalChanged } from '../../../lib/proposal-routes';
import { PROPOSER_ACTIONS, visibleActions } from '../lib/detail';
import { AssignPanel } from './AssignPanel';
import { CoSigners } from './CoSigners';
import { History } from './History';
import { Handling, ProposalHead } from './ProposalFacts';
import { ProposerActions } from './ProposerActions';
import { RatePanel } from './RatePanel';
import { RatingProgress, Replies } from './Replies';
import { HELD_REPLY_NOTICE, ReplyPanel } from './ReplyPanel';
import { RespondActions } from './RespondActions';
import { TriagePanel } from './TriagePanel';
import './index.scss';
import { RemindMeButton } from '../../../components/RemindMeButton';

/** The actions the viewer may take now, each in its own card. */
function Actions({ detail, onChange }: { detail: ProposalDetail; onChange: (next: ProposalDetail) => void }) {
  const shown = visibleActions(detail);
  const props = { detail, onChange };
  const proposer = shown.some((key) => PROPOSER_ACTIONS.includes(key));
  const chairMayRelease = detail.can.release;
  if (shown.length === 0 && !chairMayRelease) return null;
  return (
    <>
      <View className="section-title">我可以做</View>
      {proposer && <ProposerActions {...props} />}
      {shown.includes('respond') && <RespondActions {...props} />}
      {shown.includes('triage') && <TriagePanel {...props} />}
      {shown.includes('assign') && <AssignPanel key={detail.proposal.assignment?.leadId ?? 'new'} {...props} />}
      {shown.includes('reply') && <ReplyPanel {...props} />}
      {shown.includes('rate') && <RatePanel {...props} />}
      {chairMayRelease && (
        <View className="card proposal-detail__actions">
          <Text className="proposal-detail__hint">这份提案有内容在等待你审核。</Text>
          <Text className="proposal-detail__link" onClick={() => void Taro.navigateTo({ url: PROPOSAL_PAGES.moderation })}>
            去审核 ›
          </Text>
        </View>
      )}
    </>
  );
}

/** The proposer or a co-signer, while the proposal is on its way to a reply. */
const awaitsReply = (data: ProposalDetail): boolean =>
  ['submitted', 'accepted', 'assigned'].includes(data.proposal.status) && data.viewerRates;

/**
 * One proposal: its text and status, what the viewer may do now (by `can`), the co-signers, the
 * decision and assignment, replies by round, ratings, and the history.
 */
export default function ProposalDetailPage() {
  const router = useRouter();
  const proposalId = decodeURIComponent(router?.params?.id ?? '');
  const detail = useAction('proposal.get', { proposalId });
  const data = detail.data;
  // Set while this page announces its own change: it already holds the answered detail.
  const quiet = useRef(false);

  useProposalChanged(() => {
    if (!quiet.current) void detail.reload();
  });
  usePullDownRefresh(() => {
    void detail.reload().finally(() => Taro.stopPullDownRefresh());
  });

  const onChange = (next: ProposalDetail) => {
    detail.setData(next);
    quiet.current = true;
    try {
      notifyProposalChanged();
    } finally {
      quiet.current = false;
    }
  };

  return (
    <View className="page proposal-detail">
      <LoadState loading={detail.loading && !data} error={detail.error} onRetry={detail.reload}>
        {data && (
          <>
            <ProposalHead detail={data} />
            <Actions detail={data} onChange={onChange} />
            <CoSigners detail={data} />
            <Handling detail={data} />
            <Replies detail={data} />
            {awaitsReply(data) && <RemindMeButton template="progressReminder" context={{ kind: 'proposal', id: data.proposal._id }} label="有答复时提醒我" />}
            {data.proposal.heldReply && (
              <View className="card proposal-detail__actions">
                <Text className="proposal-detail__note proposal-detail__note--held">{HELD_REPLY_NOTICE}</Text>
              </View>
            )}
            <RatingProgress detail={data} />
            <History history={data.proposal.history} />
          </>
        )}
      </LoadState>
    </View>
  );
}
