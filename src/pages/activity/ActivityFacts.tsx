import { View, Text } from '@tarojs/components';
import { Cell, Tag } from '@nutui/nutui-react-taro';
import type { Activity } from '../../../types/activity';
import { ACTIVITY_STATUS_LABELS, CATEGORY_LABELS } from '../../../types/labels';
import { audienceText, cancelRuleText, placesLeftText } from '../../lib/activity-format';
import { formatShortDateTime, formatTimeRange } from '../../lib/time';

/** What an activity is: title, status, when, where, places, sign-up window, rules, description. */
export function ActivityFacts({ activity }: { activity: Activity }) {
  return (
    <>
      <View className="card activity__head">
        <Text className="activity__title">{activity.title}</Text>
        <View className="activity__tags">
          <Tag type="primary" plain>
            {CATEGORY_LABELS[activity.category]}
          </Tag>
          <Tag type={activity.status === 'published' ? 'success' : 'default'}>{ACTIVITY_STATUS_LABELS[activity.status]}</Tag>
        </View>
        {activity.status === 'cancelled' && activity.cancelReason && <Text className="activity__cancelled">取消原因：{activity.cancelReason}</Text>}
      </View>
      <Cell.Group>
        <Cell title="时间" extra={formatTimeRange(activity.startAt, activity.endAt)} />
        {activity.place && <Cell title="地点" extra={activity.place} />}
        {activity.teams ? (
          <Cell title="队伍" extra={`最多 ${activity.teams.maxTeams} 支，已报名 ${activity.teamsTaken ?? 0} 支`} />
        ) : (
          <Cell title="名额" extra={activity.capacity === null ? '不限名额' : `共 ${activity.capacity} 个，${placesLeftText(activity)}`} />
        )}
        {activity.waiting > 0 && <Cell title="候补" extra={`${activity.waiting} 人在候补`} />}
        <Cell title="报名时间" extra={`${formatShortDateTime(activity.signupOpensAt)} 起`} />
        <Cell title="报名截止" extra={formatShortDateTime(activity.signupDeadline)} />
        <Cell title="取消规则" extra={cancelRuleText(activity.cancelRule)} />
        <Cell title="面向" extra={audienceText(activity.audience)} />
        {activity.companionsMax > 0 && <Cell title="携带家属" extra={`每人最多 ${activity.companionsMax} 人`} />}
      </Cell.Group>
      {activity.description && (
        <>
          <View className="section-title">活动说明</View>
          <View className="card">
            <Text className="activity__description" userSelect>
              {activity.description}
            </Text>
          </View>
        </>
      )}
    </>
  );
}
