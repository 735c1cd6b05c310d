import { View, Text } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { CheckInResult } from '../../../types/activity';
import { call, CloudCallError } from '../../gateway/cloud';
import { formatDateTime } from '../../lib/time';
import './index.scss';

type State = { kind: 'working' } | { kind: 'done'; result: CheckInResult } | { kind: 'refused'; message: string; code?: string };

/** The scene of the code scanned: WeChat passes it URL-encoded; the H5 build takes `?scene=`. */
function sceneOf(params: Record<string, string | undefined> | undefined): string {
  const raw = params?.scene ?? '';
  try {
    return decodeURIComponent(raw).trim();
  } catch {
    return raw.trim();
  }
}

/** 活动签到: opened by scanning the activity's check-in code; checks the member in at once. */
export default function CheckinPage() {
  const scene = sceneOf(useRouter()?.params);
  const [state, setState] = useState<State>(scene ? { kind: 'working' } : { kind: 'refused', message: '请用微信扫描活动现场的签到码' });

  useEffect(() => {
    if (!scene) return;
    call('activity.checkIn', { scene }, { silent: true })
      .then((result) => setState({ kind: 'done', result }))
      .catch((e) => setState({ kind: 'refused', message: e instanceof CloudCallError ? e.message : '签到失败，请稍后再试', code: e instanceof CloudCallError ? e.code : undefined }));
  }, [scene]);

  return (
    <View className="page checkin">
      <View className="card checkin__card" role="status">
        {state.kind === 'working' && <Text className="checkin__text">正在签到…</Text>}
        {state.kind === 'done' && (
          <>
            <Text className="checkin__mark">✓</Text>
            <Text className="checkin__title">{state.result.already ? '你已经签到过了' : '签到成功'}</Text>
            <Text className="checkin__text">{state.result.activityTitle}</Text>
            <Text className="checkin__text">签到时间 {formatDateTime(state.result.checkedInAt)}</Text>
          </>
        )}
        {state.kind === 'refused' && (
          <>
            <Text className="checkin__title">未能签到</Text>
            <Text className="checkin__text">{state.message}</Text>
            {state.code === 'NOT_BOUND' && (
              <Text className="checkin__text" onClick={() => void Taro.navigateTo({ url: '/pages/bind/index' })}>
                去绑定身份
              </Text>
            )}
          </>
        )}
      </View>
    </View>
  );
}
