import { View, Text } from '@tarojs/components';
import { Input } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { VoteContent } from '../../../../types/vote';
import { OTHER_LABEL, OTHER_OPTION, overLimitText, progressText, togglePick, type BallotDraft } from '../lib/ballot';
import { ChoiceRow } from '../../../components/ChoiceRow';

type Poll = Extract<VoteContent, { kind: 'poll' }>;
type Draft = Extract<BallotDraft, { kind: 'poll' }>;

export interface PollBallotProps {
  content: Poll;
  draft: Draft;
  onChange: (draft: Draft) => void;
  disabled?: boolean;
}

export const OTHER_PLACEHOLDER = '请填写其他内容';

/** 问卷投票: one option, or several up to the maximum; 其他 asks for a few words. */
export function PollBallot({ content, draft, onChange, disabled = false }: PollBallotProps) {
  const [refused, setRefused] = useState('');
  const single = content.maxPicks === 1;
  const options = [...content.options, ...(content.allowOther ? [{ id: OTHER_OPTION, label: OTHER_LABEL }] : [])];
  const otherPicked = draft.picks.includes(OTHER_OPTION);

  const toggle = (id: string) => {
    // One choice: a new pick replaces the old, as a radio button does.
    if (single) return onChange({ ...draft, picks: [id] });
    const next = togglePick(draft.picks, id, content.maxPicks);
    if (next.refused) {
      setRefused(overLimitText(content));
      return;
    }
    setRefused('');
    onChange({ ...draft, picks: next.picks });
  };

  return (
    <View className="ballot__choices" role={single ? 'radiogroup' : 'group'}>
      <View className="ballot__limits">
        <Text className="ballot__limit">{single ? '请选择一项' : `可选 1–${content.maxPicks} 项`}</Text>
        {!single && <Text className="ballot__progress">{progressText(content, draft)}</Text>}
      </View>
      {options.map((option) => (
        <ChoiceRow key={option.id} label={option.label} checked={draft.picks.includes(option.id)} multiple={!single} disabled={disabled} onTap={() => toggle(option.id)} />
      ))}
      {otherPicked && (
        <Input
          className="ballot__other"
          placeholder={OTHER_PLACEHOLDER}
          value={draft.otherText}
          maxLength={100}
          disabled={disabled}
          onChange={(text) => onChange({ ...draft, otherText: text })}
        />
      )}
      {refused && (
        <View className="ballot__refused" role="alert">
          {refused}
        </View>
      )}
    </View>
  );
}
PollBallot.displayName = 'PollBallot';
