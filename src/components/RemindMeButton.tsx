import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { SUBSCRIPTION_TEMPLATES, type TemplateKey } from '../../types/subscriptions';
import { call, requestSubscribe } from '../gateway/cloud';
import './RemindMeButton.scss';

export interface RemindMeButtonProps {
  template: TemplateKey;
  /** What the member is looking at, for the ledger's report (not stored). */
  context: { kind: 'vote' | 'proposal' | 'suggestion' | 'notice'; id?: string };
  label: string;
}

/**
 * 提醒我: one tap asks WeChat for one more message of this kind (a one-time subscription allows
 * exactly one per consent), and tells the ledger what the member answered.
 */
export function RemindMeButton({ template, context, label }: RemindMeButtonProps) {
  const [answer, setAnswer] = useState<'accept' | 'other' | null>(null);
  const { id: templateId } = SUBSCRIPTION_TEMPLATES[template];

  const ask = async () => {
    // WeChat opens its sheet only inside the tap, before anything else asynchronous.
    const answers = await requestSubscribe([templateId]).catch(() => ({}) as Record<string, never>);
    const result = answers[templateId];
    if (!result) return void Taro.showToast({ title: '暂时无法订阅提醒，消息仍会出现在「消息」里', icon: 'none' });
    await call('subscription.report', { templateId, result, context }, { silent: true }).catch(() => undefined);
    setAnswer(result === 'accept' ? 'accept' : 'other');
    void Taro.showToast({ title: result === 'accept' ? '好的，到时会提醒你' : '不会通过微信提醒，消息仍会出现在「消息」里', icon: 'none' });
  };

  return (
    <View className="remind-me">
      <Text className="remind-me__button" onClick={ask}>
        {answer === 'accept' ? `已订阅 · 再订一次` : label}
      </Text>
    </View>
  );
}
