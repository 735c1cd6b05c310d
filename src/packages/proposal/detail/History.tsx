import { View, Text } from '@tarojs/components';
import type { HistoryEntry } from '../../../../types/proposal';
import { historyLines, historyLineText } from '../lib/detail';

/** 办理过程: every step, oldest first, as 时间 · 谁 · 事件 and the note. */
export function History({ history }: { history: HistoryEntry[] }) {
  const lines = historyLines(history);
  if (lines.length === 0) return null;
  return (
    <>
      <View className="section-title">办理过程</View>
      <View className="card proposal-history" role="list">
        {lines.map((line) => (
          <View key={line.key} className="proposal-history__item" role="listitem">
            <View className="proposal-history__dot" />
            <View className="proposal-history__body">
              <Text className="proposal-history__event">{historyLineText(line)}</Text>
              {line.note && <Text className="proposal-history__note">备注：{line.note}</Text>}
            </View>
          </View>
        ))}
      </View>
    </>
  );
}
History.displayName = 'History';
