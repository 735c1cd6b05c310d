import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { ActivityDetail, MyStanding } from '../../../types/activity';
import { InlineMessage } from '../../components/InlineMessage';
import { emptySignupForm, SignupForm, type SignupFormValue } from '../../components/SignupForm';
import { call } from '../../gateway/cloud';
import { answerLines, answersProblem, answersToSend, companionsText, signUpResultText, standingText } from '../../lib/activity-format';
import { notifyActivityChanged } from '../../lib/activity-changed';
import { fullMessageOf } from '../../lib/cloud-message';
import { askReminderConsent, reportReminderConsent } from './reminder-consent';

export interface SignupSectionProps {
  detail: ActivityDetail;
  /** The page's data after a sign-up or a cancellation, worked out here without another call. */
  onChange: (next: ActivityDetail) => void;
}

/** Places a sign-up holds: the member and their companions. */
const seatsOf = (standing: Pick<MyStanding, 'companions'>) => 1 + standing.companions;

/** The member's own standing with its answers, or the sign-up form; 报名 and 取消报名. */
export function SignupSection({ detail, onChange }: SignupSectionProps) {
  const { activity, mine, canSignUp, canCancel } = detail;
  const [form, setForm] = useState<SignupFormValue>(() => emptySignupForm(activity.choices));
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');
  const holding = mine && mine.status !== 'cancelled';

  const signUp = async () => {
    const found = answersProblem(activity.choices, form.answers);
    if (found) return setProblem(found);
    // On the same tap, before any await (WeChat's rule); reported only if the sign-up goes through.
    const consent = askReminderConsent();
    setBusy(true);
    setProblem('');
    try {
      const answers = answersToSend(activity.choices, form.answers);
      const standing = await call('activity.signUp', { activityId: activity._id, companions: form.companions, answers }, { silent: true });
      const confirmed = standing.status === 'confirmed';
      onChange({
        ...detail,
        activity: { ...activity, taken: activity.taken + (confirmed ? seatsOf(standing) : 0), waiting: activity.waiting + (confirmed ? 0 : 1) },
        mine: { ...standing, answers },
        canSignUp: { ok: false, reason: '你已经报过名了' },
        canCancel: activity.cancelRule === 'untilDeadline' || !confirmed,
      });
      notifyActivityChanged('detail');
      void Taro.showToast({ title: signUpResultText(standing), icon: confirmed ? 'success' : 'none', duration: 2500 });
      void reportReminderConsent(consent, activity._id);
    } catch (e) {
      setProblem(fullMessageOf(e, '报名失败，请稍后再试'));
    } finally {
      setBusy(false);
    }
  };

  const cancel = async () => {
    if (!mine) return;
    // The system's own dialog: NutUI's Dialog would add its weight to the main package.
    const { confirm } = await Taro.showModal({
      title: '取消报名',
      content: mine.status === 'confirmed' && activity.waiting > 0 ? '取消后名额会让给候补的同事，确定取消吗？' : '确定取消报名吗？',
      confirmText: '取消报名',
      cancelText: '再想想',
    });
    if (!confirm) return;
    setProblem('');
    try {
      const standing = await call('activity.cancelSignup', { activityId: activity._id }, { silent: true });
      const wasConfirmed = mine.status === 'confirmed';
      onChange({
        ...detail,
        activity: { ...activity, taken: Math.max(0, activity.taken - (wasConfirmed ? seatsOf(mine) : 0)), waiting: Math.max(0, activity.waiting - (wasConfirmed ? 0 : 1)) },
        mine: { ...standing, answers: mine.answers },
        canSignUp: activity.status === 'published' && Date.now() < activity.signupDeadline ? { ok: true } : canSignUp,
        canCancel: false,
      });
      setForm(emptySignupForm(activity.choices));
      notifyActivityChanged('detail');
      void Taro.showToast({ title: '已取消报名', icon: 'success' });
    } catch (e) {
      setProblem(fullMessageOf(e, '取消失败，请稍后再试'));
    }
  };

  return (
    <>
      <View className="section-title">我的报名</View>
      <View className="card activity__signup">
        {holding ? (
          <View className="activity__mine">
            <Text className={`activity__standing activity__standing--${mine.status}`}>{standingText(mine)}</Text>
            {mine.companions > 0 && <Text className="activity__line">{companionsText(mine.companions)}</Text>}
            {answerLines(activity.choices, mine.answers).map((line) => (
              <Text key={line.question} className="activity__line">
                {line.question}：{line.answer}
              </Text>
            ))}
            {mine.status === 'waitlisted' && <Text className="activity__hint">有人取消时会按顺序自动递补，递补后会通知你。</Text>}
          </View>
        ) : (
          <>
            {mine?.status === 'cancelled' && <Text className="activity__hint">你已取消过报名。</Text>}
            {canSignUp.ok ? (
              <SignupForm choices={activity.choices} companionsMax={activity.companionsMax} value={form} onChange={setForm} disabled={busy} />
            ) : (
              <Text className="activity__hint">{canSignUp.reason}</Text>
            )}
          </>
        )}
        <InlineMessage text={problem} />
        {!holding && canSignUp.ok && (
          <Button type="primary" block loading={busy} disabled={busy} onClick={signUp}>
            报名
          </Button>
        )}
        {holding && canCancel && (
          <Button type="danger" fill="outline" block onClick={cancel}>
            取消报名
          </Button>
        )}
        {holding && !canCancel && <Text className="activity__hint">这个活动现在不能自行取消报名，如有特殊情况请联系组织者。</Text>}
      </View>
    </>
  );
}
