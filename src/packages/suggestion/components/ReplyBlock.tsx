import { View, Text } from '@tarojs/components';
import type { SuggestionView } from '../../../../types/suggestion';
import { replyByText } from '../lib/format';
import './suggestion.scss';

/** The union's reply, with who wrote it and when. */
export function ReplyBlock({ reply }: { reply: NonNullable<SuggestionView['reply']> }) {
  return (
    <View className="suggestion-reply" aria-label="工会的答复">
      <Text className="suggestion-reply__label">工会的答复</Text>
      <Text className="suggestion-reply__text">{reply.text}</Text>
      <Text className="suggestion-reply__by">{replyByText(reply)}</Text>
    </View>
  );
}
ReplyBlock.displayName = 'ReplyBlock';
