import { View } from '@tarojs/components';
import './InlineMessage.scss';

export interface InlineMessageProps {
  /** Nothing is drawn without text. */
  text?: string;
  tone?: 'error' | 'success' | 'info';
}

/** A message beside the control it concerns: a refused save, a failed upload. */
export function InlineMessage({ text, tone = 'error' }: InlineMessageProps) {
  if (!text) return null;
  return (
    <View className={`inline-message inline-message--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {text}
    </View>
  );
}
InlineMessage.displayName = 'InlineMessage';
