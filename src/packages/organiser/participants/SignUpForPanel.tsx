import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Input } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { Choice } from '../../../../types/activity';
import { InlineMessage } from '../../../components/InlineMessage';
import { emptySignupForm, SignupForm, type SignupFormValue } from '../../../components/SignupForm';
import { call } from '../../../gateway/cloud';
import { answersProblem, answersToSend, signUpResultText } from '../../../lib/activity-format';
import { notifyActivityChanged } from '../../../lib/activity-changed';
import { fullMessageOf } from '../../../lib/cloud-message';

export interface SignUpForPanelProps {
  activityId: string;
  choices: readonly Choice[];
  /** After a member was signed up: the list reloads. */
  onDone: () => void;
}

/**
 * 代报名: a group leader or an organiser signs a member up by 工号. The form asks the activity's
 * questions too (required ones included), exactly as the member's own form does.
 */
export function SignUpForPanel({ activityId, choices, onDone }: SignUpForPanelProps) {
  const [staffNo, setStaffNo] = useState('');
  const [form, setForm] = useState<SignupFormValue>(() => emptySignupForm(choices));
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');

  const submit = async () => {
    const memberId = staffNo.trim();
    const found = memberId ? answersProblem(choices, form.answers) : '请填写会员的工号';
    if (found) return setProblem(found);
    setBusy(true);
    setProblem('');
    try {
      const standing = await call(
        'activity.signUpFor',
        { activityId, memberId, companions: form.companions, answers: answersToSend(choices, form.answers) },
        { silent: true },
      );
      void Taro.showToast({ title: signUpResultText(standing), icon: standing.status === 'confirmed' ? 'success' : 'none', duration: 2500 });
      setStaffNo('');
      setForm(emptySignupForm(choices));
      notifyActivityChanged('organiser');
      onDone();
    } catch (e) {
      setProblem(fullMessageOf(e, '代报名失败，请稍后再试'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="card participants__signup-for">
      <Text className="participants__hint">为会员代报名：填写工号，再替他/她回答报名问题。小组长只能为本小组的会员代报名。</Text>
      <Input placeholder="会员工号" value={staffNo} maxLength={32} onChange={setStaffNo} />
      {/* `activity.participants` does not say how many companions the activity allows: the stepper
          goes to the schema's limit and the cloud refuses more than the activity's (COMPANIONS_NOT_ALLOWED). */}
      <SignupForm choices={choices} companionsMax={10} companionsHint="以活动的限制为准，计入名额" value={form} onChange={setForm} disabled={busy} />
      <InlineMessage text={problem} />
      <Button type="primary" block loading={busy} disabled={busy} onClick={submit}>
        代报名
      </Button>
    </View>
  );
}
