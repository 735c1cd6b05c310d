import { View, Text } from '@tarojs/components';
import { Tag } from '@nutui/nutui-react-taro';
import { groupUnread, type UnreadPerson } from '../lib/readers';

/** Who has not read the notice yet, by union group; those not yet bound to WeChat are tagged. */
export function UnreadList({ unread }: { unread: UnreadPerson[] }) {
  const groups = groupUnread(unread);
  const unbound = unread.filter((person) => !person.bound).length;
  return (
    <View className="card readers__list">
      {unbound > 0 && <Text className="readers__hint">其中 {unbound} 人标着「未绑定」：还没有绑定微信，绑定后才能在小程序里看到通知和提醒。</Text>}
      {groups.map((group) => (
        <View key={group.groupName} className="readers__group" aria-label={group.groupName}>
          <Text className="readers__group-name">
            {group.groupName} · {group.people.length} 人
          </Text>
          <View className="readers__people">
            {group.people.map((person) => (
              <View key={person.memberId} className="readers__person">
                <Text className="readers__name">{person.name}</Text>
                {!person.bound && <Tag type="warning">未绑定</Tag>}
              </View>
            ))}
          </View>
        </View>
      ))}
    </View>
  );
}
UnreadList.displayName = 'UnreadList';
