import { View, Text } from '@tarojs/components';
import { Button, TextArea } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { Decision, ProposalSummary } from '../../../../types/proposal';
import { PROPOSAL_STATUS_LABELS } from '../../../../types/labels';
import { InlineMessage } from '../../../components/InlineMessage';
import { call } from '../../../gateway/cloud';
import { messageOf } from '../../../lib/cloud-message';
import { mergeCandidates, reasonProblem } from '../lib/detail';
import { numberText } from '../lib/list';
import { ChoiceRow } from '../../../components/ChoiceRow';
import type { ActionProps } from './ProposerActions';
import { confirmed, useProposalCall } from './useProposalCall';

type Mode = 'reject' | 'convert' | 'merge';

const MODES: Record<Mode, { button: string; confirmTitle: string; confirmText: string; toast: string; placeholder: string; explain: string }> = {
  reject: {
    button: '不予立案',
    confirmTitle: '不予立案',
    confirmText: '确认不予立案',
    toast: '已不予立案',
    placeholder: '不予立案的理由（会告知提案人）',
    explain: '理由会告知提案人和附议人。',
  },
  convert: {
    button: '转为意见建议',
    confirmTitle: '转为意见建议',
    confirmText: '确认转为意见建议',
    toast: '已转为意见建议',
    placeholder: '转为意见建议的理由（会告知提案人）',
    explain: '提案会转入意见箱，按意见建议答复提案人。',
  },
  merge: {
    button: '并案',
    confirmTitle: '并案',
    confirmText: '确认并案',
    toast: '已并案',
    placeholder: '并案的理由，例如 两份提案都建议增设午休室',
    explain: '并入同一次会议的另一份提案，一并办理。',
  },
};

/** 提案工作委员会's decision: 立案, or 不予立案 / 转为意见建议 / 并案 with a reason. */
export function TriagePanel({ detail, onChange }: ActionProps) {
  const { proposal } = detail;
  const proposalId = proposal._id;
  const { busy, problem, setProblem, run } = useProposalCall(onChange);
  const [mode, setMode] = useState<Mode | null>(null);
  const [reason, setReason] = useState('');
  const [into, setInto] = useState('');
  const [targets, setTargets] = useState<ProposalSummary[] | null>(null);
  const [targetProblem, setTargetProblem] = useState('');

  const loadTargets = async () => {
    setTargetProblem('');
    try {
      const { proposals } = await call('proposal.list', { box: 'committee', sessionId: proposal.sessionId }, { silent: true });
      setTargets(mergeCandidates(proposals, proposal));
    } catch (e) {
      setTargetProblem(messageOf(e, '提案加载失败，请稍后再试'));
    }
  };

  const choose = (next: Mode) => {
    setMode(next);
    setProblem('');
    if (next === 'merge' && targets === null) void loadTargets();
  };

  const decide = async (decision: Decision, toast: string) => {
    await run(() => call('proposal.triage', { proposalId, decision }, { silent: true }), toast, '没有成功，请稍后再试');
  };

  const accept = async () => {
    if (!(await confirmed('立案', `「${proposal.title}」立案后会编号，等待交办承办部门。确定立案吗？`, '立案'))) return;
    await decide({ kind: 'accept' }, '已立案');
  };

  const confirmMode = async () => {
    if (!mode) return;
    const found = reasonProblem(reason);
    if (mode === 'merge' && !into) return setProblem('请选择要并入的提案');
    if (found) return setProblem(found);
    const target = targets?.find((t) => t._id === into);
    const content = mode === 'merge' ? `将「${proposal.title}」并入「${target?.title ?? ''}」，一并办理。确定吗？` : `${MODES[mode].explain}确定${MODES[mode].button}吗？`;
    if (!(await confirmed(MODES[mode].confirmTitle, content, '确定'))) return;
    const text = reason.trim();
    const decision: Decision = mode === 'merge' ? { kind: 'merge', into, reason: text } : { kind: mode, reason: text };
    await decide(decision, MODES[mode].toast);
  };

  return (
    <View className="card proposal-detail__actions">
      <Text className="proposal-detail__lead">提案审查</Text>
      <Text className="proposal-detail__hint">请审查这份提案：符合要求的立案；不立案、转为意见建议或并案时，请写明理由。</Text>
      <View className="proposal-detail__buttons">
        <Button size="small" type="primary" loading={busy && mode === null} disabled={busy} onClick={accept}>
          立案
        </Button>
        {(Object.keys(MODES) as Mode[]).map((m) => (
          <Button key={m} size="small" fill={mode === m ? 'solid' : 'outline'} disabled={busy} onClick={() => choose(m)}>
            {MODES[m].button}
          </Button>
        ))}
      </View>
      {mode && (
        <View className="proposal-detail__form">
          <Text className="proposal-detail__hint">{MODES[mode].explain}</Text>
          {mode === 'merge' && (
            <>
              {targets === null && !targetProblem && <Text className="proposal-detail__hint">正在加载本次会议的提案…</Text>}
              {targetProblem && (
                <View className="proposal-invite__problem">
                  <InlineMessage text={targetProblem} />
                  <Text className="proposal-detail__link" onClick={() => void loadTargets()}>
                    重试
                  </Text>
                </View>
              )}
              {targets && targets.length === 0 && <Text className="proposal-detail__hint">本次会议没有可以并入的其他提案。</Text>}
              {targets &&
                targets.map((t) => (
                  <ChoiceRow block="check-row" key={t._id} label={t.title} multiple={false} checked={into === t._id} disabled={busy} onTap={() => setInto(t._id)}>
                    <View className="proposal-invite__row">
                      <Text className="proposal-detail__name">{t.title}</Text>
                      <Text className="proposal-detail__when">
                        {[numberText(t.number), t.proposerName, PROPOSAL_STATUS_LABELS[t.status]].filter(Boolean).join(' · ')}
                      </Text>
                    </View>
                  </ChoiceRow>
                ))}
            </>
          )}
          <TextArea placeholder={MODES[mode].placeholder} value={reason} maxLength={500} autoSize onChange={setReason} />
          <View className="proposal-detail__buttons">
            <Button size="small" fill="none" disabled={busy} onClick={() => setMode(null)}>
              取消
            </Button>
            <Button size="small" type="danger" loading={busy} disabled={busy} onClick={confirmMode}>
              {MODES[mode].confirmText}
            </Button>
          </View>
        </View>
      )}
      <InlineMessage text={problem} />
    </View>
  );
}
TriagePanel.displayName = 'TriagePanel';
