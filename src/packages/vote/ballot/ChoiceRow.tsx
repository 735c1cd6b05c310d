import { View, Text } from '@tarojs/components';
import type { ReactNode } from 'react';

export interface ChoiceRowProps {
  /** What a screen reader says, and the text when there are no children. */
  label: string;
  checked: boolean;
  /** A square box (several may be ticked) or a round dot (one of a few). */
  multiple: boolean;
  disabled?: boolean;
  onTap: () => void;
  children?: ReactNode;
}

/**
 * One choice on a ballot, as a whole row to tap. Drawn here rather than with the platform checkbox,
 * so a tap beyond the limit still arrives and can be answered with a hint instead of silence.
 */
export function ChoiceRow({ label, checked, multiple, disabled = false, onTap, children }: ChoiceRowProps) {
  return (
    <View
      className={`choice-row${checked ? ' choice-row--checked' : ''}${disabled ? ' choice-row--disabled' : ''}`}
      role={multiple ? 'checkbox' : 'radio'}
      aria-checked={checked}
      aria-disabled={disabled}
      aria-label={label}
      onClick={() => {
        if (!disabled) onTap();
      }}
    >
      <View className={`choice-row__mark choice-row__mark--${multiple ? 'box' : 'dot'}`}>{checked ? (multiple ? '✓' : '●') : ''}</View>
      <View className="choice-row__body">{children ?? <Text className="choice-row__label">{label}</Text>}</View>
    </View>
  );
}
ChoiceRow.displayName = 'ChoiceRow';
