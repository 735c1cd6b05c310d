import { View, Text } from '@tarojs/components';
import { Button, Input, Radio, TextArea } from '@nutui/nutui-react-taro';
import { useState, type ReactNode } from 'react';
import { PROPOSAL_CATEGORIES, PROPOSAL_CATEGORY_LABELS } from '../../../../types/labels';
import type { ProposalCategory, ProposalDraft } from '../../../../types/proposal';
import { InlineMessage } from '../../../components/InlineMessage';
import { countText, LIMITS, LIMITS_TEXT, proposalDraftOf, type ProposalForm } from '../lib/draft-form';

export const TITLE_PLACEHOLDER = '案由：一句话说明提什么，例如 关于增设教工午休室的提案';
export const REASONS_PLACEHOLDER = '案据：为什么提，现状和存在的问题、依据';
export const MEASURES_PLACEHOLDER = '建议措施：具体、可行的解决办法';

export interface ProposalEditorProps {
  initial: ProposalForm;
  saveText: string;
  /** Sends the checked draft; resolves with the server's objection, or nothing when saved. */
  onSave: (draft: ProposalDraft) => Promise<string | undefined>;
}

function Field({ title, count, children }: { title: string; count: string; children: ReactNode }) {
  return (
    <>
      <View className="section-title proposal-edit__field-title">
        <Text>{title}</Text>
        <Text className="proposal-edit__count">{count}</Text>
      </View>
      <View className="card proposal-edit__card">{children}</View>
    </>
  );
}

/** What a delegate writes: 案由, 案据, 建议措施 and 分类, with the limits shown and checked before sending. */
export function ProposalEditor({ initial, saveText, onSave }: ProposalEditorProps) {
  const [form, setForm] = useState(initial);
  const [problem, setProblem] = useState('');
  const [saving, setSaving] = useState(false);
  const set = (patch: Partial<ProposalForm>) => setForm((current) => ({ ...current, ...patch }));

  const save = async () => {
    const checked = proposalDraftOf(form);
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
    <View className="proposal-edit">
      <View className="card proposal-edit__rule">
        <Text className="proposal-edit__rule-title">一事一案</Text>
        <Text className="proposal-edit__hint">一份提案只写一件事，写清楚为什么提、建议怎么办，便于立案和办理。几件事请分开提。</Text>
        <Text className="proposal-edit__hint">{LIMITS_TEXT}</Text>
      </View>

      <Field title="案由" count={countText(form.title, LIMITS.title.max)}>
        <Input placeholder={TITLE_PLACEHOLDER} value={form.title} maxLength={LIMITS.title.max} onChange={(title) => set({ title })} />
      </Field>

      <Field title="案据" count={countText(form.reasons, LIMITS.reasons.max)}>
        <TextArea placeholder={REASONS_PLACEHOLDER} value={form.reasons} maxLength={LIMITS.reasons.max} autoSize onChange={(reasons) => set({ reasons })} />
      </Field>

      <Field title="建议措施" count={countText(form.measures, LIMITS.measures.max)}>
        <TextArea placeholder={MEASURES_PLACEHOLDER} value={form.measures} maxLength={LIMITS.measures.max} autoSize onChange={(measures) => set({ measures })} />
      </Field>

      <View className="section-title">分类</View>
      <View className="card proposal-edit__card">
        <Radio.Group className="proposal-edit__categories" value={form.category} direction="horizontal" shape="button" onChange={(category) => set({ category: category as ProposalCategory })}>
          {PROPOSAL_CATEGORIES.map((category) => (
            <Radio key={category} value={category} shape="button">
              {PROPOSAL_CATEGORY_LABELS[category]}
            </Radio>
          ))}
        </Radio.Group>
      </View>

      <Text className="proposal-edit__hint proposal-edit__after">保存后是草稿，只有你能看到。之后可以邀请其他代表附议，附议人数够了再提交。</Text>
      <InlineMessage text={problem} />
      <Button className="proposal-edit__save" type="primary" block loading={saving} disabled={saving} onClick={save}>
        {saveText}
      </Button>
    </View>
  );
}
ProposalEditor.displayName = 'ProposalEditor';
