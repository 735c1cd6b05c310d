import { View, Text } from '@tarojs/components';
import { Cell, Tag } from '@nutui/nutui-react-taro';
import type { ProposalDetail } from '../../../../types/proposal';
import { PROPOSAL_CATEGORY_LABELS, PROPOSAL_STATUS_LABELS } from '../../../../types/labels';
import { formatDate, formatDateTime } from '../../../lib/time';
import { statusNote } from '../lib/detail';
import { numberText } from '../lib/list';

const DECISION_TITLES = { accept: '立案', reject: '不予立案', convert: '转为意见建议', merge: '并案' } as const;

/** What the proposal is and where it stands: 案由, status, 立案号, session, proposer, the text. */
export function ProposalHead({ detail }: { detail: ProposalDetail }) {
  const { proposal, session, overdue } = detail;
  const note = statusNote(detail);
  return (
    <>
      <View className="card proposal-detail__head">
        <Text className="proposal-detail__title" userSelect>
          {proposal.title}
        </Text>
        <View className="proposal-detail__tags">
          <Tag type={proposal.status === 'closed' ? 'success' : 'primary'}>{PROPOSAL_STATUS_LABELS[proposal.status]}</Tag>
          {proposal.number ? <Tag type="default">{numberText(proposal.number)}</Tag> : null}
          <Tag type="default" plain>
            {PROPOSAL_CATEGORY_LABELS[proposal.category]}
          </Tag>
          {overdue && <Tag type="danger">已逾期</Tag>}
        </View>
        {note && <Text className={`proposal-detail__note${proposal.status === 'held' || proposal.heldReply ? ' proposal-detail__note--held' : ''}`}>{note}</Text>}
      </View>
      <Cell.Group>
        <Cell title="会议" extra={session.name} />
        <Cell title="提案人" extra={proposal.proposerName} />
        {proposal.submittedAt ? <Cell title="提交时间" extra={formatDateTime(proposal.submittedAt)} /> : null}
      </Cell.Group>
      <View className="section-title">提案内容</View>
      <View className="card proposal-detail__text">
        <Text className="proposal-detail__label">案据</Text>
        <Text className="proposal-detail__body" userSelect>
          {proposal.reasons}
        </Text>
        <Text className="proposal-detail__label">建议措施</Text>
        <Text className="proposal-detail__body" userSelect>
          {proposal.measures}
        </Text>
      </View>
    </>
  );
}
ProposalHead.displayName = 'ProposalHead';

/** The committee's decision and the assignment (主办, 协办, 答复期限), once there are any. */
export function Handling({ detail }: { detail: ProposalDetail }) {
  const { decision, assignment } = detail.proposal;
  if (!decision && !assignment) return null;
  return (
    <>
      <View className="section-title">审查与交办</View>
      <Cell.Group>
        {decision && <Cell title="审查结果" extra={`${DECISION_TITLES[decision.kind]}（${decision.byName}，${formatDate(decision.at)}）`} />}
        {decision && decision.kind === 'merge' && detail.mergedIntoTitle && <Cell title="并入提案" extra={detail.mergedIntoTitle} />}
        {decision && decision.kind !== 'accept' && <Cell title="理由" description={decision.reason} />}
        {assignment && <Cell title="主办部门" extra={assignment.leadName} />}
        {assignment && assignment.helperNames.length > 0 && <Cell title="协办部门" extra={assignment.helperNames.join('、')} />}
        {assignment && (
          <Cell
            title="答复期限"
            extra={
              <View className="proposal-detail__deadline">
                <Text>{formatDate(assignment.deadline)}</Text>
                {detail.overdue && <Tag type="danger">已逾期</Tag>}
              </View>
            }
          />
        )}
      </Cell.Group>
    </>
  );
}
Handling.displayName = 'Handling';
