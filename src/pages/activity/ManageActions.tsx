import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { Activity } from '../../../types/activity';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { InlineMessage } from '../../components/InlineMessage';
import { TextInputDialog } from '../../components/TextInputDialog';
import { call } from '../../gateway/cloud';
import { notifyActivityChanged } from '../../lib/activity-changed';
import { ACTIVITY_PAGES } from '../../lib/activity-routes';
import { messageOf } from '../../lib/cloud-message';

export interface ManageActionsProps {
  activity: Activity;
  /** The activity as the server answered after publishing, closing or cancelling it. */
  onChange: (activity: Activity) => void;
}

/** Organisers' tools on the detail page: 编辑, 发布, 截止报名, 取消活动, 报名名单. */
export function ManageActions({ activity, onChange }: ManageActionsProps) {
  const [problem, setProblem] = useState('');
  const [closing, setClosing] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const id = activity._id;
  const live = activity.status !== 'cancelled';

  const done = (next: Activity, title: string) => {
    onChange(next);
    notifyActivityChanged();
    void Taro.showToast({ title, icon: 'success' });
  };

  const publish = async () => {
    setPublishing(true);
    setProblem('');
    try {
      done(await call('activity.publish', { activityId: id }, { silent: true }), '已发布');
    } catch (e) {
      setProblem(messageOf(e, '发布失败，请稍后再试'));
    } finally {
      setPublishing(false);
    }
  };

  const close = async () => {
    setProblem('');
    try {
      done(await call('activity.close', { activityId: id }, { silent: true }), '已截止报名');
    } catch (e) {
      setProblem(messageOf(e, '操作失败，请稍后再试'));
    }
  };

  const cancel = async (reason: string): Promise<string | undefined> => {
    try {
      done(await call('activity.cancel', { activityId: id, reason }, { silent: true }), '活动已取消');
      setProblem('');
      return undefined;
    } catch (e) {
      return messageOf(e, '取消失败，请稍后再试');
    }
  };

  return (
    <>
      <View className="section-title">活动管理</View>
      <View className="card activity__manage">
        <InlineMessage text={problem} />
        <View className="activity__manage-row">
          {live && (
            <Button size="small" fill="outline" onClick={() => Taro.navigateTo({ url: ACTIVITY_PAGES.edit(id) })}>
              编辑
            </Button>
          )}
          {activity.status === 'draft' && (
            <Button size="small" type="primary" loading={publishing} disabled={publishing} onClick={publish}>
              发布
            </Button>
          )}
          {activity.status === 'published' && (
            <Button size="small" fill="outline" onClick={() => setClosing(true)}>
              截止报名
            </Button>
          )}
          {activity.status !== 'draft' && (
            <Button size="small" fill="outline" onClick={() => Taro.navigateTo({ url: ACTIVITY_PAGES.participants(id) })}>
              报名名单
            </Button>
          )}
          {live && (
            <Button size="small" type="danger" fill="outline" onClick={() => setCancelling(true)}>
              取消活动
            </Button>
          )}
        </View>
      </View>
      <ConfirmDialog
        visible={closing}
        title="截止报名"
        content="截止后会员不能再报名或取消报名。确定现在截止吗？"
        confirmText="截止报名"
        onConfirm={close}
        onClose={() => setClosing(false)}
      />
      <TextInputDialog
        visible={cancelling}
        title="取消活动"
        placeholder="取消原因，会告知已报名的会员"
        confirmText="取消活动"
        maxLength={200}
        emptyMessage="请填写取消原因"
        onSubmit={cancel}
        onClose={() => setCancelling(false)}
      />
    </>
  );
}
