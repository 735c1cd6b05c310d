import { View, Text } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { DepartmentDraft } from '../../../../types/proposal';
import { InlineMessage } from '../../../components/InlineMessage';
import { departmentDraftOf, type DepartmentForm as Form } from '../lib/department-form';

export interface DepartmentFormProps {
  title: string;
  initial: Form;
  /** Sends the checked draft; resolves with the server's objection, or nothing when saved. */
  onSave: (draft: DepartmentDraft) => Promise<string | undefined>;
  onCancel: () => void;
}

/** A handling department: its name and its handlers' 工号, typed in one line. */
export function DepartmentForm({ title, initial, onSave, onCancel }: DepartmentFormProps) {
  const [form, setForm] = useState(initial);
  const [problem, setProblem] = useState('');
  const [saving, setSaving] = useState(false);

  const save = async () => {
    const checked = departmentDraftOf(form);
    if (!checked.ok) return setProblem(checked.problem);
    setSaving(true);
    setProblem('');
    try {
      setProblem((await onSave(checked.draft)) ?? '');
    } finally {
      setSaving(false);
    }
  };

  return (
    <View className="card edit__card" aria-label={title}>
      <Text className="admin__title">{title}</Text>
      <Input placeholder="部门名称，例如 总务处" value={form.name} maxLength={30} onChange={(name) => setForm((f) => ({ ...f, name }))} />
      <Input placeholder="答复人工号，多个用空格或逗号分开" value={form.handlers} maxLength={400} onChange={(handlers) => setForm((f) => ({ ...f, handlers }))} />
      <Text className="edit__hint">答复人是这个部门里负责写提案答复的老师，填他们在名册里的工号，例如 T001 T002。保存后会显示他们的姓名，请核对。</Text>
      <InlineMessage text={problem} />
      <View className="admin__buttons">
        <Button type="primary" loading={saving} disabled={saving} onClick={save}>
          保存部门
        </Button>
        <Button fill="none" disabled={saving} onClick={onCancel}>
          取消
        </Button>
      </View>
    </View>
  );
}
DepartmentForm.displayName = 'DepartmentForm';
