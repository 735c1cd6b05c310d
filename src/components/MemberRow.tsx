import { View, Text } from '@tarojs/components';
import { Cell, Tag } from '@nutui/nutui-react-taro';
import type { MemberView } from '../../types/member';
import { RoleTags } from './RoleTags';
import './MemberRow.scss';

export interface MemberRowProps {
  member: Pick<MemberView, 'name' | 'staffNo' | 'groupName' | 'roles' | 'isDelegate' | 'bound' | 'status'>;
  /** Without it the row is read-only. */
  onOpen?: () => void;
}

/** One roster line: name, 工号, union group, roles, and whether the person has bound WeChat yet. */
export function MemberRow({ member, onOpen }: MemberRowProps) {
  return (
    <Cell
      className={`member-row${onOpen ? ' member-row--open' : ''}`}
      align="center"
      clickable={!!onOpen}
      // NutUI's Cell calls onClick unconditionally: leave it out rather than pass undefined.
      {...(onOpen ? { onClick: onOpen } : {})}
      title={
        <View className="member-row__title">
          <Text className="member-row__name">{member.name}</Text>
          <Text className="member-row__no">{member.staffNo}</Text>
          {member.status === 'retired' && <Text className="member-row__retired">退休</Text>}
        </View>
      }
      description={
        <View className="member-row__meta">
          <Text className="member-row__group">{member.groupName}</Text>
          <RoleTags roles={member.roles} isDelegate={member.isDelegate} />
          {!member.bound && (
            <Tag type="warning">
              未绑定
            </Tag>
          )}
        </View>
      }
      extra={onOpen ? <Text className="member-row__arrow">›</Text> : undefined}
    />
  );
}
MemberRow.displayName = 'MemberRow';
