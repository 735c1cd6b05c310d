import { View, Text } from '@tarojs/components';
import { Button, Input, InputNumber, Radio, Switch, TextArea } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { ActivityCategory, ActivityDraft } from '../../../../types/activity';
import { ACTIVITY_CATEGORIES, CATEGORY_LABELS } from '../../../../types/labels';
import { InlineMessage } from '../../../components/InlineMessage';
import { draftOf, type DraftForm } from '../lib/draft-form';
import { AudienceFields } from './AudienceFields';
import { ChoicesEditor } from './ChoicesEditor';
import { DateTimeField } from './DateTimeField';
import { TeamFields, teamsFormOf, teamsOf, type TeamsForm } from './TeamFields';
import type { TeamSettings } from '../../../../types/team';

export interface ActivityFormProps {
  initial: DraftForm;
  saveText: string;
  /** Sends the checked draft; resolves with the server's objection, or nothing when saved. */
  onSave: (draft: ActivityDraft) => Promise<string | undefined>;
  /** 团体赛: the activity's team rules, when editing one. */
  initialTeams?: TeamSettings | null;
}

/** Everything an organiser writes about an activity, checked on the phone before it is sent. */
export function ActivityForm({ initial, saveText, onSave, initialTeams }: ActivityFormProps) {
  const [form, setForm] = useState(initial);
  const [teams, setTeams] = useState<TeamsForm>(() => teamsFormOf(initialTeams));
  const [problem, setProblem] = useState('');
  const [saving, setSaving] = useState(false);
  const set = (patch: Partial<DraftForm>) => setForm((current) => ({ ...current, ...patch }));

  const save = async () => {
    // A team contest's places are its teams: the capacity field is not asked for.
    const checked = draftOf(teams ? { ...form, capacity: null } : form);
    if (!checked.ok) return setProblem(checked.problem);
    const team = teamsOf(teams);
    if (!team.ok) return setProblem(team.problem);
    // Sent only for a team contest, or to turn one off: an individual activity's draft stays as it was.
    if (team.teams) checked.draft = { ...checked.draft, teams: team.teams, capacity: team.teams.maxTeams };
    else if (initialTeams) checked.draft = { ...checked.draft, teams: null };
    setSaving(true);
    setProblem('');
    try {
      setProblem((await onSave(checked.draft)) ?? '');
    } finally {
      setSaving(false);
    }
  };

  return (
    <View className="edit">
      <View className="section-title">基本信息</View>
      <View className="card edit__card">
        <Input placeholder="活动名称，例如 教工羽毛球赛" value={form.title} maxLength={40} onChange={(title) => set({ title })} />
        <Radio.Group className="edit__categories" value={form.category} direction="horizontal" shape="button" onChange={(c) => set({ category: c as ActivityCategory })}>
          {ACTIVITY_CATEGORIES.map((category) => (
            <Radio key={category} value={category} shape="button">
              {CATEGORY_LABELS[category]}
            </Radio>
          ))}
        </Radio.Group>
        <Input placeholder="地点，例如 学校体育馆" value={form.place} maxLength={100} onChange={(place) => set({ place })} />
        <TextArea placeholder="活动说明：安排、注意事项、联系人" value={form.description} maxLength={2000} autoSize onChange={(description) => set({ description })} />
      </View>

      <View className="section-title">时间</View>
      <View className="card edit__card">
        <DateTimeField label="开始" value={form.start} onChange={(start) => set({ start })} />
        <DateTimeField label="结束" value={form.end} onChange={(end) => set({ end })} />
        <DateTimeField label="报名开始" value={form.opens} onChange={(opens) => set({ opens })} />
        <DateTimeField label="报名截止" value={form.deadline} onChange={(deadline) => set({ deadline })} />
      </View>

      <View className="section-title">名额与规则</View>
      <View className="card edit__card">
        <TeamFields value={teams} onChange={setTeams} />
        {!teams && (
          <View className="edit__row">
            <Text className="edit__label">不限名额</Text>
            <Switch checked={form.capacity === null} onChange={(unlimited) => set({ capacity: unlimited ? null : '' })} ariaLabel="不限名额" />
          </View>
        )}
        {!teams && form.capacity !== null && (
          <Input placeholder="名额（含携带的家属）" type="number" value={form.capacity} maxLength={5} onChange={(capacity) => set({ capacity })} />
        )}
        <Radio.Group value={form.cancelRule} onChange={(rule) => set({ cancelRule: rule as DraftForm['cancelRule'] })}>
          <Radio value="untilDeadline">报名截止前可取消</Radio>
          <Radio value="none">报名后不可取消</Radio>
        </Radio.Group>
        <View className="edit__row">
          <Text className="edit__label">每人可携带家属</Text>
          <InputNumber value={form.companionsMax} min={0} max={10} onChange={(n) => set({ companionsMax: Number(n) || 0 })} />
        </View>
      </View>

      <View className="section-title">面向</View>
      <View className="card edit__card">
        <AudienceFields value={form} onChange={set} />
      </View>

      <View className="section-title">报名时填写</View>
      <View className="card edit__card">
        <ChoicesEditor choices={form.choices} onChange={(choices) => set({ choices })} />
      </View>

      <InlineMessage text={problem} />
      <Button className="edit__save" type="primary" block loading={saving} disabled={saving} onClick={save}>
        {saveText}
      </Button>
    </View>
  );
}
