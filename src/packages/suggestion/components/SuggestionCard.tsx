import { View, Text } from '@tarojs/components';
import { Tag } from '@nutui/nutui-react-taro';
import type { SuggestionView } from '../../../../types/suggestion';
import { sentAtText } from '../lib/format';
import { StatusTag } from './StatusTag';
import './suggestion.scss';

export interface SuggestionCardProps {
  suggestion: SuggestionView;
  onOpen: () => void;
}

/** Below an unanswered suggestion: what it waits for, or why it was refused. */
function waitingText(s: SuggestionView): string {
  if (s.status === 'received') return '等待工会答复';
  if (s.status === 'held') return '等待人工审核';
  if (s.status === 'refused' && s.refusedReason) return `原因：${s.refusedReason}`;
  return '';
}

/** One of my suggestions: title, status, 匿名, when, and the start of the reply once there is one. */
export function SuggestionCard({ suggestion: s, onOpen }: SuggestionCardProps) {
  return (
    <View className="card suggestion-card" onClick={onOpen} role="button" aria-label={s.title}>
      <View className="suggestion-card__head">
        <Text className="suggestion-card__title">{s.title}</Text>
        <StatusTag status={s.status} />
      </View>
      <View className="suggestion-card__meta">
        {s.anonymous && (
          <Tag type="default" plain>
            匿名
          </Tag>
        )}
        <Text className="suggestion-card__time">{sentAtText(s)} 提交</Text>
      </View>
      {s.reply ? (
        <Text className="suggestion-card__reply">答复：{s.reply.text}</Text>
      ) : (
        <Text className="suggestion-card__muted">{waitingText(s)}</Text>
      )}
    </View>
  );
}
SuggestionCard.displayName = 'SuggestionCard';
