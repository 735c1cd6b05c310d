import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { VoteDetail } from '../../../../types/vote';
import { InlineMessage } from '../../../components/InlineMessage';
import { RemindMeButton } from '../../../components/RemindMeButton';
import { call, CloudCallError } from '../../../gateway/cloud';
import { fullMessageOf } from '../../../lib/cloud-message';
import { ballotLines, ballotProblem, confirmationText, draftFrom, emptyDraft, toBallot, type BallotDraft } from '../lib/ballot';
import { AppraisalBallot } from './AppraisalBallot';
import { ElectionBallot } from './ElectionBallot';
import { MotionBallot } from './MotionBallot';
import { PollBallot } from './PollBallot';

export interface BallotSectionProps {
  detail: VoteDetail;
  /** The detail the cloud answered after the cast. */
  onCast: (next: VoteDetail) => void;
  /** The page's detail is out of date (voted elsewhere, or the vote closed): load it again. */
  onStale: () => void;
}

/** The ballot of the vote's kind, controlled by `draft`. */
function KindBallot({ detail, draft, onChange, disabled }: { detail: VoteDetail; draft: BallotDraft; onChange: (d: BallotDraft) => void; disabled: boolean }) {
  const content = detail.vote.content;
  if (content.kind === 'election' && draft.kind === 'election') {
    return <ElectionBallot content={content} draft={draft} onChange={onChange} photoUrls={detail.photoUrls} disabled={disabled} />;
  }
  if (content.kind === 'appraisal' && draft.kind === 'appraisal') return <AppraisalBallot content={content} draft={draft} onChange={onChange} disabled={disabled} />;
  if (content.kind === 'motion' && draft.kind === 'motion') return <MotionBallot draft={draft} onChange={onChange} disabled={disabled} />;
  if (content.kind === 'poll' && draft.kind === 'poll') return <PollBallot content={content} draft={draft} onChange={onChange} disabled={disabled} />;
  return null;
}

/**
 * 我的选票: the ballot to fill in and cast (after a confirmation that repeats the choices), or 已投票
 * with a named vote's own ballot and 修改选票, or why the member cannot vote.
 */
export function BallotSection({ detail, onCast, onStale }: BallotSectionProps) {
  const { vote, voted, myBallot, canVote, canChange } = detail;
  const content = vote.content;
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<BallotDraft>(() => emptyDraft(content));
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');
  const filling = editing || (!voted && canVote.ok);
  const incomplete = ballotProblem(content, draft);
  // Only a named vote that allows it; a secret ballot can never be found again to change.
  const changeable = !vote.secret && vote.allowChange;

  const cast = async () => {
    if (incomplete) return setProblem(incomplete);
    const ballot = toBallot(content, draft);
    const { confirm } = await Taro.showModal({
      title: editing ? '确认修改选票' : '确认投票',
      content: confirmationText(content, ballot, changeable),
      confirmText: '提交',
      cancelText: '再看看',
    });
    if (!confirm) return;
    setBusy(true);
    setProblem('');
    try {
      const next = await call('vote.cast', { voteId: vote._id, ballot }, { silent: true });
      void Taro.showToast({ title: editing ? '选票已修改' : '投票成功', icon: 'success' });
      setEditing(false);
      onCast(next);
    } catch (e) {
      // The choices stay as they were, so the member can adjust and try again.
      setProblem(fullMessageOf(e, '投票没有成功，请稍后再试'));
      // Voted from another device or tab, or the vote closed meanwhile: show what is true now.
      if (e instanceof CloudCallError && (e.code === 'ALREADY_VOTED' || e.code === 'VOTE_NOT_OPEN')) onStale();
    } finally {
      setBusy(false);
    }
  };

  const startChange = () => {
    setDraft(draftFrom(content, myBallot));
    setProblem('');
    setEditing(true);
  };

  return (
    <>
      <View className="section-title">我的选票</View>
      <View className="card ballot__mine">
        {filling ? (
          <>
            <KindBallot detail={detail} draft={draft} onChange={setDraft} disabled={busy} />
            {incomplete && content.kind !== 'election' && <Text className="ballot__hint">{incomplete}</Text>}
            <InlineMessage text={problem} />
            <Button type="primary" block loading={busy} disabled={busy || Boolean(incomplete)} onClick={cast}>
              {editing ? '提交修改' : '投票'}
            </Button>
            {editing && (
              <Button fill="none" block disabled={busy} onClick={() => { setEditing(false); setProblem(''); }}>
                不修改了
              </Button>
            )}
            {!editing && detail.phase === 'open' && (
              <RemindMeButton template="voteReminder" context={{ kind: 'vote', id: vote._id }} label="还没想好？截止前一天提醒我" />
            )}
          </>
        ) : voted ? (
          <>
            <InlineMessage text={problem} />
            <Text className="ballot__voted">已投票</Text>
            {myBallot &&
              ballotLines(content, myBallot).map((line) => (
                <Text key={line} className="ballot__line">
                  {line}
                </Text>
              ))}
            {vote.secret && <Text className="ballot__hint">你的选票已投入票箱，系统不记录你投了谁。</Text>}
            {canChange && (
              <Button fill="outline" block onClick={startChange}>
                修改选票
              </Button>
            )}
          </>
        ) : (
          <Text className="ballot__hint">{canVote.ok ? '' : canVote.reason}</Text>
        )}
      </View>
    </>
  );
}
BallotSection.displayName = 'BallotSection';
