import { View, Text } from '@tarojs/components';
import type { Choice, ParticipantRow } from '../../../../types/activity';
import { answerLines, companionsText } from '../../../lib/activity-format';
import { formatShortDateTime } from '../../../lib/time';

export interface ParticipantItemProps {
  row: ParticipantRow;
  choices: readonly Choice[];
  /** Shown for organisers on confirmed and waitlisted rows. */
  onRemove?: () => void;
}

/** One person on the list: name, group, companions, answers as labels, waitlist position. */
export function ParticipantItem({ row, choices, onRemove }: ParticipantItemProps) {
  return (
    <View className="participants__row" aria-label={row.memberName}>
      <View className="participants__row-head">
        {row.waitPosition !== undefined && <Text className="participants__position">候补第 {row.waitPosition} 位</Text>}
        <Text className="participants__name">{row.memberName}</Text>
        <Text className="participants__group">{row.groupName}</Text>
        {onRemove && (
          <Text className="participants__remove" onClick={onRemove}>
            移出
          </Text>
        )}
      </View>
      {row.companions > 0 && <Text className="participants__line">{companionsText(row.companions)}</Text>}
      {answerLines(choices, row.answers).map((line) => (
        <Text key={line.question} className="participants__line">
          {line.question}：{line.answer}
        </Text>
      ))}
      <Text className="participants__when">
        {formatShortDateTime(row.arrivedAt)} 报名{row.signedUpBy ? ' · 代报名' : ''}
      </Text>
      {row.checkedInAt && <Text className="participants__checked">已签到 {formatShortDateTime(row.checkedInAt)}</Text>}
    </View>
  );
}
