import { View, Text } from '@tarojs/components';
import { Checkbox, Radio } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { Group } from '../../../../types/member';
import { InlineMessage } from '../../../components/InlineMessage';
import { call } from '../../../gateway/cloud';
import { audienceText } from '../../../lib/activity-format';
import { messageOf } from '../../../lib/cloud-message';
import { ELECTORATE_NAMES, type ElectorateMode, type VoteForm } from '../lib/vote-draft-form';

type ElectorateForm = Pick<VoteForm, 'kind' | 'electorate' | 'groupIds' | 'keptElectorate'>;

export interface ElectorateFieldsProps {
  value: ElectorateForm;
  onChange: (patch: Partial<ElectorateForm>) => void;
}

const MODES = Object.keys(ELECTORATE_NAMES) as Array<Exclude<ElectorateMode, 'kept'>>;

/**
 * Who may vote: everyone, 在职, 退休, chosen union groups, or the congress delegates. The groups'
 * names cost a `groups.list` call, made only when the organiser chooses or reopens the group choice.
 * A motion is always for the delegates: said, not asked.
 */
export function ElectorateFields({ value, onChange }: ElectorateFieldsProps) {
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

  if (value.kind === 'motion') {
    return (
      <View className="edit__audience">
        <Text className="vote-edit__fixed">参加表决的是全体教代会代表</Text>
        <Text className="edit__hint">表决只面向教代会代表，不能更改。到会（参加表决）的代表须达到全体代表的三分之二，赞成票超过全体代表的半数才算通过。</Text>
      </View>
    );
  }

  const choose = (mode: ElectorateMode) => {
    onChange({ electorate: mode });
    if (mode === 'groups' && groups === null && !loadingGroups) void loadGroups();
  };

  return (
    <View className="edit__audience">
      <Radio.Group value={value.electorate} onChange={(mode) => choose(mode as ElectorateMode)}>
        {MODES.map((mode) => (
          <Radio key={mode} value={mode}>
            {ELECTORATE_NAMES[mode]}
          </Radio>
        ))}
        {value.keptElectorate && <Radio value="kept">保持原来的设置：{audienceText(value.keptElectorate)}</Radio>}
      </Radio.Group>
      {value.electorate === 'delegates' && <Text className="edit__hint">只有名册中标为教代会代表的会员可以投票。</Text>}
      {value.electorate === 'groups' && (
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
