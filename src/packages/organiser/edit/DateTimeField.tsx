import { View, Text, Picker } from '@tarojs/components';
import type { WallTime } from '../lib/draft-form';

export interface DateTimeFieldProps {
  label: string;
  value: WallTime;
  onChange: (value: WallTime) => void;
}

/** A date and a time of day, picked with the phone's own pickers, read as Asia/Shanghai wall time. */
export function DateTimeField({ label, value, onChange }: DateTimeFieldProps) {
  return (
    <View className="edit__row">
      <Text className="edit__label">{label}</Text>
      <View className="edit__datetime">
        <Picker mode="date" value={value.date} aria-label={`${label}日期`} onChange={(e) => onChange({ ...value, date: String(e.detail.value) })}>
          <View className="edit__pick">{value.date || '选择日期'}</View>
        </Picker>
        <Picker mode="time" value={value.time} aria-label={`${label}时刻`} onChange={(e) => onChange({ ...value, time: String(e.detail.value) })}>
          <View className="edit__pick">{value.time || '选择时间'}</View>
        </Picker>
      </View>
    </View>
  );
}
