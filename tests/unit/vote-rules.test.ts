import * as v from 'valibot';
import { ballotKeys, emptyTally, motionVerdict, resultsVisibility, tallyDelta, votePhase } from '../../cloudfunctions/api/src/domain/vote-rules';
import { VoteDraftSchema, type VoteContent } from '../../types/vote';
import { appraisal, election, poll, voteDraft } from '../cloud/support/votes';

const T = Date.UTC(2026, 10, 26);

describe('motionVerdict: two thirds of all delegates to be valid, more than half of all to pass', () => {
  it.each([
    // delegates, turnout, yes → valid, passed
    [12, 8, 7, true, true],
    [12, 7, 7, false, false],
    [12, 12, 6, true, false],
    [12, 12, 7, true, true],
    [9, 6, 5, true, true],
    [9, 5, 5, false, false],
    [10, 7, 5, true, false],
    [10, 7, 6, true, true],
    [0, 0, 0, false, false],
  ])('%i delegates, %i voting, %i in favour', (delegates, turnout, yes, valid, passed) => {
    expect(motionVerdict(delegates, turnout, yes)).toEqual({ valid, passed });
  });
});

describe('ballotKeys', () => {
  it('counts an election’s picks within the limits', () => {
    expect(ballotKeys(election(5, 3, 1), { kind: 'election', picks: ['c2', 'c4'] })).toEqual(['c2', 'c4']);
    expect(() => ballotKeys(election(5, 3, 1), { kind: 'election', picks: [] })).toThrow('至少要选 1 人');
    expect(() => ballotKeys(election(5, 3, 1), { kind: 'election', picks: ['c1', 'c2', 'c3', 'c4'] })).toThrow('最多只能选 3 人');
  });
  it('allows a blank election ballot when the minimum is 0', () => {
    expect(ballotKeys(election(5, 3, 0), { kind: 'election', picks: [] })).toEqual([]);
  });
  it('keys an appraisal by person and grade, every person graded', () => {
    expect(ballotKeys(appraisal, { kind: 'appraisal', grades: { s2: 'basic', s1: 'excellent' } })).toEqual(['s1.excellent', 's2.basic']);
  });
  it('counts 其他 only with its text', () => {
    expect(ballotKeys(poll(2), { kind: 'poll', picks: ['o1', 'other'], otherText: '海岛' })).toEqual(['o1', 'other']);
    expect(() => ballotKeys(poll(2, false), { kind: 'poll', picks: ['other'], otherText: '海岛' })).toThrow('选票里有不存在的选项');
  });
});

it('tallyDelta moves only what changed', () => {
  expect([...tallyDelta(['c1', 'c2'], ['c2', 'c3'])]).toEqual([['c1', -1], ['c3', 1]]);
});

it('emptyTally lists every count at zero, in the order of the vote’s definition', () => {
  expect(Object.keys(emptyTally(poll(1)))).toEqual(['o1', 'o2', 'o3', 'other']);
  expect(emptyTally(appraisal)).toEqual({ s1: { excellent: 0, competent: 0, basic: 0, incompetent: 0 }, s2: { excellent: 0, competent: 0, basic: 0, incompetent: 0 } });
});

it('votePhase follows the status and the clock', () => {
  const vote = { status: 'published' as const, opensAt: T, closesAt: T + 1000 };
  expect(votePhase(vote, T - 1)).toBe('scheduled');
  expect(votePhase(vote, T)).toBe('open');
  expect(votePhase(vote, T + 1000)).toBe('closed');
  expect(votePhase({ ...vote, status: 'closed' }, T)).toBe('closed');
  expect(votePhase({ ...vote, status: 'draft' }, T)).toBe('draft');
});

describe('resultsVisibility', () => {
  it('never shows a secret vote before it closes, not even to organisers', () => {
    expect(resultsVisibility({ secret: true, resultVisibility: 'afterClose' }, 'open', true).visible).toBe(false);
    expect(resultsVisibility({ secret: true, resultVisibility: 'afterClose' }, 'closed', false).visible).toBe(true);
    expect(resultsVisibility({ secret: true, resultVisibility: 'organisers' }, 'closed', false)).toEqual({ visible: false, note: '这次投票的结果仅组织者可见' });
  });
  it('shows a named vote to organisers at any time, and to members live only when set', () => {
    expect(resultsVisibility({ secret: false, resultVisibility: 'afterClose' }, 'open', true).visible).toBe(true);
    expect(resultsVisibility({ secret: false, resultVisibility: 'afterClose' }, 'open', false)).toEqual({ visible: false, note: '投票结束后公布结果' });
    expect(resultsVisibility({ secret: false, resultVisibility: 'live' }, 'open', false).visible).toBe(true);
  });
});

describe('VoteDraftSchema', () => {
  const parse = (content: VoteContent, overrides = {}) => v.safeParse(VoteDraftSchema, voteDraft(T, content, overrides));
  it('makes a motion a delegates-only vote whatever electorate was sent', () => {
    const result = parse({ kind: 'motion' }, { electorate: { statuses: ['retired'] } });
    expect(result.success && result.output.electorate).toEqual({ delegatesOnly: true });
  });
  it.each([
    ['live results of a secret vote', election(3, 1), { resultVisibility: 'live' }, '无记名投票的结果只能在投票结束后公布'],
    ['changing a secret ballot', election(3, 1), { allowChange: true }, '无记名投票不能改票'],
    ['more picks than candidates', election(3, 4), {}, '最多选择人数不能超过候选人数'],
    ['a minimum above the maximum', election(3, 1, 2), {}, '最少选择人数不能大于最多选择人数'],
    ['closing before opening', election(3, 1), { closesAt: T - 120_000 }, '截止时间要晚于开始时间'],
  ])('refuses %s', (_name, content, overrides, message) => {
    const result = parse(content, overrides);
    expect(result.success).toBe(false);
    expect(result.issues?.map((i) => i.message)).toContain(message);
  });
  it('reserves the option id other for 其他', () => {
    expect(parse({ kind: 'poll', options: [{ id: 'other', label: 'A' }, { id: 'b', label: 'B' }], maxPicks: 1, allowOther: false }).success).toBe(false);
  });
});
