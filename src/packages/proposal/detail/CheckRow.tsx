import { View, Text } from '@tarojs/components';
import type { ReactNode } from 'react';

export interface CheckRowProps {
  /** What a screen reader says. */
  label: string;
  checked: boolean;
  /** A square box (several may be ticked) or a round dot (one of a list). */
  multiple: boolean;
  disabled?: boolean;
  onTap: () => void;
  children?: ReactNode;
}

/** One choice as a whole row to tap: a delegate to invite, a department, a proposal to merge into. */
export function CheckRow({ label, checked, multiple, disabled = false, onTap, children }: CheckRowProps) {
  return (
    <View
      className={`check-row${checked ? ' check-row--checked' : ''}${disabled ? ' check-row--disabled' : ''}`}
      role={multiple ? 'checkbox' : 'radio'}
      aria-checked={checked}
      aria-disabled={disabled}
      aria-label={label}
      onClick={() => {
        if (!disabled) onTap();
      }}
    >
      <View className={`check-row__mark check-row__mark--${multiple ? 'box' : 'dot'}`}>{checked ? (multiple ? '✓' : '●') : ''}</View>
      <View className="check-row__body">{children ?? <Text>{label}</Text>}</View>
    </View>
  );
}
CheckRow.displayName = 'CheckRow';
