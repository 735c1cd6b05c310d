import { View, Text } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { Activity, ActivityDraft } from '../../../../types/activity';
import { InlineMessage } from '../../../components/InlineMessage';
import { LoadState } from '../../../components/LoadState';
import { call } from '../../../gateway/cloud';
import { useAction } from '../../../hooks/useAction';
import { notifyActivityChanged } from '../../../lib/activity-changed';
import { ACTIVITY_PAGES } from '../../../lib/activity-routes';
import { messageOf } from '../../../lib/cloud-message';
import { blankForm, formOf } from '../lib/draft-form';
import { ActivityForm } from './ActivityForm';
import './index.scss';

/** After creating: the draft is saved; offer to publish it right away. */
function Created({ activity }: { activity: Activity }) {
  const [current, setCurrent] = useState(activity);
  const [publishing, setPublishing] = useState(false);
  const [problem, setProblem] = useState('');

  const publish = async () => {
    setPublishing(true);
    setProblem('');
    try {
      setCurrent(await call('activity.publish', { activityId: activity._id }, { silent: true }));
      notifyActivityChanged('organiser');
      void Taro.showToast({ title: '已发布', icon: 'success' });
    } catch (e) {
      setProblem(messageOf(e, '发布失败，请稍后再试'));
    } finally {
      setPublishing(false);
    }
  };

  const published = current.status === 'published';
  return (
    <View className="card edit__created">
      <Text className="edit__created-title">{published ? '活动已发布' : '已保存为草稿'}</Text>
      <Text className="edit__hint">{published ? `会员现在可以在「活动」页看到「${current.title}」并报名。` : `「${current.title}」还是草稿，会员看不到。现在发布吗？`}</Text>
      <InlineMessage text={problem} />
      {!published && (
        <Button type="primary" block loading={publishing} disabled={publishing} onClick={publish}>
          发布
        </Button>
      )}
      <Button block fill="outline" onClick={() => Taro.redirectTo({ url: ACTIVITY_PAGES.detail(current._id) })}>
        查看活动
      </Button>
    </View>
  );
}

function CreateActivity() {
  const [created, setCreated] = useState<Activity | null>(null);
  const create = async (draft: ActivityDraft): Promise<string | undefined> => {
    try {
      setCreated(await call('activity.create', { draft }, { silent: true }));
      notifyActivityChanged('organiser');
      void Taro.showToast({ title: '已保存', icon: 'success' });
      return undefined;
    } catch (e) {
      return messageOf(e, '保存失败，请稍后再试');
    }
  };
  if (created) return <Created activity={created} />;
  return <ActivityForm initial={blankForm()} saveText="保存为草稿" onSave={create} />;
}

function EditActivity({ activityId }: { activityId: string }) {
  // One call: the activity as `activity.get` answers it is the form's starting point.
  const detail = useAction('activity.get', { activityId });
  const activity = detail.data?.activity;

  const update = async (draft: ActivityDraft): Promise<string | undefined> => {
    try {
      await call('activity.update', { activityId, draft }, { silent: true });
      notifyActivityChanged('organiser');
      void Taro.showToast({ title: '已保存', icon: 'success' });
      setTimeout(() => void Taro.navigateBack(), 600);
      return undefined;
    } catch (e) {
      // CAPACITY_BELOW_TAKEN, CHOICE_IN_USE, ACTIVITY_NOT_EDITABLE: the server's own words.
      return messageOf(e, '保存失败，请稍后再试');
    }
  };

  return (
    <LoadState loading={detail.loading && !activity} error={detail.error} onRetry={detail.reload}>
      {activity && <ActivityForm key={activity.updatedAt} initial={formOf(activity)} initialTeams={activity.teams} saveText="保存修改" onSave={update} />}
    </LoadState>
  );
}

/** Create an activity (no id) or edit one (`?id=`). */
export default function EditActivityPage() {
  const id = decodeURIComponent(useRouter()?.params?.id ?? '');
  return <View className="page">{id ? <EditActivity activityId={id} /> : <CreateActivity />}</View>;
}
