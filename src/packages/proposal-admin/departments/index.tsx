import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { DepartmentDraft, DepartmentView } from '../../../../types/proposal';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { InlineMessage } from '../../../components/InlineMessage';
import { LoadState } from '../../../components/LoadState';
import { call } from '../../../gateway/cloud';
import { useAction } from '../../../hooks/useAction';
import { fullMessageOf, messageOf } from '../../../lib/cloud-message';
import { notifyProposalChanged } from '../../../lib/proposal-routes';
import { blankDepartmentForm, departmentFormOf, handlersText, unknownHandlerIds } from '../lib/department-form';
import { DepartmentForm } from './DepartmentForm';
import '../fields.scss';

type Editing = { kind: 'create' } | { kind: 'edit'; department: DepartmentView };

/** What saving achieved, with the handlers' names as the roster answered them, so the chair can check. */
function savedText(saved: DepartmentView): string {
  const names = saved.handlers.map((h) => h.name).join('、');
  const unknown = unknownHandlerIds(saved);
  return [`已保存「${saved.name}」`, names ? `答复人：${names}` : '还没有答复人', unknown.length ? `名册里找不到工号 ${unknown.join('、')}，请核对` : '']
    .filter(Boolean)
    .join('；') + '。';
}

/** 承办部门 (chair): the departments proposals are assigned to, and who writes each one's replies. */
export default function DepartmentsPage() {
  const state = useAction('department.list', {});
  const [editing, setEditing] = useState<Editing | null>(null);
  const [removing, setRemoving] = useState<DepartmentView | null>(null);
  const [problem, setProblem] = useState('');
  const [done, setDone] = useState('');
  const list = state.data ?? [];

  const open = (next: Editing) => {
    setDone('');
    setProblem('');
    setEditing(next);
  };

  const save = async (department: DepartmentDraft): Promise<string | undefined> => {
    if (!editing) return undefined;
    try {
      const saved = await call('department.save', editing.kind === 'edit' ? { departmentId: editing.department._id, department } : { department }, { silent: true });
      void Taro.showToast({ title: '已保存', icon: 'success' });
      setDone(savedText(saved));
      setEditing(null);
      notifyProposalChanged();
      void state.reload();
      return undefined;
    } catch (e) {
      return fullMessageOf(e, '保存失败，请稍后再试');
    }
  };

  const remove = async () => {
    if (!removing) return;
    setProblem('');
    setDone('');
    try {
      await call('department.remove', { departmentId: removing._id }, { silent: true });
      void Taro.showToast({ title: '已删除', icon: 'success' });
      setDone(`已删除「${removing.name}」。`);
      notifyProposalChanged();
      void state.reload();
    } catch (e) {
      // DEPARTMENT_IN_USE: proposals are still with it.
      setProblem(messageOf(e, '删除失败，请稍后再试'));
    }
  };

  const createButton = (
    <Button type="primary" block onClick={() => open({ kind: 'create' })}>
      新建部门
    </Button>
  );

  return (
    <View className="page">
      <Text className="admin__intro">提案立案后，提案工作委员会把它交给一个主办部门（可加协办部门）。部门的答复人负责写答复。还有承办中提案的部门不能删除。</Text>
      <InlineMessage text={problem} />
      <InlineMessage text={done} tone="success" />
      {editing?.kind === 'create' && <DepartmentForm title="新建部门" initial={blankDepartmentForm()} onSave={save} onCancel={() => setEditing(null)} />}
      <LoadState
        loading={state.loading && !state.data}
        error={state.error}
        onRetry={state.reload}
        empty={list.length === 0}
        emptyText="还没有承办部门"
        emptyAction={editing ? undefined : createButton}
      >
        {!editing && <View className="admin__create">{createButton}</View>}
        {list.map((department) =>
          editing?.kind === 'edit' && editing.department._id === department._id ? (
            <DepartmentForm key={department._id} title={`修改「${department.name}」`} initial={departmentFormOf(department)} onSave={save} onCancel={() => setEditing(null)} />
          ) : (
            <View key={department._id} className="card admin__card" aria-label={department.name}>
              <Text className="admin__title">{department.name}</Text>
              <Text className="admin__line">{department.handlers.length ? `答复人：${handlersText(department)}` : '还没有答复人'}</Text>
              {unknownHandlerIds(department).length > 0 && (
                <Text className="admin__muted">名册里找不到工号 {unknownHandlerIds(department).join('、')}，请核对后修改。</Text>
              )}
              <View className="admin__actions">
                <Button size="small" fill="outline" onClick={() => open({ kind: 'edit', department })}>
                  修改
                </Button>
                <Button size="small" type="danger" fill="outline" onClick={() => setRemoving(department)}>
                  删除
                </Button>
              </View>
            </View>
          ),
        )}
      </LoadState>

      <ConfirmDialog
        visible={removing !== null}
        title="删除承办部门"
        content={removing ? `确定删除「${removing.name}」吗？` : ''}
        confirmText="删除"
        onConfirm={remove}
        onClose={() => setRemoving(null)}
      />
    </View>
  );
}
