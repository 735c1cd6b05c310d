import { View, Text, Image } from '@tarojs/components';
import { useState } from 'react';
import type { VoteContent } from '../../../../types/vote';
import { ownValue } from '../../../../types/own-keys';
import { electionLimitText, overLimitText, progressText, togglePick, type BallotDraft } from '../lib/ballot';
import { ChoiceRow } from '../../../components/ChoiceRow';

type Election = Extract<VoteContent, { kind: 'election' }>;
type Draft = Extract<BallotDraft, { kind: 'election' }>;

export interface ElectionBallotProps {
  content: Election;
  draft: Draft;
  onChange: (draft: Draft) => void;
  /** Candidate photos by file id. */
  photoUrls: Record<string, string>;
  disabled?: boolean;
}

/** 评选: tick candidates between the minimum and the maximum; one more than allowed is refused with a hint. */
export function ElectionBallot({ content, draft, onChange, photoUrls, disabled = false }: ElectionBallotProps) {
  const [refused, setRefused] = useState('');

  const toggle = (id: string) => {
    const next = togglePick(draft.picks, id, content.maxPicks);
    if (next.refused) {
      setRefused(overLimitText(content));
      return;
    }
    setRefused('');
    onChange({ kind: 'election', picks: next.picks });
  };

  return (
    <View className="ballot__choices">
      <View className="ballot__limits">
        <Text className="ballot__limit">{electionLimitText(content.minPicks, content.maxPicks)}</Text>
        <Text className="ballot__progress">{progressText(content, draft)}</Text>
      </View>
      {content.candidates.map((candidate) => {
        const photo = candidate.photo ? ownValue(photoUrls, candidate.photo) : undefined;
        return (
          <ChoiceRow key={candidate.id} label={candidate.name} checked={draft.picks.includes(candidate.id)} multiple disabled={disabled} onTap={() => toggle(candidate.id)}>
            <View className="candidate">
              {photo && <Image className="candidate__photo" src={photo} mode="aspectFill" ariaLabel={`${candidate.name}的照片`} />}
              <View className="candidate__text">
                <Text className="candidate__name">{candidate.name}</Text>
                {candidate.intro && <Text className="candidate__intro">{candidate.intro}</Text>}
              </View>
            </View>
          </ChoiceRow>
        );
      })}
      {refused && (
        <View className="ballot__refused" role="alert">
          {refused}
        </View>
      )}
    </View>
  );
}
ElectionBallot.displayName = 'ElectionBallot';
