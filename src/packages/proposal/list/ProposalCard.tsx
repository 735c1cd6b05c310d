import { View, Text } from '@tarojs/components';
import { Tag } from '@nutui/nutui-react-taro';
import type { ProposalSummary } from '../../../../types/proposal';
import { PROPOSAL_CATEGORY_LABELS, PROPOSAL_STATUS_LABELS } from '../../../../types/labels';
import { handlingText, numberText } from '../lib/list';

export interface ProposalCardProps {
  proposal: ProposalSummary;
  /** The session's name, when the list spans several sessions. */
  sessionName?: string;
  onOpen: () => void;
}

/** One proposal in a box: 案由, status, 立案号, proposer, co-signers, lead department and deadline, 已逾期. */
export function ProposalCard({ proposal, sessionName, onOpen }: ProposalCardProps) {
  const handling = handlingText(proposal);
  return (
    <View className="proposal-card card" onClick={onOpen} role="button" aria-label={proposal.title}>
      <View className="proposal-card__head">
        <Text className="proposal-card__title">{proposal.title}</Text>
        <Text className="proposal-card__go">›</Text>
      </View>
      <View className="proposal-card__tags">
        <Tag type={proposal.status === 'closed' ? 'success' : 'primary'} plain>
          {PROPOSAL_STATUS_LABELS[proposal.status]}
        </Tag>
        {proposal.number ? <Tag type="default">{numberText(proposal.number)}</Tag> : null}
        <Tag type="default" plain>
          {PROPOSAL_CATEGORY_LABELS[proposal.category]}
        </Tag>
        {proposal.overdue && <Tag type="danger">已逾期</Tag>}
      </View>
      <View className="proposal-card__meta">
        <Text>提案人 {proposal.proposerName}</Text>
        <Text>附议 {proposal.signedCount} 人</Text>
      </View>
      {handling && <Text className={`proposal-card__handling${proposal.overdue ? ' proposal-card__handling--overdue' : ''}`}>{handling}</Text>}
      {sessionName && <Text className="proposal-card__session">{sessionName}</Text>}
    </View>
  );
}
ProposalCard.displayName = 'ProposalCard';
