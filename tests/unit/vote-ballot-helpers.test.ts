import { OTHER_OPTION as CONTRACT_OTHER_OPTION, type VoteSummary } from '../../types/vote';
import {
  ballotLines,
  ballotProblem,
  confirmationText,
  draftFrom,
  electionLimitText,
  emptyDraft,
  OTHER_OPTION,
  overLimitText,
  progressText,
  togglePick,
  toBallot,
} from '../../src/packages/vote/lib/ballot';
import { groupVotes, phaseAt, secrecyText, turnoutText, voteTimeText } from '../../src/packages/vote/lib/list';
import { barWidth, majorityOf, motionVerdict, percentText, quorumOf, rowsByCount, shareText } from '../../src/packages/vote/lib/results';
import { appraisalContent, aVoteSummary, electionContent, motionContent, motionResults, NOW, pollContent } from '../components/support/votes';

const DAY = 24 * 60 * 60 * 1000;

describe('picking within limits', () => {
  it('ticks, unticks, and refuses one beyond the maximum', () => {
    expect(togglePick([], 'a', 2)).toEqual({ picks: ['a'], refused: false });
    expect(togglePick(['a'], 'b', 2)).toEqual({ picks: ['a', 'b'], refused: false });
    expect(togglePick(['a', 'b'], 'c', 2)).toEqual({ picks: ['a', 'b'], refused: true });
    expect(togglePick(['a', 'b'], 'a', 2)).toEqual({ picks: ['b'], refused: false });
    expect(togglePick(['a'], 'b', 1)).toEqual({ picks: ['a'], refused: true });
  });
  it('says the election’s limits plainly', () => {
    expect(electionLimitText(1, 3)).toBe('请选择 1–3 人');
    expect(electionLimitText(3, 3)).toBe('请选择 3 人');
    expect(electionLimitText(0, 5)).toBe('最多选择 5 人');
    expect(overLimitText(electionContent)).toBe('最多只能选 2 人，请先取消一位再选');
    expect(overLimitText(pollContent)).toBe('最多只能选 2 项，请先取消一项再选');
  });
  it('counts progress', () => {
    expect(progressText(electionContent, { kind: 'election', picks: ['c1'] })).toBe('已选 1 人');
    expect(progressText(appraisalContent, { kind: 'appraisal', grades: { s2: 'basic' } })).toBe('已评 1/2 人');
    expect(progressText(pollContent, { kind: 'poll', picks: [], otherText: '' })).toBe('已选 0 项');
    expect(progressText(motionContent, { kind: 'motion', stance: null })).toBe('');
  });
});

describe('a ballot is complete and within limits', () => {
  it('election: between the minimum and the maximum, counting only real candidates', () => {
    expect(ballotProblem(electionContent, { kind: 'election', picks: [] })).toBe('请至少选择 1 人');
    expect(ballotProblem(electionContent, { kind: 'election', picks: ['c1'] })).toBe('');
    expect(ballotProblem(electionContent, { kind: 'election', picks: ['c1', 'c2', 'c3'] })).toBe('最多只能选 2 人');
    expect(ballotProblem(electionContent, { kind: 'election', picks: ['gone'] })).toBe('请至少选择 1 人');
    expect(ballotProblem({ ...electionContent, minPicks: 0 }, { kind: 'election', picks: [] })).toBe('');
  });
  it('appraisal: every subject graded', () => {
    expect(ballotProblem(appraisalContent, { kind: 'appraisal', grades: {} })).toBe('还有 2 位没有评议，请为每一位选择等次');
    expect(ballotProblem(appraisalContent, { kind: 'appraisal', grades: { s1: 'excellent', s2: 'incompetent' } })).toBe('');
  });
  it('motion: a stance', () => {
    expect(ballotProblem(motionContent, { kind: 'motion', stance: null })).toBe('请选择赞成、反对或弃权');
    expect(ballotProblem(motionContent, { kind: 'motion', stance: 'abstain' })).toBe('');
  });
  it('poll: at least one, at most the maximum, and 其他 with its text', () => {
    expect(ballotProblem(pollContent, { kind: 'poll', picks: [], otherText: '' })).toBe('请至少选择一项');
    expect(ballotProblem(pollContent, { kind: 'poll', picks: ['o1', 'o2', 'o3'], otherText: '' })).toBe('最多只能选 2 项');
    expect(ballotProblem(pollContent, { kind: 'poll', picks: ['other'], otherText: '  ' })).toBe('请填写「其他」的内容');
    expect(ballotProblem(pollContent, { kind: 'poll', picks: ['other'], otherText: '植物园' })).toBe('');
    expect(ballotProblem({ ...pollContent, allowOther: false }, { kind: 'poll', picks: ['other'], otherText: 'x' })).toBe('请至少选择一项');
  });
  it('uses the contract’s id for 其他', () => {
    expect(OTHER_OPTION).toBe(CONTRACT_OTHER_OPTION);
  });
  it('refuses a draft of another kind', () => {
    expect(ballotProblem(motionContent, emptyDraft(electionContent))).toBe('选票与投票类型不符，请刷新后再试');
  });
});

describe('the ballot sent', () => {
  it('keeps the vote’s own order and only what belongs to it', () => {
    expect(toBallot(electionContent, { kind: 'election', picks: ['c3', 'c1'] })).toEqual({ kind: 'election', picks: ['c1', 'c3'] });
    expect(toBallot(appraisalContent, { kind: 'appraisal', grades: { s2: 'basic', s1: 'competent', x: 'excellent' } })).toEqual({
      kind: 'appraisal',
      grades: { s1: 'competent', s2: 'basic' },
    });
    expect(toBallot(motionContent, { kind: 'motion', stance: 'no' })).toEqual({ kind: 'motion', stance: 'no' });
    expect(toBallot(pollContent, { kind: 'poll', picks: ['other', 'o2'], otherText: ' 植物园 ' })).toEqual({ kind: 'poll', picks: ['o2', 'other'], otherText: '植物园' });
    expect(toBallot(pollContent, { kind: 'poll', picks: ['o1'], otherText: '忘了删' })).toEqual({ kind: 'poll', picks: ['o1'] });
  });
  it('prefills a change from the member’s own ballot, or starts empty', () => {
    expect(draftFrom(pollContent, { kind: 'poll', picks: ['other'], otherText: '植物园' })).toEqual({ kind: 'poll', picks: ['other'], otherText: '植物园' });
    expect(draftFrom(motionContent, { kind: 'motion', stance: 'yes' })).toEqual({ kind: 'motion', stance: 'yes' });
    expect(draftFrom(motionContent, null)).toEqual({ kind: 'motion', stance: null });
    expect(draftFrom(appraisalContent, { kind: 'motion', stance: 'yes' })).toEqual({ kind: 'appraisal', grades: {} });
  });
});

describe('summary sentences', () => {
  it('repeats the choices by name', () => {
    expect(ballotLines(electionContent, { kind: 'election', picks: ['c1', 'c2'] })).toEqual(['你选择了 2 人：张三、李四']);
    expect(ballotLines(electionContent, { kind: 'election', picks: [] })).toEqual(['你没有选择任何人']);
    expect(ballotLines(appraisalContent, { kind: 'appraisal', grades: { s1: 'excellent', s2: 'basic' } })).toEqual(['陈校长：优秀', '周书记：基本称职']);
    expect(ballotLines(pollContent, { kind: 'poll', picks: ['o1', 'other'], otherText: '植物园' })).toEqual(['你选择了：食堂、其他（植物园）']);
  });
  it('says whether the ballot can be changed', () => {
    expect(confirmationText(electionContent, { kind: 'election', picks: ['c1', 'c2'] }, false)).toBe('你选择了 2 人：张三、李四。提交后不能修改。');
    expect(confirmationText(motionContent, { kind: 'motion', stance: 'abstain' }, true)).toBe('你的意见：弃权。投票结束前你还可以修改。');
    expect(confirmationText(appraisalContent, { kind: 'appraisal', grades: { s1: 'excellent', s2: 'competent' } }, false)).toBe(
      '你的评议：陈校长：优秀，周书记：称职。提交后不能修改。',
    );
  });
});

describe('results', () => {
  it('formats percentages to one decimal at most, and 0% without a base', () => {
    expect(percentText(37, 60)).toBe('61.7%');
    expect(percentText(30, 60)).toBe('50%');
    expect(percentText(60, 60)).toBe('100%');
    expect(percentText(0, 60)).toBe('0%');
    expect(percentText(5, 0)).toBe('0%');
    expect(shareText(0.925)).toBe('92.5%');
    expect(barWidth(30, 60)).toBe('50%');
    expect(barWidth(3, 0)).toBe('0%');
  });
  it('sorts rows by count, ties in the vote’s order', () => {
    const rows = [{ id: 'a', label: 'A', count: 2 }, { id: 'b', label: 'B', count: 5 }, { id: 'c', label: 'C', count: 2 }];
    expect(rowsByCount(rows).map((r) => r.id)).toEqual(['b', 'a', 'c']);
  });
  it('explains a motion’s quorum and majority against all delegates', () => {
    expect(quorumOf(90)).toBe(60);
    expect(quorumOf(91)).toBe(61);
    expect(majorityOf(90)).toBe(46);
    expect(majorityOf(91)).toBe(46);
    expect(motionVerdict(motionResults)).toEqual({
      valid: '有效：实到 72 人，达到应到代表 90 人的三分之二（60 人）',
      passed: '通过：赞成 50 票，超过应到代表 90 人的半数',
    });
    expect(motionVerdict({ ...motionResults, yes: 40, no: 22, passed: false }).passed).toBe('未通过：赞成 40 票，未超过应到代表 90 人的半数（需 46 票）');
    expect(motionVerdict({ ...motionResults, turnout: 59, valid: false, passed: false })).toEqual({
      valid: '无效：实到 59 人，不足应到代表 90 人的三分之二（需 60 人）',
      passed: '未通过：表决无效',
    });
  });
});

describe('the list', () => {
  const open = aVoteSummary({ _id: 'o', closesAt: NOW + 2 * DAY });
  const openSooner = aVoteSummary({ _id: 'o2', closesAt: NOW + DAY });
  const openVoted = aVoteSummary({ _id: 'ov', voted: true, closesAt: NOW + 3600000 });
  const later = aVoteSummary({ _id: 's', phase: 'scheduled', opensAt: NOW + 3 * DAY });
  const draft = aVoteSummary({ _id: 'd', phase: 'draft' });
  const past = aVoteSummary({ _id: 'p', phase: 'closed', closesAt: NOW - 10 * DAY });
  const recent = aVoteSummary({ _id: 'r', phase: 'closed', closesAt: NOW - DAY });
  const ids = (votes: VoteSummary[]) => votes.map((v) => v._id);

  it('groups by phase in order, drafts only for organisers', () => {
    const all = [past, draft, openVoted, later, open, recent, openSooner];
    expect(groupVotes(all, false).map((g) => [g.title, ids(g.votes)])).toEqual([
      ['进行中', ['o2', 'o', 'ov']],
      ['未开始', ['s']],
      ['已结束', ['r', 'p']],
    ]);
    expect(groupVotes(all, true).map((g) => g.title)).toEqual(['进行中', '未开始', '草稿', '已结束']);
    expect(groupVotes([], true)).toEqual([]);
  });
  it('names the time that matters and the turnout', () => {
    expect(voteTimeText(open)).toBe('12月7日 周一 14:00 截止');
    expect(voteTimeText(later)).toBe('12月8日 周二 14:00 开始');
    expect(voteTimeText(recent)).toBe('已于 12月4日 周五 14:00 结束');
    expect(turnoutText(open)).toBe('已有 37 人投票');
    expect(turnoutText({ phase: 'open', turnout: 0 })).toBe('还没有人投票');
    expect(turnoutText({ phase: 'closed', turnout: 0 })).toBe('无人投票');
    expect(turnoutText(later)).toBe('');
    expect(secrecyText(true)).toBe('无记名');
    expect(secrecyText(false)).toBe('记名');
  });
  it('works out the phase after publishing', () => {
    const times = { opensAt: NOW, closesAt: NOW + DAY };
    expect(phaseAt({ status: 'draft', ...times }, NOW)).toBe('draft');
    expect(phaseAt({ status: 'published', ...times }, NOW - 1)).toBe('scheduled');
    expect(phaseAt({ status: 'published', ...times }, NOW)).toBe('open');
    expect(phaseAt({ status: 'published', ...times }, NOW + DAY)).toBe('closed');
    expect(phaseAt({ status: 'closed', ...times }, NOW)).toBe('closed');
  });
});
