import { View, Text } from '@tarojs/components';
import type { ProposalDetail } from '../../../../types/proposal';
import { coSignerCountText, coSignerRows } from '../lib/detail';

/** 附议人 and their answers: 已附议, 待回复, 已婉拒. */
export function CoSigners({ detail }: { detail: ProposalDetail }) {
  const rows = coSignerRows(detail.proposal.coSigners);
  const stillGathering = detail.proposal.status === 'draft' || detail.proposal.status === 'seeking' || detail.proposal.status === 'held';
  return (
    <>
      <View className="section-title">附议人</View>
      <View className="card proposal-detail__cosigners">
        <Text className="proposal-detail__hint">{coSignerCountText(detail.proposal.coSigners, stillGathering ? detail.session.minCoSigners : 0)}</Text>
        {rows.length === 0 && <Text className="proposal-detail__hint">还没有邀请附议人。</Text>}
        {rows.map((row) => (
          <View key={row.memberId} className="proposal-detail__cosigner" aria-label={`${row.name} ${row.stateText}`}>
            <Text className="proposal-detail__name">{row.name}</Text>
            <Text className="proposal-detail__when">{row.when}</Text>
            <Text className={`proposal-detail__state proposal-detail__state--${row.state}`}>{row.stateText}</Text>
          </View>
        ))}
      </View>
    </>
  );
}
CoSigners.displayName = 'CoSigners';
