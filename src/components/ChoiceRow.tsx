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
  /** The class block its styles use (each subpackage styles its own rows). */
  block?: string;
}

/**
 * One choice as a whole row to tap: a candidate on a ballot, a delegate to invite, a department.
 * Drawn here rather than with the platform checkbox, so a tap beyond a limit still arrives and can
 * be answered with a hint instead of silence.
 */
export function ChoiceRow({ label, checked, multiple, disabled = false, onTap, children, block = 'choice-row' }: ChoiceRowProps) {
  return (
    <View
      className={`${block}${checked ? ` ${block}--checked` : ''}${disabled ? ` ${block}--disabled` : ''}`}
      role={multiple ? 'checkbox' : 'radio'}
      aria-checked={checked}
      aria-disabled={disabled}
      aria-label={label}
      onClick={() => {
        if (!disabled) onTap();
      }}
    >
      <View className={`${block}__mark ${block}__mark--${multiple ? 'box' : 'dot'}`}>{checked ? (multiple ? '✓' : '●') : ''}</View>
      <View className={`${block}__body`}>{children ?? <Text className={`${block}__label`}>{label}</Text>}</View>
    </View>
  );
}
ChoiceRow.displayName = 'ChoiceRow';
