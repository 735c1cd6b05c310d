import { View, Text } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { LoadState } from '../../../components/LoadState';
import { useAction } from '../../../hooks/useAction';
import { formatDateTime } from '../../../lib/time';
import { KIND_LABELS } from '../lib/messages';
import '../message.scss';

/** 提醒记录 (chair, committee): how each recent reminder went out, by WeChat or in the app only. */
export default function DeliveriesPage() {
  const state = useAction('reminder.summary', {});
  usePullDownRefresh(() => {
    void state.reload().finally(() => Taro.stopPullDownRefresh());
  });
  const tallies = state.data ?? [];

  return (
    <View className="page message">
      <View className="card message__explain">
        <Text className="message__explain-text">微信送达：会员事先同意过，提醒发到了微信里。仅站内：没有可用的同意，提醒只在小程序的「消息」里。被拒：微信拒收（会员关掉了这类提醒），也算在仅站内里。</Text>
      </View>
      <LoadState loading={state.loading && !state.data} error={state.error} onRetry={state.reload} empty={tallies.length === 0} emptyText="还没有发出过提醒">
        {tallies.map((t) => (
          <View key={t.reason} className="card message__item" aria-label={t.title}>
            <Text className="message__title">{t.title}</Text>
            <Text className="message__meta">
              {KIND_LABELS[t.kind]} · {formatDateTime(t.createdAt)}
            </Text>
            <View className="message__tally">
              <Text className="message__tally-cell message__tally-cell--wechat">微信送达 {t.wechat} 人</Text>
              <Text className="message__tally-cell">仅站内 {t.inAppOnly} 人</Text>
              <Text className="message__tally-cell">被拒 {t.refused} 人</Text>
            </View>
          </View>
        ))}
      </LoadState>
    </View>
  );
}
