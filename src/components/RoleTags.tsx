import { View } from '@tarojs/components';
import { Tag } from '@nutui/nutui-react-taro';
import type { Role } from '../../types/fields';
import { ROLE_LABELS, ROLES } from '../../types/labels';
import './RoleTags.scss';

export interface RoleTagsProps {
  roles: readonly Role[];
  isDelegate: boolean;
  /** Show a plain 会员 tag when the person holds no role at all. */
  showMember?: boolean;
}

/** A member's union roles and the 教代会代表 flag, as tags, always in the same order. */
export function RoleTags({ roles, isDelegate, showMember = false }: RoleTagsProps) {
  const held = ROLES.filter((role) => roles.includes(role));
  if (held.length === 0 && !isDelegate && !showMember) return null;
  return (
    <View className="role-tags">
      {held.length === 0 && !isDelegate && <Tag type="default">会员</Tag>}
      {held.map((role) => (
        <Tag key={role} type="primary">
          {ROLE_LABELS[role]}
        </Tag>
      ))}
      {isDelegate && (
        <Tag type="success">
          教代会代表
        </Tag>
      )}
    </View>
  );
}
RoleTags.displayName = 'RoleTags';
