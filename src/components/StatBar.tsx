import { View, Text } from '@tarojs/components';
import './StatBar.scss';

export interface Stat {
  label: string;
  value: number;
  /** Draws attention to a number that asks for action (e.g. members not yet bound). */
  tone?: 'normal' | 'warning';
}

export interface StatBarProps {
  stats: Stat[];
}

/** A row of labelled counts, e.g. 共 120 人 / 未绑定 8. */
export function StatBar({ stats }: StatBarProps) {
  return (
    <View className="stat-bar">
      {stats.map((stat) => (
        <View key={stat.label} className={`stat-bar__item stat-bar__item--${stat.tone ?? 'normal'}`} aria-label={`${stat.label} ${stat.value}`}>
          <Text className="stat-bar__value">{stat.value}</Text>
          <Text className="stat-bar__label">{stat.label}</Text>
        </View>
      ))}
    </View>
  );
}
StatBar.displayName = 'StatBar';
