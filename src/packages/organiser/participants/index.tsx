import { View, Text } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { ParticipantRow } from '../../../../types/activity';
import { InlineMessage } from '../../../components/InlineMessage';
import { LoadState } from '../../../components/LoadState';
import { StatBar } from '../../../components/StatBar';
import { TextInputDialog } from '../../../components/TextInputDialog';
import { call } from '../../../gateway/cloud';
import { useAction } from '../../../hooks/useAction';
import { notifyActivityChanged } from '../../../lib/activity-changed';
import { messageOf } from '../../../lib/cloud-message';
import { CheckinPanel } from './CheckinPanel';
import { ExportFileButton } from '../../../components/ExportFileButton';
import { ParticipantItem } from './ParticipantItem';
import { SignUpForPanel } from './SignUpForPanel';
import './index.scss';

/** Who signed up and who waits, with companions and answers; 移出 (organisers) and 代报名. */
export default function ParticipantsPage() {
  const activityId = decodeURIComponent(useRouter()?.params?.id ?? '');
  const list = useAction('activity.participants', { activityId });
  const [removing, setRemoving] = useState<ParticipantRow | null>(null);
  const [signingUpFor, setSigningUpFor] = useState(false);
  const [showCode, setShowCode] = useState(false);
  const [notice, setNotice] = useState('');
  const data = list.data;
  // Group leaders see their own group (scope 'group') and may not remove anyone.
  const organiser = data?.scope === 'all';
  const checkedIn = data ? data.confirmed.filter((row) => row.checkedInAt).length : 0;

  const remove = async (reason: string): Promise<string | undefined> => {
    if (!removing) return undefined;
    try {
      await call('activity.removeSignup', { activityId, memberId: removing.memberId, reason }, { silent: true });
      setNotice(`已将${removing.memberName}移出，系统会告知本人。`);
      void Taro.showToast({ title: '已移出', icon: 'success' });
      notifyActivityChanged('organiser');
      void list.reload();
      return undefined;
    } catch (e) {
      return messageOf(e, '移出失败，请稍后再试');
    }
  };

  return (
    <View className="page participants">
      <LoadState loading={list.loading && !data} error={list.error} onRetry={list.reload}>
        {data && (
          <>
            <View className="card participants__head">
              <Text className="participants__title">{data.activity.title}</Text>
              <Text className="participants__hint">
                {data.activity.capacity === null ? '不限名额' : `名额 ${data.activity.capacity} 个（含家属）`}
                {data.scope === 'group' ? ' · 只显示本小组的会员' : ''}
              </Text>
              <StatBar
                stats={[
                  { label: '已占名额', value: data.activity.taken },
                  { label: '已报名', value: data.confirmed.length },
                  { label: '候补', value: data.activity.waiting, tone: data.activity.waiting > 0 ? 'warning' : 'normal' },
                ]}
              />
            </View>
            <View className="card participants__head">
              <StatBar
                stats={[
                  { label: '已签到', value: checkedIn },
                  { label: '未签到', value: data.confirmed.length - checkedIn, tone: 'normal' },
                ]}
              />
              <Button size="small" fill="outline" loading={list.loading} onClick={() => void list.reload()}>
                刷新签到人数
              </Button>
            </View>
            <InlineMessage text={notice} tone="success" />
            {organiser && (
              <>
                <ExportFileButton className="participants__toggle" label="导出名单" exportFile={() => call('activity.export', { activityId }, { silent: true })} />
                {data.activity.status !== 'cancelled' && (
                  <Button className="participants__toggle" fill="outline" block onClick={() => setShowCode(!showCode)}>
                    {showCode ? '收起签到码' : '签到码'}
                  </Button>
                )}
                {showCode && <CheckinPanel activityId={activityId} onCheckedIn={() => void list.reload()} />}
              </>
            )}
            {(data.activity.status === 'published' || organiser) && data.activity.status !== 'cancelled' && (
              <Button className="participants__toggle" fill="outline" block onClick={() => setSigningUpFor(!signingUpFor)}>
                {signingUpFor ? '收起代报名' : '代报名'}
              </Button>
            )}
            {signingUpFor && <SignUpForPanel activityId={activityId} choices={data.activity.choices} onDone={() => void list.reload()} />}

            <View className="section-title">已报名（{data.confirmed.length} 人）</View>
            <View className="card participants__list">
              {data.confirmed.length === 0 && <Text className="participants__hint">还没有人报名。</Text>}
              {data.confirmed.map((row) => (
                <ParticipantItem key={row.memberId} row={row} choices={data.activity.choices} onRemove={organiser ? () => setRemoving(row) : undefined} />
              ))}
            </View>

            <View className="section-title">候补（{data.waitlist.length} 人，按报名先后递补）</View>
            <View className="card participants__list">
              {data.waitlist.length === 0 && <Text className="participants__hint">没有人在候补。</Text>}
              {data.waitlist.map((row) => (
                <ParticipantItem key={row.memberId} row={row} choices={data.activity.choices} onRemove={organiser ? () => setRemoving(row) : undefined} />
              ))}
            </View>
          </>
        )}
      </LoadState>
      <TextInputDialog
        visible={removing !== null}
        title={removing ? `移出${removing.memberName}` : '移出'}
        placeholder="移出原因，会告知本人"
        confirmText="移出"
        maxLength={200}
        emptyMessage="请填写移出原因"
        onSubmit={remove}
        onClose={() => setRemoving(null)}
      />
    </View>
  );
}
