import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { SUBSCRIPTION_TEMPLATES, type TemplateKey } from '../../../../types/subscriptions';
import { InlineMessage } from '../../../components/InlineMessage';
import { LoadState } from '../../../components/LoadState';
import { call, requestSubscribe, type SubscribeAnswers } from '../../../gateway/cloud';
import { useAction } from '../../../hooks/useAction';
import { messageOf } from '../../../lib/cloud-message';
import { TEMPLATE_USES } from '../lib/messages';
import '../message.scss';

interface Outcome {
  key: TemplateKey;
  tone: 'success' | 'info' | 'error';
  text: string;
}

/** 提醒设置: how many reminders of each kind are in hand, and a way to receive one more. */
export default function ReminderSettingsPage() {
  const state = useAction('subscription.status', {});
  const [asking, setAsking] = useState<TemplateKey | ''>('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const rows = (state.data ?? []).filter((row) => row.key in SUBSCRIPTION_TEMPLATES);

  const ask = (key: TemplateKey) => {
    const { id, title } = SUBSCRIPTION_TEMPLATES[key];
    // WeChat opens its sheet only inside the tap, before anything asynchronous: ask first.
    let answers: Promise<SubscribeAnswers>;
    try {
      answers = requestSubscribe([id]);
    } catch {
      answers = Promise.resolve({});
    }
    setAsking(key);
    setOutcome(null);
    void (async () => {
      try {
        const result = (await answers.catch((): SubscribeAnswers => ({})))[id];
        if (!result) {
          setOutcome({ key, tone: 'info', text: '这次没能打开微信的提醒窗口，请稍后再试' });
          return;
        }
        await call('subscription.report', { templateId: id, result, context: { kind: 'settings' } }, { silent: true });
        if (result === 'accept') {
          setOutcome({ key, tone: 'success', text: `已接收，可以多收到 1 条「${title}」` });
          void Taro.showToast({ title: '已接收', icon: 'success' });
        } else if (result === 'reject') {
          setOutcome({ key, tone: 'info', text: '这次没有同意，不会多收到提醒' });
        } else {
          setOutcome({ key, tone: 'info', text: '微信里关掉了这类提醒：可以在小程序右上角「…」→「设置」里打开，再回来接收' });
        }
        void state.reload();
      } catch (e) {
        setOutcome({ key, tone: 'error', text: messageOf(e, '没有记下来，请稍后再试') });
      } finally {
        setAsking('');
      }
    })();
  };

  return (
    <View className="page message">
      <View className="card message__explain">
        <Text className="message__explain-title">微信提醒是怎么回事</Text>
        <Text className="message__explain-text">微信规定每次同意只能收到一条提醒；同意几次，就能收到几条。</Text>
        <Text className="message__explain-text">下面的数字是你还能收到几条。用完了也不要紧：所有提醒都会留在小程序的「消息」里。</Text>
      </View>
      <LoadState loading={state.loading && !state.data} error={state.error} onRetry={state.reload} empty={rows.length === 0} emptyText="暂时没有可以接收的提醒">
        {rows.map((row) => {
          const title = SUBSCRIPTION_TEMPLATES[row.key].title;
          return (
            <View key={row.key} className="card message__template" aria-label={title}>
              <View className="message__item-head">
                <Text className="message__title">{title}</Text>
                <Text className="message__credits">{row.credits > 0 ? `还能收到 ${row.credits} 条` : '现在收不到微信提醒'}</Text>
              </View>
              <Text className="message__body">{TEMPLATE_USES[row.key]}</Text>
              <Button type="primary" fill="outline" size="small" loading={asking === row.key} disabled={asking !== ''} onClick={() => ask(row.key)}>
                {`接收一次「${title}」`}
              </Button>
              {outcome?.key === row.key && <InlineMessage tone={outcome.tone} text={outcome.text} />}
            </View>
          );
        })}
      </LoadState>
    </View>
  );
}
