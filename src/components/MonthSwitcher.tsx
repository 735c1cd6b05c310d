import { View, Text } from '@tarojs/components';
import { formatMonthKey, monthKeyOf, shiftMonth } from '../lib/time';
import './MonthSwitcher.scss';

export interface MonthSwitcherProps {
  /** 'YYYY-MM', or null for upcoming activities (no month). */
  value: string | null;
  onChange: (value: string | null) => void;
  /** Where the arrows start from when no month is chosen yet. */
  now?: number;
}

/** ‹ 2026年11月 › with a way back to 近期 (upcoming, no month). */
export function MonthSwitcher({ value, onChange, now = Date.now() }: MonthSwitcherProps) {
  const base = value ?? monthKeyOf(now);
  return (
    <View className="month-switcher">
      <Text className="month-switcher__arrow" aria-label="上个月" onClick={() => onChange(shiftMonth(base, -1))}>
        ‹
      </Text>
      <Text className="month-switcher__label">{value ? formatMonthKey(value) : '近期活动'}</Text>
      <Text className="month-switcher__arrow" aria-label="下个月" onClick={() => onChange(value ? shiftMonth(base, 1) : base)}>
        ›
      </Text>
      {value && (
        <Text className="month-switcher__reset" onClick={() => onChange(null)}>
          看近期
        </Text>
      )}
    </View>
  );
}
MonthSwitcher.displayName = 'MonthSwitcher';
