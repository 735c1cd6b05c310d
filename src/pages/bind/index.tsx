import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Input, Radio } from '@nutui/nutui-react-taro';
import { useEffect, useState } from 'react';
import type { Gender } from '../../../types/fields';
import { agreePrivacy, call, CloudCallError, type PhoneAnswer } from '../../gateway/cloud';
import { useAction } from '../../hooks/useAction';
import { LoadState } from '../../components/LoadState';
import { PhoneBindButton } from './PhoneBindButton';
import './index.scss';

type Mode = 'phone' | 'code' | 'setup';

/** Why there is no phone number, in the person's words. */
const PHONE_REFUSALS: Record<Exclude<PhoneAnswer, { code: string }>['refused'], string> = {
  privacy: '你还没有同意《教工之家用户隐私保护指引》，微信不允许我们读取手机号。可以点下面的「查看并同意」，或改用绑定码绑定。',
  user: '你没有允许使用手机号。可以再点一次，或改用绑定码绑定。',
  failed: '没能从微信取得手机号，请稍后再试，或改用绑定码绑定。',
};

const INTRO: Record<Mode, string> = {
  phone: '用你微信绑定的手机号核对工会名册。号码只用来核对，不会另外保存。',
  code: '请输入名册里的姓名，和工会主席或小组长给你的 6 位绑定码（7 天内有效，可试 5 次）。换了手机号的会员也用这种方式重新绑定。',
  setup: '第一次使用时，由工会主席输入自己的姓名、工号和部署时设置的初始化口令，成为本小程序的主席账号。',
};

export default function Bind() {
  const me = useAction('me.get', {});
  const [mode, setMode] = useState<Mode>('phone');
  const [name, setName] = useState('');
  const [code, setCode] = useState('');
  const [staffNo, setStaffNo] = useState('');
  const [setupCode, setSetupCode] = useState('');
  const [gender, setGender] = useState<Gender | ''>('');
  const [submitting, setSubmitting] = useState(false);
  const [problem, setProblem] = useState('');
  const [needsPrivacy, setNeedsPrivacy] = useState(false);

  useEffect(() => {
    if (me.data?.bound) void Taro.switchTab({ url: '/pages/index/index' });
  }, [me.data]);

  const switchTo = (next: Mode) => {
    setMode(next);
    setProblem('');
    setNeedsPrivacy(false);
  };

  /** Sends one binding request; on success says so and opens the home page. */
  const send = async (request: () => Promise<unknown>, done: string) => {
    setSubmitting(true);
    setProblem('');
    try {
      await request();
      await Taro.showToast({ title: done, icon: 'success' });
      setTimeout(() => void Taro.switchTab({ url: '/pages/index/index' }), 600);
    } catch (e) {
      setProblem(e instanceof CloudCallError ? (e.issues[0]?.message ?? e.message) : '绑定失败，请稍后再试');
    } finally {
      setSubmitting(false);
    }
  };

  const onPhone = (answer: PhoneAnswer) => {
    setNeedsPrivacy('refused' in answer && answer.refused === 'privacy');
    if ('refused' in answer) {
      setProblem(PHONE_REFUSALS[answer.refused]);
      return;
    }
    void send(() => call('me.bindPhone', { code: answer.code }, { silent: true }), '绑定成功');
  };

  const onAgree = async () => {
    const agreed = await agreePrivacy();
    setNeedsPrivacy(!agreed);
    setProblem(agreed ? '已同意隐私保护指引，请再点一次「微信手机号一键绑定」。' : '你仍未同意隐私保护指引，可以改用绑定码绑定。');
  };

  const submitForm = () => {
    if (mode === 'code') {
      if (!name.trim() || !code.trim()) return setProblem('请填写姓名和绑定码');
      return void send(() => call('me.bind', { name, code }, { silent: true }), '绑定成功');
    }
    if (!name.trim() || !staffNo.trim() || !setupCode.trim() || !gender) return setProblem('请填写姓名、工号、性别和初始化口令');
    return void send(() => call('setup.claimChair', { name, staffNo, gender, setupCode }, { silent: true }), '已成为工会主席');
  };

  return (
    <View className="page bind">
      <LoadState loading={me.loading} error={me.error} onRetry={me.reload}>
        <View className="card bind__intro">
          <Text className="bind__title">{mode === 'setup' ? '初始化工会' : '欢迎来到教工之家'}</Text>
          <Text className="bind__text">{INTRO[mode]}</Text>
        </View>
        <View className="card bind__form">
          {mode === 'phone' && <PhoneBindButton disabled={submitting} onAnswer={onPhone} />}
          {mode !== 'phone' && <Input className="bind__input" name="name" placeholder="姓名" value={name} onChange={setName} maxLength={32} />}
          {mode === 'code' && <Input className="bind__input" name="code" type="digit" placeholder="6 位绑定码" value={code} onChange={setCode} maxLength={6} />}
          {mode === 'setup' && (
            <>
              <Input className="bind__input" name="staffNo" placeholder="工号" value={staffNo} onChange={setStaffNo} maxLength={32} />
              <Radio.Group className="bind__gender" value={gender} direction="horizontal" onChange={(value) => setGender(value as Gender)}>
                <Radio value="female">女</Radio>
                <Radio value="male">男</Radio>
              </Radio.Group>
              <Input className="bind__input" name="setupCode" placeholder="初始化口令" type="password" value={setupCode} onChange={setSetupCode} maxLength={64} />
            </>
          )}
          {problem && <Text className="bind__problem">{problem}</Text>}
          {needsPrivacy && (
            <Button className="bind__agree" fill="outline" type="primary" block onClick={onAgree}>
              查看并同意隐私保护指引
            </Button>
          )}
          {mode !== 'phone' && (
            <Button className="bind__submit" type="primary" block loading={submitting} disabled={submitting} onClick={submitForm}>
              {mode === 'code' ? '绑定' : '成为工会主席'}
            </Button>
          )}
        </View>
        <Text className="bind__note">我们只用名册核对你是本校教职工，不收集身份证号。名册里找不到你？请联系所在工会小组长。</Text>
        <Text className="bind__switch" onClick={() => switchTo(mode === 'code' ? 'phone' : 'code')}>
          {mode === 'code' ? '用微信手机号绑定' : '没有登记手机号或换了手机？用绑定码绑定'}
        </Text>
        {me.data && !me.data.bound && me.data.setupOpen && (
          <Text className="bind__switch" onClick={() => switchTo(mode === 'setup' ? 'phone' : 'setup')}>
            {mode === 'setup' ? '返回绑定身份' : '首次使用？初始化工会主席'}
          </Text>
        )}
      </LoadState>
    </View>
  );
}
