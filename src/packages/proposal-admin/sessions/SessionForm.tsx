import { View, Text } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { SessionDraft } from '../../../../types/proposal';
import { InlineMessage } from '../../../components/InlineMessage';
import { DateTimeField } from '../../organiser/edit/DateTimeField';
import { sessionDraftOf, type SessionForm as Form } from '../lib/session-form';

export interface SessionFormProps {
  title: string;
  initial: Form;
  /** Sends the checked draft; resolves with the server's objection, or nothing when saved. */
  onSave: (draft: SessionDraft) => Promise<string | undefined>;
  onCancel: () => void;
}

/** A congress session: its name, the proposal window (北京时间) and how many 附议人 a proposal needs. */
export function SessionForm({ title, initial, onSave, onCancel }: SessionFormProps) {
  const [form, setForm] = useState(initial);
  const [problem, setProblem] = useState('');
  const [saving, setSaving] = useState(false);
  const set = (patch: Partial<Form>) => setForm((current) => ({ ...current, ...patch }));

  const save = async () => {
    const checked = sessionDraftOf(form);
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
      <Input placeholder="会议名称，例如 第十二届教代会第二次会议" value={form.name} maxLength={40} onChange={(name) => set({ name })} />
      <DateTimeField label="征集开始" value={form.opens} onChange={(opens) => set({ opens })} />
      <DateTimeField label="征集截止" value={form.closes} onChange={(closes) => set({ closes })} />
      <Text className="edit__hint">按北京时间。在这段时间里，教代会代表可以提交提案。</Text>
      <View className="edit__row">
        <Text className="edit__label">至少附议人数</Text>
        <Input placeholder="附议人数" type="number" value={form.minCoSigners} maxLength={2} onChange={(minCoSigners) => set({ minCoSigners })} />
      </View>
      <Text className="edit__hint">每份提案要有几位其他代表附议才能提交，通常是 2 位。</Text>
      <InlineMessage text={problem} />
      <View className="admin__buttons">
        <Button type="primary" loading={saving} disabled={saving} onClick={save}>
          保存会议
        </Button>
        <Button fill="none" disabled={saving} onClick={onCancel}>
          取消
        </Button>
      </View>
    </View>
  );
}
SessionForm.displayName = 'SessionForm';
