import { View, Text } from '@tarojs/components';
import { Tag } from '@nutui/nutui-react-taro';
import type { ActivitySummary } from '../../types/activity';
import { ACTIVITY_STATUS_LABELS, CATEGORY_LABELS } from '../../types/labels';
import { placesLeftText, standingText } from '../lib/activity-format';
import { formatShortDateTime, formatTimeRange } from '../lib/time';
import './ActivityCard.scss';

export interface ActivityCardProps {
  activity: ActivitySummary;
  onOpen: () => void;
}

/** One activity in a list: what, when, where, places left, deadline, and the member's own standing. */
export function ActivityCard({ activity, onOpen }: ActivityCardProps) {
  const standing = standingText(activity.mine);
  const open = activity.status === 'published';
  return (
    <View className="activity-card card" onClick={onOpen} role="button" aria-label={activity.title}>
      <View className="activity-card__head">
        <Text className="activity-card__title">{activity.title}</Text>
        {standing && (
          <Tag className="activity-card__standing" type={activity.mine?.status === 'confirmed' ? 'success' : activity.mine?.status === 'waitlisted' ? 'warning' : 'default'}>
            {standing}
          </Tag>
        )}
      </View>
      <View className="activity-card__meta">
        <Text className="activity-card__category">{CATEGORY_LABELS[activity.category]}</Text>
        {!open && <Text className="activity-card__status">{ACTIVITY_STATUS_LABELS[activity.status]}</Text>}
      </View>
      <Text className="activity-card__line">时间：{formatTimeRange(activity.startAt, activity.endAt)}</Text>
      {activity.place && <Text className="activity-card__line">地点：{activity.place}</Text>}
      <View className="activity-card__foot">
        <Text className={`activity-card__places${activity.capacity !== null && activity.taken >= activity.capacity ? ' activity-card__places--full' : ''}`}>
          {placesLeftText(activity)}
        </Text>
        <Text className="activity-card__deadline">{formatShortDateTime(activity.signupDeadline)} 截止报名</Text>
      </View>
    </View>
  );
}
ActivityCard.displayName = 'ActivityCard';
