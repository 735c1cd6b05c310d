import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { InlineMessage } from '../../../components/InlineMessage';
import { call } from '../../../gateway/cloud';
import type { ActionProps } from './ProposerActions';
import { confirmed, useProposalCall } from './useProposalCall';

/** An invited delegate's answer: 附议 or 婉拒, each after a confirmation (an answer is final). */
export function RespondActions({ detail, onChange }: ActionProps) {
  const proposalId = detail.proposal._id;
  const { busy, problem, run } = useProposalCall(onChange);

  const respond = async (accept: boolean) => {
    const go = accept
      ? await confirmed('附议提案', `附议后，你的名字会作为附议人列在「${detail.proposal.title}」上，不能撤回。确定附议吗？`, '附议')
      : await confirmed('婉拒附议', '婉拒后提案人会看到你没有附议。确定婉拒吗？', '婉拒');
    if (!go) return;
    await run(() => call('proposal.respond', { proposalId, accept }, { silent: true }), accept ? '已附议' : '已婉拒', '没有成功，请稍后再试');
  };

  return (
    <View className="card proposal-detail__actions">
      <Text className="proposal-detail__lead">{detail.proposal.proposerName} 邀请你附议这份提案</Text>
      <Text className="proposal-detail__hint">请读完提案内容再决定。同意就附议，不同意可以婉拒。</Text>
      <View className="proposal-detail__buttons">
        <Button size="small" fill="outline" disabled={busy} onClick={() => void respond(false)}>
          婉拒
        </Button>
        <Button size="small" type="primary" loading={busy} disabled={busy} onClick={() => void respond(true)}>
          附议
        </Button>
      </View>
      <InlineMessage text={problem} />
    </View>
  );
}
RespondActions.displayName = 'RespondActions';
