import { View, Text } from '@tarojs/components';
import { Checkbox, Switch } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { Gender, MemberStatus } from '../../../../types/fields';
import { GENDER_LABELS, STATUS_LABELS } from '../../../../types/labels';
import type { Group } from '../../../../types/member';
import { InlineMessage } from '../../../components/InlineMessage';
import { call } from '../../../gateway/cloud';
import { messageOf } from '../../../lib/cloud-message';
import type { DraftForm } from '../lib/draft-form';

type AudienceForm = Pick<DraftForm, 'statuses' | 'genders' | 'groupIds' | 'delegatesOnly'>;

export interface AudienceFieldsProps {
  value: AudienceForm;
  onChange: (patch: Partial<AudienceForm>) => void;
}

/**
 * Who may join. The union groups' names are not part of `activity.get`, so they are loaded with
 * `groups.list` only when the organiser opens the group choice: opening the edit page stays one
 * cloud call (and zero when creating), and the group list costs a call only when it is wanted.
 */
export function AudienceFields({ value, onChange }: AudienceFieldsProps) {
  const [groups, setGroups] = useState<Group[] | null>(null);
  const [loadingGroups, setLoadingGroups] = useState(false);
  const [problem, setProblem] = useState('');

  const openGroups = async () => {
    setLoadingGroups(true);
    setProblem('');
    try {
      setGroups(await call('groups.list', {}, { silent: true }));
    } catch (e) {
      setProblem(messageOf(e, '小组加载失败，请稍后再试'));
    } finally {
      setLoadingGroups(false);
    }
  };

  return (
    <View className="edit__audience">
      <Text className="edit__hint">都不选表示面向全体会员；选了的条件需同时满足。</Text>
      <Checkbox.Group value={value.statuses} direction="horizontal" onChange={(next) => onChange({ statuses: next as MemberStatus[] })}>
        {(['active', 'retired'] as const).map((s) => (
          <Checkbox key={s} value={s} label={STATUS_LABELS[s]} />
        ))}
      </Checkbox.Group>
      <Checkbox.Group value={value.genders} direction="horizontal" onChange={(next) => onChange({ genders: next as Gender[] })}>
        {(['female', 'male'] as const).map((g) => (
          <Checkbox key={g} value={g} label={GENDER_LABELS[g]} />
        ))}
      </Checkbox.Group>
      <View className="edit__row">
        <Text className="edit__label">仅限教代会代表</Text>
        <Switch checked={value.delegatesOnly} onChange={(delegatesOnly) => onChange({ delegatesOnly })} ariaLabel="仅限教代会代表" />
      </View>
      <View className="edit__row">
        <Text className="edit__label">工会小组</Text>
        {groups === null && (
          <Text className="edit__link" onClick={openGroups}>
            {loadingGroups ? '正在加载…' : value.groupIds.length ? `已选 ${value.groupIds.length} 个小组，点此修改` : '不限，点此选择小组'}
          </Text>
        )}
      </View>
      <InlineMessage text={problem} />
      {groups && (
        <Checkbox.Group value={value.groupIds} onChange={(next) => onChange({ groupIds: groups.map((g) => g._id).filter((id) => next.includes(id)) })}>
          {groups.map((group) => (
            <Checkbox key={group._id} className="edit__group" value={group._id} label={group.name} />
          ))}
        </Checkbox.Group>
      )}
    </View>
  );
}
