import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { InlineMessage } from '../../../components/InlineMessage';
import { call } from '../../../gateway/cloud';
import { messageOf } from '../../../lib/cloud-message';
import { remindQuestion, remindResultText } from '../lib/readers';

export interface RemindButtonProps {
  noticeId: string;
  unreadCount: number;
  /** A reminder went out: the figures (reminders so far) are loaded again. */
  onReminded: () => void;
}

/** 提醒未读: asked first; at most once a day (the cloud keeps count); says how it went. */
export function RemindButton({ noticeId, unreadCount, onReminded }: RemindButtonProps) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');
  const [done, setDone] = useState<{ text: string; tone: 'success' | 'info' } | null>(null);

  const remind = async () => {
    const { confirm } = await Taro.showModal({ title: '提醒未读', content: remindQuestion(unreadCount), confirmText: '发提醒', cancelText: '再想想' });
    if (!confirm) return;
    setBusy(true);
    setProblem('');
    setDone(null);
    try {
      const result = await call('notice.remindUnread', { noticeId }, { silent: true });
      const text = remindResultText(result);
      setDone({ text, tone: result.reminded > 0 ? 'success' : 'info' });
      // icon 'none': WeChat cuts a toast with an icon to seven characters.
      void Taro.showToast({ title: text, icon: 'none', duration: 3000 });
      if (result.reminded > 0) onReminded();
    } catch (e) {
      setProblem(messageOf(e, '提醒没有发出去，请稍后再试'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="readers__remind">
      <Button type="primary" block loading={busy} disabled={busy} onClick={remind}>
        提醒未读
      </Button>
      <InlineMessage text={done?.text} tone={done?.tone} />
      <InlineMessage text={problem} />
    </View>
  );
}
RemindButton.displayName = 'RemindButton';
