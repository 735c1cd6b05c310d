import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Input } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { Activity } from '../../../types/activity';
import { InlineMessage } from '../../components/InlineMessage';
import { TEAM_PAGES } from '../../components/TeamSection';
import { call } from '../../gateway/cloud';
import { notifyActivityChanged } from '../../lib/activity-changed';
import { ACTIVITY_PAGES } from '../../lib/activity-routes';
import { messageOf } from '../../lib/cloud-message';

export interface ManageActionsProps {
  activity: Activity;
  /** The activity as the server answered after publishing, closing or cancelling it. */
  onChange: (activity: Activity) => void;
}

/**
 * Organisers' tools on the detail page: 编辑, 发布, 截止报名, 取消活动, 报名名单. This page is in the
 * main package, so it asks with the system's dialog and takes the cancel reason in a small inline
 * form rather than with NutUI's Dialog (whose weight the main package cannot afford).
 */
export function ManageActions({ activity, onChange }: ManageActionsProps) {
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  const id = activity._id;
  const live = activity.status !== 'cancelled';

  /** Runs one organiser action; shows the server's refusal beside the buttons. */
  const run = async (action: () => Promise<Activity>, done: string, fallback: string): Promise<boolean> => {
    setBusy(true);
    setProblem('');
    try {
      onChange(await action());
      notifyActivityChanged('detail');
      void Taro.showToast({ title: done, icon: 'success' });
      return true;
    } catch (e) {
      setProblem(messageOf(e, fallback));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const publish = () => run(() => call('activity.publish', { activityId: id }, { silent: true }), '已发布', '发布失败，请稍后再试');

  const close = async () => {
    const { confirm } = await Taro.showModal({ title: '截止报名', content: '截止后会员不能再报名或取消报名。确定现在截止吗？', confirmText: '截止报名', cancelText: '再想想' });
    if (confirm) await run(() => call('activity.close', { activityId: id }, { silent: true }), '已截止报名', '操作失败，请稍后再试');
  };

  const cancel = async () => {
    const text = reason.trim();
    if (!text) return setProblem('请填写取消原因');
    if (await run(() => call('activity.cancel', { activityId: id, reason: text }, { silent: true }), '活动已取消', '取消失败，请稍后再试')) {
      setCancelling(false);
      setReason('');
    }
  };

  return (
    <>
      <View className="section-title">活动管理</View>
      <View className="card activity__manage">
        <View className="activity__manage-row">
          {live && (
            <Button size="small" fill="outline" onClick={() => Taro.navigateTo({ url: ACTIVITY_PAGES.edit(id) })}>
              编辑
            </Button>
          )}
          {activity.status === 'draft' && (
            <Button size="small" type="primary" loading={busy} disabled={busy} onClick={publish}>
              发布
            </Button>
          )}
          {activity.status === 'published' && (
            <Button size="small" fill="outline" disabled={busy} onClick={close}>
              截止报名
            </Button>
          )}
          {activity.status !== 'draft' && (
            <Button size="small" fill="outline" onClick={() => Taro.navigateTo({ url: ACTIVITY_PAGES.participants(id) })}>
              报名名单
            </Button>
          )}
          {activity.teams && (
            <Button size="small" fill="outline" onClick={() => Taro.navigateTo({ url: TEAM_PAGES.teams(id) })}>
              球队名单
            </Button>
          )}
          {live && !cancelling && (
            <Button size="small" type="danger" fill="outline" onClick={() => setCancelling(true)}>
              取消活动
            </Button>
          )}
        </View>
        {cancelling && (
          <View className="activity__cancel-form">
            <Text className="activity__hint">取消后已报名的会员会收到通知。请写明原因：</Text>
            <Input placeholder="取消原因，例如 天气原因改期" value={reason} maxLength={200} onChange={setReason} />
            <View className="activity__manage-row">
              <Button size="small" type="danger" loading={busy} disabled={busy} onClick={cancel}>
                确认取消活动
              </Button>
              <Button size="small" fill="none" onClick={() => { setCancelling(false); setProblem(''); }}>
                先不取消
              </Button>
            </View>
          </View>
        )}
        <InlineMessage text={problem} />
      </View>
    </>
  );
}
