import { View, Text, Image } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { InlineMessage } from '../../../components/InlineMessage';
import { LoadState } from '../../../components/LoadState';
import { call, CloudCallError } from '../../../gateway/cloud';
import { useAction } from '../../../hooks/useAction';
import { messageOf } from '../../../lib/cloud-message';

export interface CheckinPanelProps {
  activityId: string;
  /** After someone was checked in here: the list's counts reload. */
  onCheckedIn: () => void;
}

/** 签到码: the code members scan on the day, and 按工号签到 for those who cannot scan. */
export function CheckinPanel({ activityId, onCheckedIn }: CheckinPanelProps) {
  const code = useAction('activity.checkinCode', { activityId });
  const [staffNo, setStaffNo] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');
  const [notice, setNotice] = useState('');

  const checkIn = async () => {
    const memberId = staffNo.trim();
    if (!memberId) return setProblem('请填写会员的工号');
    setBusy(true);
    setProblem('');
    setNotice('');
    try {
      const done = await call('activity.checkInMember', { activityId, memberId }, { silent: true });
      setNotice(done.already ? `${done.memberName}已经签到过了` : `${done.memberName}签到成功`);
      setStaffNo('');
      onCheckedIn();
      void code.reload();
    } catch (e) {
      setProblem(e instanceof CloudCallError && e.code === 'NOT_SIGNED_UP' ? '这位会员没有确认报名这个活动' : messageOf(e, '签到失败，请稍后再试'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="card participants__checkin">
      <LoadState loading={code.loading && !code.data} error={code.error} onRetry={code.reload}>
        {code.data && (
          <>
            <Image className="participants__code" src={code.data.imageUrl} mode="aspectFit" showMenuByLongpress ariaLabel="签到码" />
            <Text className="participants__hint">
              活动开始前 2 小时至结束后 2 小时内，会员用微信扫码即可签到（扫码签到 {code.data.scanCount} 人）。
            </Text>
          </>
        )}
      </LoadState>
      <Input placeholder="按工号签到：会员工号" value={staffNo} maxLength={32} onChange={setStaffNo} />
      <InlineMessage text={problem} />
      <InlineMessage text={notice} tone="success" />
      <Button type="primary" block loading={busy} disabled={busy} onClick={checkIn}>
        按工号签到
      </Button>
    </View>
  );
}
