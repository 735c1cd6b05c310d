import { View, Text } from '@tarojs/components';
import { STANCE_LABELS, STANCES } from '../../../../types/labels';
import type { BallotDraft } from '../lib/ballot';
import { ChoiceRow } from '../../../components/ChoiceRow';

type Draft = Extract<BallotDraft, { kind: 'motion' }>;

export interface MotionBallotProps {
  draft: Draft;
  onChange: (draft: Draft) => void;
  disabled?: boolean;
}

/** 教代会表决: one of 赞成 / 反对 / 弃权. */
export function MotionBallot({ draft, onChange, disabled = false }: MotionBallotProps) {
  return (
    <View className="ballot__choices" role="radiogroup" aria-label="表决意见">
      <View className="ballot__limits">
        <Text className="ballot__limit">请选择你的表决意见</Text>
      </View>
      {STANCES.map((stance) => (
        <ChoiceRow key={stance} label={STANCE_LABELS[stance]} checked={draft.stance === stance} multiple={false} disabled={disabled} onTap={() => onChange({ kind: 'motion', stance })} />
      ))}
    </View>
  );
}
MotionBallot.displayName = 'MotionBallot';
