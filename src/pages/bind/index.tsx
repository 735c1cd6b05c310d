import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Input, Radio } from '@nutui/nutui-react-taro';
import { useEffect, useState } from 'react';
import type { Gender } from '../../../types/fields';
import { call, CloudCallError } from '../../gateway/cloud';
import { useAction } from '../../hooks/useAction';
import { LoadState } from '../../components/LoadState';
import './index.scss';

type Mode = 'bind' | 'setup';

export default function Bind() {
  const me = useAction('me.get', {});
  const [mode, setMode] = useState<Mode>('bind');
  const [name, setName] = useState('');
  const [staffNo, setStaffNo] = useState('');
  const [setupCode, setSetupCode] = useState('');
  const [gender, setGender] = useState<Gender | ''>('');
  const [submitting, setSubmitting] = useState(false);
  const [problem, setProblem] = useState('');

  useEffect(() => {
    if (me.data?.bound) void Taro.switchTab({ url: '/pages/index/index' });
  }, [me.data]);

  const submit = async () => {
    if (!name.trim() || !staffNo.trim() || (mode === 'setup' && (!setupCode.trim() || !gender))) {
      setProblem(mode === 'setup' ? '请填写姓名、工号、性别和初始化口令' : '请填写姓名和工号');
      return;
    }
    setSubmitting(true);
    setProblem('');
    try {
      if (mode === 'bind') await call('me.bind', { name, staffNo }, { silent: true });
      else if (gender) await call('setup.claimChair', { name, staffNo, gender, setupCode }, { silent: true });
      await Taro.showToast({ title: mode === 'bind' ? '绑定成功' : '已成为工会主席', icon: 'success' });
      setTimeout(() => void Taro.switchTab({ url: '/pages/index/index' }), 600);
    } catch (e) {
      setProblem(e instanceof CloudCallError ? (e.issues[0]?.message ?? e.message) : '绑定失败，请稍后再试');
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <View className="page bind">
      <LoadState loading={me.loading} error={me.error} onRetry={me.reload}>
        <View className="card bind__intro">
          <Text className="bind__title">{mode === 'bind' ? '欢迎来到教工之家' : '初始化工会'}</Text>
          <Text className="bind__text">
            {mode === 'bind'
              ? '请输入你在工会名册里的姓名和工号，核对无误后，你的微信将与名册绑定，以后无需再次输入。'
              : '第一次使用时，由工会主席输入自己的姓名、工号和部署时设置的初始化口令，成为本小程序的主席账号。'}
          </Text>
        </View>
        <View className="card bind__form">
          <Input className="bind__input" name="name" placeholder="姓名" value={name} onChange={setName} maxLength={32} />
          <Input className="bind__input" name="staffNo" placeholder="工号" value={staffNo} onChange={setStaffNo} maxLength={32} />
          {mode === 'setup' && (
            <Radio.Group className="bind__gender" value={gender} direction="horizontal" onChange={(value) => setGender(value as Gender)}>
              <Radio value="female">女</Radio>
              <Radio value="male">男</Radio>
            </Radio.Group>
          )}
          {mode === 'setup' && (
            <Input className="bind__input" name="setupCode" placeholder="初始化口令" type="password" value={setupCode} onChange={setSetupCode} maxLength={64} />
          )}
          {problem && (
            <Text className="bind__problem">
              {problem}
            </Text>
          )}
          <Button className="bind__submit" type="primary" block loading={submitting} disabled={submitting} onClick={submit}>
            {mode === 'bind' ? '绑定' : '成为工会主席'}
          </Button>
        </View>
        <Text className="bind__note">我们只用姓名和工号确认你是本校教职工，不收集身份证号。名册里找不到你？请联系所在工会小组长。</Text>
        {me.data && !me.data.bound && me.data.setupOpen && (
          <Text className="bind__switch" onClick={() => { setMode(mode === 'bind' ? 'setup' : 'bind'); setProblem(''); }}>
            {mode === 'bind' ? '首次使用？初始化工会主席' : '返回绑定身份'}
          </Text>
        )}
      </LoadState>
    </View>
  );
}
