import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { ProposalDetail } from '../../../../types/proposal';
import { InlineMessage } from '../../../components/InlineMessage';
import { call } from '../../../gateway/cloud';
import { PROPOSAL_PAGES } from '../../../lib/proposal-routes';
import { InvitePanel } from './InvitePanel';
import { confirmed, useProposalCall } from './useProposalCall';

export const HELD_NOTICE = '内容安全检查暂时无法进行，提案需要工会主席先审核，审核通过后才会送达附议人。';

export interface ActionProps {
  detail: ProposalDetail;
  onChange: (next: ProposalDetail) => void;
}

/** The proposer's tools: 编辑, 邀请附议, 撤回修改, 提交 (disabled, with what blocks it). */
export function ProposerActions({ detail, onChange }: ActionProps) {
  const { proposal, can, submitBlocker } = detail;
  const proposalId = proposal._id;
  const { busy, problem, setProblem, run } = useProposalCall(onChange);
  const [inviting, setInviting] = useState(false);
  const [notice, setNotice] = useState('');
  const showSubmit = can.submit || submitBlocker !== null;

  const invite = async (memberIds: string[]): Promise<boolean> => {
    setNotice('');
    const next = await run(
      () => call('proposal.invite', { proposalId, memberIds }, { silent: true }),
      (after) => (after.proposal.status === 'held' ? '已送交审核' : '邀请已发送'),
      '邀请没有发出，请稍后再试',
    );
    if (!next) return false;
    setInviting(false);
    if (next.proposal.status === 'held') setNotice(HELD_NOTICE);
    return true;
  };

  const revise = async () => {
    const go = await confirmed('撤回修改', '撤回后提案回到草稿，可以修改内容；已有的附议会全部作废，改好后需要重新邀请附议。确定撤回吗？', '撤回');
    if (!go) return;
    setNotice('');
    await run(() => call('proposal.revise', { proposalId }, { silent: true }), '已撤回修改', '撤回没有成功，请稍后再试');
  };

  const submit = async () => {
    const go = await confirmed('提交提案', '提交后提案交给提案工作委员会审查，不能再修改或邀请附议。确定提交吗？', '提交');
    if (!go) return;
    await run(() => call('proposal.submit', { proposalId }, { silent: true }), '已提交', '提交没有成功，请稍后再试');
  };

  return (
    <View className="card proposal-detail__actions">
      <View className="proposal-detail__buttons">
        {can.edit && (
          <Button size="small" fill="outline" disabled={busy} onClick={() => void Taro.navigateTo({ url: PROPOSAL_PAGES.edit(proposalId) })}>
            编辑
          </Button>
        )}
        {can.invite && !inviting && (
          <Button
            size="small"
            fill="outline"
            type="primary"
            disabled={busy}
            onClick={() => {
              setProblem('');
              setInviting(true);
            }}
          >
            邀请附议
          </Button>
        )}
        {can.revise && (
          <Button size="small" fill="outline" disabled={busy} onClick={revise}>
            撤回修改
          </Button>
        )}
        {showSubmit && (
          <Button size="small" type="primary" loading={busy} disabled={busy || !can.submit} onClick={submit}>
            提交
          </Button>
        )}
      </View>
      {showSubmit && !can.submit && submitBlocker && <Text className="proposal-detail__blocker">暂时不能提交：{submitBlocker}</Text>}
      {can.invite && inviting && <InvitePanel detail={detail} busy={busy} onInvite={invite} onCancel={() => setInviting(false)} />}
      <InlineMessage text={notice} tone="info" />
      <InlineMessage text={problem} />
    </View>
  );
}
ProposerActions.displayName = 'ProposerActions';
