import { View, Text } from '@tarojs/components';
import { Checkbox, Radio } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { Group } from '../../../../types/member';
import { InlineMessage } from '../../../components/InlineMessage';
import { call } from '../../../gateway/cloud';
import { audienceText } from '../../../lib/activity-format';
import { messageOf } from '../../../lib/cloud-message';
import { AUDIENCE_NAMES, type AudienceMode, type NoticeForm } from '../lib/notice-form';

type AudienceForm = Pick<NoticeForm, 'audience' | 'groupIds' | 'keptAudience'>;

export interface AudienceFieldProps {
  value: AudienceForm;
  onChange: (patch: Partial<AudienceForm>) => void;
}

const MODES = Object.keys(AUDIENCE_NAMES) as Array<Exclude<AudienceMode, 'kept'>>;

/**
 * Who the notice is for: everyone, 在职, 退休, chosen union groups, or the congress delegates. The
 * groups' names cost a `groups.list` call, made only when the author chooses (or reopens) that.
 */
export function AudienceField({ value, onChange }: AudienceFieldProps) {
  const [groups, setGroups] = useState<Group[] | null>(null);
  const [loadingGroups, setLoadingGroups] = useState(false);
  const [problem, setProblem] = useState('');

  const loadGroups = async () => {
    setLoadingGroups(true);
    setProblem('');
    try {
      setGroups(await call('groups.list', {}, { silent: true }));
    } catch (e) {
      setProblem(messageOf(e, '工会小组加载失败，请稍后再试'));
    } finally {
      setLoadingGroups(false);
    }
  };

  const choose = (mode: AudienceMode) => {
    onChange({ audience: mode });
    if (mode === 'groups' && groups === null && !loadingGroups) void loadGroups();
  };

  return (
    <View className="edit__audience">
      <Radio.Group value={value.audience} onChange={(mode) => choose(mode as AudienceMode)}>
        {MODES.map((mode) => (
          <Radio key={mode} value={mode}>
            {AUDIENCE_NAMES[mode]}
          </Radio>
        ))}
        {value.keptAudience && <Radio value="kept">保持原来的设置：{audienceText(value.keptAudience)}</Radio>}
      </Radio.Group>
      {value.audience === 'delegates' && <Text className="edit__hint">只有名册中标为教代会代表的会员会收到。</Text>}
      {value.audience === 'groups' && (
        <>
          {groups === null && (
            <Text className="edit__link" onClick={() => void loadGroups()}>
              {loadingGroups ? '正在加载工会小组…' : value.groupIds.length ? `已选 ${value.groupIds.length} 个小组，点此修改` : '点此选择工会小组'}
            </Text>
          )}
          {groups && groups.length === 0 && <Text className="edit__hint">还没有工会小组，请先在名册里建立小组。</Text>}
          {groups && groups.length > 0 && (
            <Checkbox.Group value={value.groupIds} onChange={(next) => onChange({ groupIds: groups.map((g) => g._id).filter((id) => next.includes(id)) })}>
              {groups.map((group) => (
                <Checkbox key={group._id} className="edit__group" value={group._id} label={group.name} />
              ))}
            </Checkbox.Group>
          )}
        </>
      )}
      <InlineMessage text={problem} />
    </View>
  );
}
AudienceField.displayName = 'AudienceField';
