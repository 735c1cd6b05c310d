import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Cell, Tag } from '@nutui/nutui-react-taro';
import { GENDER_LABELS, ROLE_LABELS, STATUS_LABELS } from '../../../types/labels';
import { LoadState } from '../../components/LoadState';
import { useMe } from '../../hooks/useMe';
import { ACTIVITY_PAGES } from '../../lib/activity-routes';
import { maskPhone } from '../../lib/mask';
import { formatDate, formatMonthDay } from '../../lib/time';
import './index.scss';

export default function Mine() {
  const { member, loading, error, reload } = useMe();

  return (
    <View className="page mine">
      <LoadState loading={loading || !member} error={error} onRetry={reload}>
        {member && (
          <>
            <View className="card mine__head">
              <View className="mine__avatar">{member.name.slice(-2)}</View>
              <View className="mine__who">
                <Text className="mine__name">{member.name}</Text>
                <Text className="mine__meta">
                  工号 {member.staffNo} · {STATUS_LABELS[member.status]}
                </Text>
              </View>
            </View>
            <View className="section-title">我的身份</View>
            <View className="card mine__roles">
              {member.roles.length === 0 && !member.isDelegate && <Tag type="default">会员</Tag>}
              {member.roles.map((role) => (
                <Tag key={role} type="primary">
                  {ROLE_LABELS[role]}
                </Tag>
              ))}
              {member.isDelegate && <Tag type="success">教代会代表</Tag>}
            </View>
            <Cell.Group>
              <Cell title="我的报名" description="报名的活动、候补位置" clickable extra="›" onClick={() => Taro.navigateTo({ url: ACTIVITY_PAGES.mine })} />
            </Cell.Group>
            <View className="section-title">基本信息</View>
            <Cell.Group>
              <Cell title="工会小组" extra={member.groupName} />
              <Cell title="性别" extra={GENDER_LABELS[member.gender]} />
              {member.department && <Cell title="部门" extra={member.department} />}
              {member.gradeGroup && <Cell title="年级组" extra={member.gradeGroup} />}
              {member.subjectGroup && <Cell title="教研组" extra={member.subjectGroup} />}
              {member.birthday && <Cell title="生日" extra={formatMonthDay(member.birthday)} />}
              {member.phone && <Cell title="手机" extra={maskPhone(member.phone)} />}
              {member.boundAt && <Cell title="绑定微信" extra={formatDate(member.boundAt)} />}
            </Cell.Group>
            <Text className="mine__note">信息有误？请联系工会主席在名册中修改。</Text>
          </>
        )}
      </LoadState>
    </View>
  );
}
