import { View, Text, Picker } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { LoadState } from '../../../components/LoadState';
import { useAction } from '../../../hooks/useAction';
import { PROPOSAL_PAGES } from '../../../lib/proposal-routes';
import { defaultSessionId } from '../lib/report';
import { ReportView } from './ReportView';
import '../fields.scss';
import './index.scss';

/** 提案办理情况报告: pick a congress session, read its figures, export them to Excel for the congress. */
export default function ReportPage() {
  const asked = decodeURIComponent(useRouter()?.params?.sessionId ?? '');
  const state = useAction('congress.sessions', {});
  const [picked, setPicked] = useState<string | null>(null);
  const sessions = state.data?.sessions ?? [];
  const sessionId = picked ?? (state.data ? defaultSessionId(sessions, state.data.current, asked || undefined) : null);
  const index = sessions.findIndex((s) => s._id === sessionId);

  return (
    <View className="page">
      <LoadState
        loading={state.loading && !state.data}
        error={state.error}
        onRetry={state.reload}
        empty={sessions.length === 0}
        emptyText="还没有教代会会议"
        emptyAction={
          <Button type="primary" onClick={() => void Taro.navigateTo({ url: PROPOSAL_PAGES.sessions })}>
            去设置会议
          </Button>
        }
      >
        <View className="card report__picker">
          <Text className="edit__label">会议</Text>
          <Picker
            mode="selector"
            range={sessions.map((s) => s.name)}
            value={Math.max(index, 0)}
            aria-label="选择会议"
            onChange={(e) => setPicked(sessions[Number(e.detail.value)]?._id ?? null)}
          >
            <View className="report__pick">{sessions[index]?.name ?? '选择会议'} ▾</View>
          </Picker>
        </View>
        {sessionId && <ReportView key={sessionId} sessionId={sessionId} />}
      </LoadState>
    </View>
  );
}
