import { View, Text } from '@tarojs/components';
import { Input, Tag } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { NonVoter } from '../../../../types/vote';
import { groupNonVoters } from '../lib/turnout';

/** Who has not voted yet, by union group; a search box once the list is long enough to need one. */
export function NonVoterList({ notVoted }: { notVoted: NonVoter[] }) {
  const [query, setQuery] = useState('');
  const groups = groupNonVoters(notVoted, query);
  const unbound = notVoted.filter((person) => !person.bound).length;

  return (
    <View className="card turnout__list">
      {notVoted.length > 8 && <Input className="turnout__search" placeholder="搜索姓名或小组" value={query} maxLength={20} clearable onChange={setQuery} />}
      {unbound > 0 && <Text className="turnout__hint">其中 {unbound} 人标着「未绑定」：还没有绑定微信，要先绑定才能投票，可以提醒他们。</Text>}
      {groups.length === 0 && <Text className="turnout__hint">没有找到「{query.trim()}」。</Text>}
      {groups.map((group) => (
        <View key={group.groupName} className="turnout__group" aria-label={group.groupName}>
          <Text className="turnout__group-name">
            {group.groupName} · {group.people.length} 人
          </Text>
          <View className="turnout__people">
            {group.people.map((person) => (
              <View key={person.memberId} className="turnout__person">
                <Text className="turnout__name">{person.name}</Text>
                {!person.bound && <Tag type="warning">未绑定</Tag>}
              </View>
            ))}
          </View>
        </View>
      ))}
    </View>
  );
}
