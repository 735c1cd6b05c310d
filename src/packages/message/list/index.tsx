import { View, Text } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { MessageView } from '../../../../types/message';
import { LoadState } from '../../../components/LoadState';
import { call } from '../../../gateway/cloud';
import { useAction } from '../../../hooks/useAction';
import { MESSAGE_PAGES, notifyMonthChanged } from '../../../lib/month-routes';
import { formatDateTime } from '../../../lib/time';
import { deliveryText, KIND_LABELS, messageTarget } from '../lib/messages';
import '../message.scss';

/** 消息: every reminder the member was sent, newest first, also those WeChat could not deliver. */
export default function MessageListPage() {
  const state = useAction('message.list', {});
  const [working, setWorking] = useState(false);
  usePullDownRefresh(() => {
    void state.reload().finally(() => Taro.stopPullDownRefresh());
  });

  const messages = [...(state.data?.messages ?? [])].sort((a, b) => b.createdAt - a.createdAt);
  const unread = state.data?.unread ?? 0;

  const open = (message: MessageView) => {
    if (!message.read && state.data) {
      state.setData({ messages: state.data.messages.map((m) => (m._id === message._id ? { ...m, read: true } : m)), unread: Math.max(0, unread - 1) });
      call('message.read', { messageId: message._id }, { silent: true })
        .then(() => notifyMonthChanged())
        .catch(() => undefined); // still unread on the server: it shows again on the next load
    }
    const target = messageTarget(message.page);
    if (target?.tab) void Taro.switchTab({ url: target.url });
    else if (target) void Taro.navigateTo({ url: target.url });
  };

  const readAll = async () => {
    if (!state.data) return;
    setWorking(true);
    try {
      const result = await call('message.read', {});
      state.setData({ messages: state.data.messages.map((m) => ({ ...m, read: true })), unread: result.unread });
      void Taro.showToast({ title: '已全部标为已读', icon: 'success' });
      notifyMonthChanged();
    } catch {
      // The gateway has said what went wrong.
    } finally {
      setWorking(false);
    }
  };

  return (
    <View className="page message">
      <View className="card message__head">
        <Text className="message__count">{unread > 0 ? `${unread} 条未读` : '没有未读消息'}</Text>
        <View className="message__head-actions">
          <Button size="small" fill="outline" disabled={unread === 0 || working || !state.data} loading={working} onClick={readAll}>
            全部已读
          </Button>
          <Text className="message__link" onClick={() => void Taro.navigateTo({ url: MESSAGE_PAGES.settings })}>
            提醒设置
          </Text>
        </View>
      </View>
      <LoadState loading={state.loading && !state.data} error={state.error} onRetry={state.reload} empty={messages.length === 0} emptyText="暂无消息">
        {messages.map((m) => (
          <View key={m._id} className={`card message__item${m.read ? '' : ' message__item--unread'}`} role="button" aria-label={m.title} onClick={() => open(m)}>
            <View className="message__item-head">
              {!m.read && <View className="message__dot" />}
              <Text className="message__title">{m.title}</Text>
              {!m.read && <Text className="message__unread">未读</Text>}
            </View>
            {m.body && <Text className="message__body">{m.body}</Text>}
            <Text className="message__meta">
              {KIND_LABELS[m.kind]} · {formatDateTime(m.createdAt)}
            </Text>
            <Text className={`message__delivery${m.byWechat ? ' message__delivery--wechat' : ''}`}>{deliveryText(m.byWechat)}</Text>
          </View>
        ))}
      </LoadState>
      <Text className="message__note">没有通过微信送达的提醒也都留在这里。想在微信里收到提醒，请到「提醒设置」里接收。</Text>
    </View>
  );
}
