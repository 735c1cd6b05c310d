import { View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { ActivityCategory } from '../../../types/activity';
import { ACTIVITY_CATEGORIES, CATEGORY_LABELS } from '../../../types/labels';
import { ActivityCard } from '../../components/ActivityCard';
import { FilterChips } from '../../components/FilterChips';
import { LoadState } from '../../components/LoadState';
import { MonthSwitcher } from '../../components/MonthSwitcher';
import { useAction } from '../../hooks/useAction';
import { useActivityChanged } from '../../lib/activity-changed';
import { ACTIVITY_PAGES } from '../../lib/activity-routes';
import { formatMonthKey } from '../../lib/time';
import './index.scss';

const LABELS = ACTIVITY_CATEGORIES.map((category) => CATEGORY_LABELS[category]);
const categoryOf = (label: string | null): ActivityCategory | undefined => ACTIVITY_CATEGORIES.find((c) => CATEGORY_LABELS[c] === label);

/** The 活动 tab: upcoming activities (or one month's), by category, with places left and one's standing. */
export default function ActivitiesPage() {
  const [month, setMonth] = useState<string | null>(null);
  const [category, setCategory] = useState<ActivityCategory | undefined>();
  const list = useAction('activity.list', { ...(month ? { month } : {}), ...(category ? { category } : {}) });
  const [shown, setShown] = useState(false);

  useActivityChanged(() => void list.reload());
  useDidShow(() => {
    // Coming back from a detail page: places and standings may have moved.
    if (shown && !list.loading) void list.reload();
    setShown(true);
  });
  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh());
  });

  const activities = list.data?.activities ?? [];
  const emptyText = month ? `${formatMonthKey(month)}没有${category ? CATEGORY_LABELS[category] : ''}活动` : `近期没有${category ? CATEGORY_LABELS[category] : ''}活动`;

  return (
    <View className="page activities">
      <MonthSwitcher value={month} onChange={setMonth} />
      <FilterChips options={LABELS} value={category ? CATEGORY_LABELS[category] : null} onChange={(label) => setCategory(categoryOf(label))} />
      {list.data?.canManage && (
        <Button className="activities__create" type="primary" fill="outline" block onClick={() => Taro.navigateTo({ url: ACTIVITY_PAGES.create })}>
          发起活动
        </Button>
      )}
      <LoadState loading={list.loading && !list.data} error={list.error} onRetry={list.reload} empty={activities.length === 0} emptyText={emptyText}>
        {activities.map((activity) => (
          <ActivityCard key={activity._id} activity={activity} onOpen={() => Taro.navigateTo({ url: ACTIVITY_PAGES.detail(activity._id) })} />
        ))}
      </LoadState>
    </View>
  );
}
