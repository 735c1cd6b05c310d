import { View, Text } from '@tarojs/components';
import { Button, Input, Radio, Switch, TextArea } from '@nutui/nutui-react-taro';
import { useState, type ReactNode } from 'react';
import { VOTE_KINDS } from '../../../../types/labels';
import type { VoteDraft, VoteKind } from '../../../../types/vote';
import { InlineMessage } from '../../../components/InlineMessage';
import { DateTimeField } from '../../organiser/edit/DateTimeField';
import { KIND_HINTS, KIND_NAMES, picksText, voteDraftOf, withKind, withSecret, type VoteForm } from '../lib/vote-draft-form';
import { CandidatesEditor } from './CandidatesEditor';
import { ElectorateFields } from './ElectorateFields';
import { OptionsEditor } from './OptionsEditor';
import { SettingsFields } from './SettingsFields';
import { SubjectsEditor } from './SubjectsEditor';

export interface VoteEditorProps {
  initial: VoteForm;
  /** Creating: the kind may be chosen. Editing: the kind stays. */
  creating: boolean;
  saveText: string;
  /** Sends the checked draft; resolves with the server's objection, or nothing when saved. */
  onSave: (draft: VoteDraft) => Promise<string | undefined>;
  /** Temporary URLs of candidate photos already stored, by file id. */
  photoUrls?: Record<string, string>;
}

const TITLE_PLACEHOLDERS: Record<VoteKind, string> = {
  election: '标题，例如 2026年度优秀教师评选',
  appraisal: '标题，例如 2026年度中层干部民主评议',
  motion: '议案名称，例如 关于修订教职工考核办法的议案',
  poll: '标题，例如 春季教工活动去哪儿',
};
const DESCRIPTION_PLACEHOLDERS: Record<VoteKind, string> = {
  election: '说明（选填）：评选条件、名额、注意事项',
  appraisal: '说明（选填）：评议范围、评议标准',
  motion: '议案内容：写明提请表决的事项，代表们据此表决',
  poll: '说明（选填）：想了解什么、结果怎么用',
};
const CONTENT_TITLES: Record<VoteKind, string> = { election: '候选人', appraisal: '评议对象', motion: '议案', poll: '选项' };

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <>
      <View className="section-title">{title}</View>
      <View className="card edit__card">{children}</View>
    </>
  );
}

/** Everything an organiser writes about a vote, per kind, checked on the phone before it is sent. */
export function VoteEditor({ initial, creating, saveText, onSave, photoUrls = {} }: VoteEditorProps) {
  const [form, setForm] = useState(initial);
  const [problem, setProblem] = useState('');
  const [saving, setSaving] = useState(false);
  const set = (patch: Partial<VoteForm>) => setForm((current) => ({ ...current, ...patch }));
  const listOf =
    <K extends 'candidates' | 'subjects' | 'options'>(key: K) =>
    (change: (list: VoteForm[K]) => VoteForm[K]) =>
      setForm((current) => ({ ...current, [key]: change(current[key]) }));

  const save = async () => {
    const checked = voteDraftOf(form);
    if (!checked.ok) return setProblem(checked.problem);
    setSaving(true);
    setProblem('');
    try {
      setProblem((await onSave(checked.draft)) ?? '');
    } finally {
      setSaving(false);
    }
  };

  const kind = form.kind;
  return (
    <View className="edit vote-edit">
      {creating ? (
        <Section title="投票类型">
          <Radio.Group className="vote-edit__kinds" value={kind} direction="horizontal" shape="button" onChange={(next) => setForm((f) => withKind(f, next as VoteKind))}>
            {VOTE_KINDS.map((k) => (
              <Radio key={k} value={k} shape="button">
                {KIND_NAMES[k]}
              </Radio>
            ))}
          </Radio.Group>
          <Text className="edit__hint">{KIND_HINTS[kind]}</Text>
        </Section>
      ) : (
        <View className="card vote-edit__kind-fixed">
          <Text className="edit__label">类型：{KIND_NAMES[kind]}</Text>
          <Text className="edit__hint">{KIND_HINTS[kind]}</Text>
        </View>
      )}

      <Section title="基本信息">
        <Input placeholder={TITLE_PLACEHOLDERS[kind]} value={form.title} maxLength={60} onChange={(title) => set({ title })} />
        <TextArea placeholder={DESCRIPTION_PLACEHOLDERS[kind]} value={form.description} maxLength={2000} autoSize onChange={(description) => set({ description })} />
        {kind === 'motion' && <Text className="edit__hint">代表们对这项议案表决：赞成、反对或弃权。</Text>}
      </Section>

      {kind !== 'motion' && (
        <Section title={CONTENT_TITLES[kind]}>
          {kind === 'election' && (
            <>
              <CandidatesEditor candidates={form.candidates} update={listOf('candidates')} photoUrls={photoUrls} />
              <View className="edit__row">
                <Text className="edit__label">至少选</Text>
                <View className="vote-edit__count">
                  <Input placeholder="最少选择人数" type="number" value={form.minPicks} maxLength={3} onChange={(minPicks) => set({ minPicks })} />
                  <Text className="edit__label">人</Text>
                </View>
              </View>
              <View className="edit__row">
                <Text className="edit__label">最多选</Text>
                <View className="vote-edit__count">
                  <Input placeholder="最多选择人数" type="number" value={form.maxPicks} maxLength={3} onChange={(maxPicks) => set({ maxPicks })} />
                  <Text className="edit__label">人</Text>
                </View>
              </View>
              <Text className="edit__hint">{picksText(form.minPicks, form.maxPicks) || '请填写每张选票可选的人数。'}</Text>
            </>
          )}
          {kind === 'appraisal' && (
            <>
              <SubjectsEditor subjects={form.subjects} update={listOf('subjects')} />
              <Text className="edit__hint">每位投票人对每位评议对象评「优秀 / 称职 / 基本称职 / 不称职」之一。</Text>
            </>
          )}
          {kind === 'poll' && (
            <>
              <OptionsEditor options={form.options} update={listOf('options')} />
              <View className="edit__row">
                <Text className="edit__label">最多可选数</Text>
                <View className="vote-edit__count">
                  <Input placeholder="最多可选数" type="number" value={form.pollMaxPicks} maxLength={2} onChange={(pollMaxPicks) => set({ pollMaxPicks })} />
                  <Text className="edit__label">项</Text>
                </View>
              </View>
              <View className="edit__row">
                <Text className="edit__label">允许填写"其他"</Text>
                <Switch checked={form.allowOther} onChange={(allowOther) => set({ allowOther })} ariaLabel='允许填写"其他"' />
              </View>
              {form.allowOther && <Text className="edit__hint">投票人可以选「其他」并写下自己的答案（算一项）。</Text>}
            </>
          )}
        </Section>
      )}

      <Section title="投票时间">
        <DateTimeField label="开始" value={form.opens} onChange={(opens) => set({ opens })} />
        <DateTimeField label="截止" value={form.closes} onChange={(closes) => set({ closes })} />
        <Text className="edit__hint">按北京时间。保存后还要在投票页发布，到了开始时间大家才能投票。</Text>
      </Section>

      <Section title={kind === 'motion' ? '参加表决的人' : '谁可以投票'}>
        <ElectorateFields value={form} onChange={set} />
      </Section>

      <Section title="投票方式">
        <SettingsFields value={form} onSecret={(secret) => setForm((f) => withSecret(f, secret))} onChange={set} />
      </Section>

      <InlineMessage text={problem} />
      <Button className="edit__save" type="primary" block loading={saving} disabled={saving} onClick={save}>
        {saveText}
      </Button>
    </View>
  );
}
