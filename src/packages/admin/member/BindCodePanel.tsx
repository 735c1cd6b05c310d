import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { BindCodeIssued } from '../../../../types/member';
import { InlineMessage } from '../../../components/InlineMessage';
import { call, CloudCallError } from '../../../gateway/cloud';
import { formatDateTime } from '../../../lib/time';

/**
 * Issues a one-time binding code for one member. The code is shown here once (only its hash is
 * kept); the chair or group leader hands it to the member in person. A new code replaces the old.
 */
export function BindCodePanel({ memberId, bound }: { memberId: string; bound: boolean }) {
  const [issued, setIssued] = useState<BindCodeIssued | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');

  const issue = async () => {
    setBusy(true);
    setProblem('');
    try {
      setIssued(await call('member.issueBindCode', { memberId }, { silent: true }));
    } catch (e) {
      setProblem(e instanceof CloudCallError ? e.message : '没能生成绑定码，请稍后再试');
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="member__code">
      <Text className="member__hint">
        {bound
          ? '换了手机的会员：生成绑定码当面交给本人，本人在新微信里用姓名和绑定码绑定，旧微信随即失效。'
          : '名册里没有手机号、或手机号对不上的会员：生成绑定码当面交给本人，本人用姓名和绑定码绑定。'}
      </Text>
      {issued && (
        <View className="member__code-shown">
          <Text className="member__code-digits">{issued.code}</Text>
          <Text className="member__hint">
            {issued.memberName}的绑定码，{formatDateTime(issued.expiresAt)} 前有效，可试 {issued.tries} 次。只显示这一次，请当面交给本人，不要转发到群里。
          </Text>
        </View>
      )}
      <InlineMessage text={problem} />
      <Button type="primary" fill="outline" block loading={busy} disabled={busy} onClick={issue}>
        {issued ? '重新生成绑定码（旧码作废）' : '生成绑定码'}
      </Button>
    </View>
  );
}
