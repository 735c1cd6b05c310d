import { View, Text } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { InlineMessage } from '../../../components/InlineMessage';
import { LoadState } from '../../../components/LoadState';
import { useAction } from '../../../hooks/useAction';
import { useMonthChanged } from '../../../lib/month-routes';
import { formatDateTime } from '../../../lib/time';
import { noticeState } from '../../notice/lib/notice-view';
import { readLine, readPercent, readRate, remindersText } from '../lib/readers';
import { RemindButton } from './RemindButton';
import { UnreadList } from './UnreadList';
import './index.scss';

/**
 * 阅读情况: how many of the audience have read a notice, who has not (by group), and 提醒未读.
 * Organisers see the whole audience; a group leader sees their own group's part. One call.
 */
export default function ReadersPage() {
  const noticeId = decodeURIComponent(useRouter()?.params?.id ?? '');
  const state = useAction('notice.readers', { noticeId });
  const data = state.data;
  useMonthChanged(() => void state.reload());
  usePullDownRefresh(() => {
    void state.reload().finally(() => Taro.stopPullDownRefresh());
  });
  const visible = data ? noticeState({ status: data.notice.status, visibleAt: data.notice.visibleAt }) === 'published' : false;

  return (
    <View className="page readers">
      <LoadState loading={state.loading && !data} error={state.error} onRetry={state.reload}>
        {data && (
          <>
            <View className="card readers__head">
              <Text className="readers__title">{data.notice.title}</Text>
              {data.notice.visibleAt && visible && <Text className="readers__hint">{formatDateTime(data.notice.visibleAt)} 发布</Text>}
              <Text className="readers__figures">
                {readLine(data.readCount, data.audienceSize)}（{readRate(data.readCount, data.audienceSize)}）
              </Text>
              <View className="readers__bar" role="progressbar" aria-label="已读比例" aria-valuemin={0} aria-valuemax={data.audienceSize} aria-valuenow={data.readCount}>
                <View className="readers__fill" style={{ width: `${readPercent(data.readCount, data.audienceSize)}%` }} />
              </View>
              <Text className="readers__hint">{remindersText(data.reminders)}</Text>
            </View>
            {data.scope === 'group' && <InlineMessage tone="info" text="你是工会小组长，这里只显示本小组的阅读情况。" />}
            {!visible && <InlineMessage tone="info" text="通知还没有发布（或还没到定时发布的时间），大家还看不到它，发布后才能统计阅读情况。" />}

            {visible && data.unread.length > 0 && <RemindButton noticeId={noticeId} unreadCount={data.unread.length} onReminded={() => void state.reload()} />}

            <View className="section-title">还没读（{data.unread.length} 人）</View>
            <LoadState loading={false} empty={data.unread.length === 0} emptyText={data.scope === 'group' ? '本组的人都读过了' : '大家都读过了'} onRetry={state.reload}>
              <UnreadList unread={data.unread} />
            </LoadState>
          </>
        )}
      </LoadState>
    </View>
  );
}
