import { View } from '@tarojs/components';
import { useRouter, useShareAppMessage } from '@tarojs/taro';
import { LoadState } from '../../components/LoadState';
import { TeamSection } from '../../components/TeamSection';
import { useAction } from '../../hooks/useAction';
import { useActivityChanged } from '../../lib/activity-changed';
import { ACTIVITY_PAGES } from '../../lib/activity-routes';
import { ActivityFacts } from './ActivityFacts';
import { ManageActions } from './ManageActions';
import { SignupSection } from './SignupSection';
import './index.scss';

/** One activity: its details, the member's sign-up form or standing, and organisers' tools. */
export default function ActivityPage() {
  const router = useRouter();
  const activityId = decodeURIComponent(router?.params?.id ?? '');
  const detail = useAction('activity.get', { activityId });
  const data = detail.data;

  // An organiser edited it, or a sign-up changed elsewhere.
  useActivityChanged(() => void detail.reload(), 'detail');
  useShareAppMessage(() => ({ title: data?.activity.title ?? '教工之家活动', path: ACTIVITY_PAGES.detail(activityId) }));

  return (
    <View className="page activity">
      <LoadState loading={detail.loading && !data} error={detail.error} onRetry={detail.reload}>
        {data && (
          <>
            <ActivityFacts activity={data.activity} />
            {data.activity.status !== 'draft' &&
              (data.teamBoard ? (
                <TeamSection board={data.teamBoard} onChange={(teamBoard) => detail.setData({ ...data, teamBoard })} />
              ) : (
                <SignupSection key={data.activity.updatedAt} detail={data} onChange={detail.setData} />
              ))}
            {data.canManage && <ManageActions activity={data.activity} onChange={(activity) => detail.setData({ ...data, activity })} />}
          </>
        )}
      </LoadState>
    </View>
  );
}
