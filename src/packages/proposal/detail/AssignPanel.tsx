import { View, Text, Picker } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useEffect, useState } from 'react';
import type { DepartmentView } from '../../../../types/proposal';
import { InlineMessage } from '../../../components/InlineMessage';
import { call } from '../../../gateway/cloud';
import { messageOf } from '../../../lib/cloud-message';
import { formatDate, shanghaiDateText } from '../../../lib/time';
import { deadlineOfDate } from '../lib/detail';
import { ChoiceRow } from '../../../components/ChoiceRow';
import type { ActionProps } from './ProposerActions';
import { useProposalCall } from './useProposalCall';

/**
 * 交办: the lead department (主办), optional helpers (协办) and the reply deadline (答复期限, the
 * end of the chosen day in Beijing time). Departments come from `department.list` when it opens.
 */
export function AssignPanel({ detail, onChange }: ActionProps) {
  const { proposal } = detail;
  const current = proposal.assignment;
  const { busy, problem, setProblem, run } = useProposalCall(onChange);
  const [open, setOpen] = useState(proposal.status === 'accepted');
  const [departments, setDepartments] = useState<DepartmentView[] | null>(null);
  const [loadProblem, setLoadProblem] = useState('');
  const [leadId, setLeadId] = useState(current?.leadId ?? '');
  const [helperIds, setHelperIds] = useState<string[]>(current?.helperIds ?? []);
  const [date, setDate] = useState(current ? shanghaiDateText(current.deadline) : '');

  const load = async () => {
    setLoadProblem('');
    try {
      setDepartments(await call('department.list', {}, { silent: true }));
    } catch (e) {
      setLoadProblem(messageOf(e, '承办部门加载失败，请稍后再试'));
    }
  };
  useEffect(() => {
    if (open && departments === null) void load();
  }, [open]);

  const chooseLead = (id: string) => {
    setLeadId(id);
    setHelperIds(helperIds.filter((h) => h !== id));
  };
  const toggleHelper = (id: string) => setHelperIds(helperIds.includes(id) ? helperIds.filter((h) => h !== id) : [...helperIds, id]);

  const assign = async () => {
    if (!leadId) return setProblem('请选择主办部门');
    if (!date) return setProblem('请选择答复期限');
    const deadline = deadlineOfDate(date);
    if (!(deadline > Date.now())) return setProblem('答复期限要晚于现在');
    const order = (departments ?? []).map((d) => d._id);
    const helpers = order.filter((id) => helperIds.includes(id) && id !== leadId);
    const next = await run(() => call('proposal.assign', { proposalId: proposal._id, leadId, helperIds: helpers, deadline }, { silent: true }), '已交办', '交办没有成功，请稍后再试');
    if (next) setOpen(false);
  };

  if (!open) {
    return (
      <View className="card proposal-detail__actions">
        <View className="proposal-detail__buttons">
          <Button size="small" fill="outline" type="primary" onClick={() => setOpen(true)}>
            {current ? '重新交办' : '交办'}
          </Button>
        </View>
      </View>
    );
  }

  return (
    <View className="card proposal-detail__actions">
      <Text className="proposal-detail__lead">{current ? '重新交办' : '交办承办部门'}</Text>
      {departments === null && !loadProblem && <Text className="proposal-detail__hint">正在加载承办部门…</Text>}
      {loadProblem && (
        <View className="proposal-invite__problem">
          <InlineMessage text={loadProblem} />
          <Text className="proposal-detail__link" onClick={() => void load()}>
            重试
          </Text>
        </View>
      )}
      {departments && departments.length === 0 && <Text className="proposal-detail__hint">还没有承办部门，请工会主席先在「教代会与承办部门」里添加。</Text>}
      {departments && departments.length > 0 && (
        <>
          <Text className="proposal-detail__label">主办部门（选一个）</Text>
          <View role="radiogroup" aria-label="主办部门" className="proposal-invite__list">
            {departments.map((d) => (
              <ChoiceRow block="check-row" key={d._id} label={`主办 ${d.name}`} multiple={false} checked={leadId === d._id} disabled={busy} onTap={() => chooseLead(d._id)}>
                <Text>{d.name}</Text>
              </ChoiceRow>
            ))}
          </View>
          <Text className="proposal-detail__label">协办部门（可多选，可不选）</Text>
          <View role="group" aria-label="协办部门" className="proposal-invite__list">
            {departments
              .filter((d) => d._id !== leadId)
              .map((d) => (
                <ChoiceRow block="check-row" key={d._id} label={`协办 ${d.name}`} multiple checked={helperIds.includes(d._id)} disabled={busy} onTap={() => toggleHelper(d._id)}>
                  <Text>{d.name}</Text>
                </ChoiceRow>
              ))}
          </View>
          <View className="proposal-detail__row">
            <Text className="proposal-detail__label">答复期限</Text>
            <Picker mode="date" value={date} aria-label="答复期限日期" onChange={(e) => setDate(String(e.detail.value))}>
              <View className="proposal-detail__pick">{date ? formatDate(deadlineOfDate(date)) : '选择日期'}</View>
            </Picker>
          </View>
          <Text className="proposal-detail__hint">按北京时间，承办部门须在当天结束前答复；逾期会标为「已逾期」。</Text>
        </>
      )}
      <View className="proposal-detail__buttons">
        {current && (
          <Button size="small" fill="none" disabled={busy} onClick={() => setOpen(false)}>
            取消
          </Button>
        )}
        <Button size="small" type="primary" loading={busy} disabled={busy || !departments?.length} onClick={assign}>
          确认交办
        </Button>
      </View>
      <InlineMessage text={problem} />
    </View>
  );
}
AssignPanel.displayName = 'AssignPanel';
