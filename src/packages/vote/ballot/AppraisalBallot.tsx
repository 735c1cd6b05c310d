import { View, Text } from '@tarojs/components';
import type { VoteContent } from '../../../../types/vote';
import { GRADE_LABELS, GRADES } from '../../../../types/labels';
import { ownValue } from '../../../../types/own-keys';
import { progressText, type BallotDraft } from '../lib/ballot';

type Appraisal = Extract<VoteContent, { kind: 'appraisal' }>;
type Draft = Extract<BallotDraft, { kind: 'appraisal' }>;

export interface AppraisalBallotProps {
  content: Appraisal;
  draft: Draft;
  onChange: (draft: Draft) => void;
  disabled?: boolean;
}

/** 民主评议: every subject gets one of the four grades; the ballot is complete when all are graded. */
export function AppraisalBallot({ content, draft, onChange, disabled = false }: AppraisalBallotProps) {
  return (
    <View className="ballot__choices">
      <View className="ballot__limits">
        <Text className="ballot__limit">请为每一位评议对象选择一个等次</Text>
        <Text className="ballot__progress">{progressText(content, draft)}</Text>
      </View>
      {content.subjects.map((subject) => {
        const graded = ownValue(draft.grades, subject.id);
        return (
          <View key={subject.id} className={`appraisal-subject${graded ? '' : ' appraisal-subject--open'}`}>
            <View className="appraisal-subject__who">
              <Text className="appraisal-subject__name">{subject.name}</Text>
              {subject.title && <Text className="appraisal-subject__title">{subject.title}</Text>}
            </View>
            <View className="appraisal-subject__grades" role="radiogroup" aria-label={subject.name}>
              {GRADES.map((grade) => {
                const chosen = graded === grade;
                return (
                  <View
                    key={grade}
                    className={`grade-chip${chosen ? ' grade-chip--chosen' : ''}`}
                    role="radio"
                    aria-checked={chosen}
                    aria-label={`${subject.name} ${GRADE_LABELS[grade]}`}
                    onClick={() => {
                      if (!disabled) onChange({ kind: 'appraisal', grades: { ...draft.grades, [subject.id]: grade } });
                    }}
                  >
                    {GRADE_LABELS[grade]}
                  </View>
                );
              })}
            </View>
          </View>
        );
      })}
    </View>
  );
}
AppraisalBallot.displayName = 'AppraisalBallot';
