import { View, Text } from '@tarojs/components';
import { Button, TextArea } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { InlineMessage } from '../../../components/InlineMessage';
import { call } from '../../../gateway/cloud';
import { formatDate } from '../../../lib/time';
import { replyProblem } from '../lib/detail';
import type { ActionProps } from './ProposerActions';
import { confirmed, useProposalCall } from './useProposalCall';

export const REPLY_PLACEHOLDER = '答复内容：办理情况、采取的措施和结果（10–3000 字）';
export const HELD_REPLY_NOTICE = '答复已提交。内容安全检查暂时无法进行，需要工会主席审核后才会送达提案人和附议人。';

/** The lead department's reply for this round, sent after a confirmation (it cannot be changed). */
export function ReplyPanel({ detail, onChange }: ActionProps) {
  const { proposal } = detail;
  const { busy, problem, setProblem, run } = useProposalCall(onChange);
  const [text, setText] = useState('');

  const send = async () => {
    const found = replyProblem(text);
    if (found) return setProblem(found);
    if (!(await confirmed('提交答复', '答复提交后会送达提案人和附议人，由他们评价，不能修改。确定提交吗？', '提交'))) return;
    const next = await run(
      () => call('proposal.reply', { proposalId: proposal._id, text: text.trim() }, { silent: true }),
      (after) => (after.proposal.heldReply ? '已送交审核' : '答复已提交'),
      '答复没有提交成功，请稍后再试',
    );
    if (next) setText('');
  };

  return (
    <View className="card proposal-detail__actions">
      <Text className="proposal-detail__lead">
        第 {proposal.round} 轮答复{proposal.assignment ? `（${proposal.assignment.leadName}主办）` : ''}
      </Text>
      {proposal.round > 1 && <Text className="proposal-detail__blocker">有代表对上一轮答复不满意，请重新办理后再次答复。</Text>}
      {proposal.assignment && <Text className="proposal-detail__hint">答复期限 {formatDate(proposal.assignment.deadline)}</Text>}
      <TextArea placeholder={REPLY_PLACEHOLDER} value={text} maxLength={3000} autoSize onChange={setText} />
      <Text className="proposal-detail__hint">{text.trim().length}/3000</Text>
      <View className="proposal-detail__buttons">
        <Button size="small" type="primary" loading={busy} disabled={busy} onClick={send}>
          提交答复
        </Button>
      </View>
      <InlineMessage text={problem} />
    </View>
  );
}
ReplyPanel.displayName = 'ReplyPanel';
