import { View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { ActivityCard } from '../../components/ActivityCard';
import { LoadState } from '../../components/LoadState';
import { useAction } from '../../hooks/useAction';
import { splitByTime } from '../../lib/activity-format';
import { useActivityChanged } from '../../lib/activity-changed';
import { ACTIVITY_PAGES } from '../../lib/activity-routes';

/** 我的报名: every activity the member signed up for, upcoming first, then past, each with its standing. */
export default function MyActivitiesPage() {
  const mine = useAction('activity.mine', {});
  useActivityChanged(() => void mine.reload());
  usePullDownRefresh(() => {
    void mine.reload().finally(() => Taro.stopPullDownRefresh());
  });

  const { upcoming, past } = splitByTime(mine.data ?? [], Date.now());
  const open = (id: string) => Taro.navigateTo({ url: ACTIVITY_PAGES.detail(id) });
  const browse = (
    <Button type="primary" size="small" onClick={() => Taro.switchTab({ url: ACTIVITY_PAGES.list })}>
      去看看活动
    </Button>
  );

  return (
    <View className="page my-activities">
      <LoadState
        loading={mine.loading && !mine.data}
        error={mine.error}
        onRetry={mine.reload}
        empty={upcoming.length + past.length === 0}
        emptyText="你还没有报名活动"
        emptyAction={browse}
      >
        {upcoming.length > 0 && <View className="section-title">即将开始</View>}
        {upcoming.map((activity) => (
          <ActivityCard key={activity._id} activity={activity} onOpen={() => open(activity._id)} />
        ))}
        {past.length > 0 && <View className="section-title">已结束</View>}
        {past.map((activity) => (
          <ActivityCard key={activity._id} activity={activity} onOpen={() => open(activity._id)} />
        ))}
      </LoadState>
    </View>
  );
}
