import type { VoteInfo } from '../../types/vote';
import { groupNonVoters, turnoutLine, turnoutPercent, turnoutRate } from '../../src/packages/vote-admin/lib/turnout';
import {
  blankVoteForm,
  newItemId,
  picksText,
  voteDraftOf,
  voteFormOf,
  withKind,
  withSecret,
  type VoteForm,
} from '../../src/packages/vote-admin/lib/vote-draft-form';

/** 2026-11-25 10:20 in Shanghai. */
const NOW = Date.UTC(2026, 10, 25, 2, 20);
const OPENS = Date.UTC(2026, 11, 1, 0, 0);
const CLOSES = Date.UTC(2026, 11, 4, 10, 0);

/** A filled-in election form: two candidates, opening 12-01 08:00, closing 12-04 18:00. */
const election = (patch: Partial<VoteForm> = {}): VoteForm => ({
  ...blankVoteForm('election', NOW),
  title: '优秀教师评选',
  opens: { date: '2026-12-01', time: '08:00' },
  closes: { date: '2026-12-04', time: '18:00' },
  candidates: [
    { id: 'c1', name: ' 王老师 ', intro: '', memberId: ' T001 ', photo: '' },
    { id: 'c2', name: '李老师', intro: '数学组', memberId: '', photo: 'cloud://env.b/vote-photos/x.png' },
  ],
  ...patch,
});
const problemOf = (form: VoteForm) => {
  const checked = voteDraftOf(form);
  return checked.ok ? '' : checked.problem;
};

const stored = (overrides: Partial<VoteInfo>): VoteInfo => ({
  _id: 'v1',
  title: '春游去哪儿',
  description: '',
  content: { kind: 'poll', options: [{ id: 'p1', label: '西湖' }, { id: 'p2', label: '千岛湖' }], maxPicks: 1, allowOther: true },
  opensAt: OPENS,
  closesAt: CLOSES,
  electorate: {},
  secret: false,
  resultVisibility: 'live',
  allowChange: true,
  status: 'draft',
  rev: 1,
  turnout: 0,
  createdBy: 'T900',
  createdAt: NOW,
  updatedAt: NOW,
  ...overrides,
});

describe('a new vote', () => {
  it('opens at the next whole hour and closes three days later at 18:00, Shanghai time', () => {
    const form = blankVoteForm('election', NOW);
    expect(form.opens).toEqual({ date: '2026-11-25', time: '11:00' });
    expect(form.closes).toEqual({ date: '2026-11-28', time: '18:00' });
    // Late in the evening the next hour is on the next day; on the hour it stays.
    expect(blankVoteForm('poll', Date.UTC(2026, 10, 25, 15, 30)).opens).toEqual({ date: '2026-11-26', time: '00:00' });
    expect(blankVoteForm('poll', Date.UTC(2026, 10, 25, 2, 0)).opens).toEqual({ date: '2026-11-25', time: '10:00' });
  });
  it('picks 0 to 1 candidates, is secret except for a poll, and shows results after closing', () => {
    const form = blankVoteForm('election', NOW);
    expect([form.minPicks, form.maxPicks, form.secret, form.resultVisibility, form.allowChange]).toEqual(['0', '1', true, 'afterClose', false]);
    expect(blankVoteForm('appraisal', NOW).secret).toBe(true);
    expect(blankVoteForm('motion', NOW).secret).toBe(true);
    expect(blankVoteForm('poll', NOW).secret).toBe(false);
    expect(blankVoteForm('poll', NOW).options).toHaveLength(2);
    expect(blankVoteForm('motion', NOW).electorate).toBe('delegates');
  });
});

describe('ids', () => {
  it('are short, as the schema wants, unique among the given ones, never "other"', () => {
    const ids = Array.from({ length: 200 }, () => newItemId('c'));
    for (const id of ids) expect(id).toMatch(/^c[a-z0-9]{5}$/);
    // A scripted random source: the first id is taken, so the next one is drawn.
    const letters = 'abcdefghijklmnopqrstuvwxyz0123456789';
    const script = [...'aaaaa', ...'bbbbb'].map((ch) => (letters.indexOf(ch) + 0.5) / letters.length);
    let i = 0;
    expect(newItemId('c', ['caaaaa'], () => script[i++])).toBe('cbbbbb');
  });
});

describe('the draft sent', () => {
  it('trims names, leaves out empty optional fields, and reads times in Shanghai', () => {
    expect(voteDraftOf(election({ maxPicks: '2', electorate: 'retired' }))).toEqual({
      ok: true,
      draft: {
        title: '优秀教师评选',
        description: '',
        content: {
          kind: 'election',
          candidates: [
            { id: 'c1', name: '王老师', memberId: 'T001' },
            { id: 'c2', name: '李老师', intro: '数学组', photo: 'cloud://env.b/vote-photos/x.png' },
          ],
          minPicks: 0,
          maxPicks: 2,
        },
        opensAt: OPENS,
        closesAt: CLOSES,
        electorate: { statuses: ['retired'] },
        secret: true,
        resultVisibility: 'afterClose',
        allowChange: false,
      },
    });
  });
  it('sends each electorate as the audience the cloud reads', () => {
    const electorateOf = (patch: Partial<VoteForm>) => {
      const checked = voteDraftOf(election(patch));
      return checked.ok ? checked.draft.electorate : checked.problem;
    };
    expect(electorateOf({ electorate: 'all' })).toEqual({});
    expect(electorateOf({ electorate: 'active' })).toEqual({ statuses: ['active'] });
    expect(electorateOf({ electorate: 'groups', groupIds: ['g1', 'g2'] })).toEqual({ groupIds: ['g1', 'g2'] });
    expect(electorateOf({ electorate: 'groups', groupIds: [] })).toBe('请选择参加投票的工会小组');
    expect(electorateOf({ electorate: 'delegates', groupIds: ['g1'] })).toEqual({ delegatesOnly: true });
    expect(electorateOf({ electorate: 'kept', keptElectorate: { statuses: ['active'], genders: ['female'] } })).toEqual({ statuses: ['active'], genders: ['female'] });
    // A motion is for the delegates whatever was chosen before.
    const motion = voteDraftOf({ ...withKind(election({ electorate: 'active' }), 'motion'), description: '议案' });
    expect(motion.ok && motion.draft).toMatchObject({ content: { kind: 'motion' }, electorate: { delegatesOnly: true } });
  });
  it('sends an appraisal’s subjects and a poll’s options', () => {
    const appraisal = voteDraftOf({ ...election(), kind: 'appraisal', subjects: [{ id: 's1', name: '周主任', title: ' 教务处主任 ' }, { id: 's2', name: '吴主任', title: '' }] });
    expect(appraisal.ok && appraisal.draft.content).toEqual({ kind: 'appraisal', subjects: [{ id: 's1', name: '周主任', title: '教务处主任' }, { id: 's2', name: '吴主任' }] });
    const poll = voteDraftOf({ ...withKind(election(), 'poll'), options: [{ id: 'p1', label: '西湖' }, { id: 'p2', label: '千岛湖' }], pollMaxPicks: '3', allowOther: true });
    expect(poll.ok && poll.draft).toMatchObject({ content: { kind: 'poll', maxPicks: 3, allowOther: true }, secret: false });
  });
  it('refuses what the cloud would refuse, in its own words, naming the item', () => {
    expect(problemOf(election({ title: '  ' }))).toBe('请填写标题');
    expect(problemOf(election({ maxPicks: '3' }))).toBe('最多选择人数不能超过候选人数');
    expect(problemOf(election({ minPicks: '2', maxPicks: '1' }))).toBe('最少选择人数不能大于最多选择人数');
    expect(problemOf(election({ maxPicks: '' }))).toBe('请填写最多选择人数');
    expect(problemOf(election({ maxPicks: '1.5' }))).toBe('最多选择人数必须是整数');
    expect(problemOf(election({ candidates: [...election().candidates, { id: 'c3', name: '', intro: '', memberId: '', photo: '' }] }))).toBe('第 3 位候选人：请填写候选人名称');
    expect(problemOf(election({ candidates: [{ id: 'c1', name: '王老师', intro: '', memberId: 'T 01', photo: '' }] }))).toBe('第 1 位候选人：工号只能包含字母、数字、下划线或短横线');
    expect(problemOf(election({ closes: { date: '2026-11-30', time: '18:00' } }))).toBe('截止时间要晚于开始时间');
    expect(problemOf(election({ closes: { date: '', time: '18:00' } }))).toBe('请选择截止时间');
    expect(problemOf({ ...withKind(election(), 'motion'), description: ' ' })).toBe('请在说明里写上表决的议案内容');
    const poll = withKind(election(), 'poll');
    expect(problemOf({ ...poll, options: [{ id: 'p1', label: '西湖' }, { id: 'p2', label: '' }] })).toBe('第 2 个选项：请填写选项');
    expect(problemOf({ ...poll, options: [{ id: 'p1', label: '西湖' }, { id: 'p2', label: '千岛湖' }], pollMaxPicks: '3' })).toBe('最多可选数不能超过选项数');
    expect(problemOf({ ...poll, options: [{ id: 'p1', label: '西湖' }, { id: 'p2', label: '千岛湖' }], pollMaxPicks: '3', allowOther: true })).toBe('');
  });
});

describe('secret votes', () => {
  it('switching 无记名 on turns off live results and changing a ballot', () => {
    const named = { ...election(), secret: false, resultVisibility: 'live' as const, allowChange: true };
    expect(withSecret(named, true)).toMatchObject({ secret: true, resultVisibility: 'afterClose', allowChange: false });
    expect(withSecret({ ...named, resultVisibility: 'organisers' }, true).resultVisibility).toBe('organisers');
    expect(withSecret(named, false)).toMatchObject({ secret: false, resultVisibility: 'live', allowChange: true });
  });
  it('a kind brings its own default, and leaving a motion frees the electorate', () => {
    const poll = withKind(election(), 'poll');
    expect(poll.secret).toBe(false);
    expect(withKind(poll, 'appraisal').secret).toBe(true);
    expect(withKind(election({ electorate: 'active' }), 'motion').electorate).toBe('delegates');
    expect(withKind(withKind(election(), 'motion'), 'poll').electorate).toBe('all');
    expect(withKind(election({ electorate: 'active' }), 'poll').electorate).toBe('active');
  });
  it('never sends a change allowance for a secret vote', () => {
    const checked = voteDraftOf({ ...election(), allowChange: true });
    expect(checked.ok && checked.draft.allowChange).toBe(false);
    expect(problemOf({ ...election(), resultVisibility: 'live' })).toBe('无记名投票的结果只能在投票结束后公布');
  });
});

describe('editing', () => {
  it('prefills every field from the stored vote, and sends it back unchanged', () => {
    const vote = stored({});
    const form = voteFormOf(vote, NOW);
    expect(form).toMatchObject({ kind: 'poll', opens: { date: '2026-12-01', time: '08:00' }, closes: { date: '2026-12-04', time: '18:00' }, pollMaxPicks: '1', allowOther: true, electorate: 'all' });
    const checked = voteDraftOf(form);
    const { title, description, content, opensAt, closesAt, electorate, secret, resultVisibility, allowChange } = vote;
    expect(checked).toEqual({ ok: true, draft: { title, description, content, opensAt, closesAt, electorate, secret, resultVisibility, allowChange } });
  });
  it('reads an election’s candidates with their optional fields', () => {
    const content = { kind: 'election' as const, candidates: [{ id: 'c1', name: '王老师', memberId: 'T001', photo: 'cloud://x/y.jpg' }], minPicks: 1, maxPicks: 1 };
    const form = voteFormOf(stored({ content, secret: true, resultVisibility: 'afterClose', allowChange: false, electorate: { groupIds: ['g1'] } }), NOW);
    expect(form.candidates).toEqual([{ id: 'c1', name: '王老师', memberId: 'T001', intro: '', photo: 'cloud://x/y.jpg' }]);
    expect([form.minPicks, form.maxPicks, form.electorate, form.groupIds]).toEqual(['1', '1', 'groups', ['g1']]);
    const checked = voteDraftOf(form);
    expect(checked.ok && checked.draft.content).toEqual(content);
  });
  it('keeps an electorate the form cannot draw, and sends it back unchanged', () => {
    const electorate = { statuses: ['active' as const], groupIds: ['g1'] };
    const form = voteFormOf(stored({ electorate }), NOW);
    expect(form.electorate).toBe('kept');
    const checked = voteDraftOf(form);
    expect(checked.ok && checked.draft.electorate).toEqual(electorate);
    expect(voteFormOf(stored({ electorate: { statuses: ['active', 'retired'] } }), NOW).electorate).toBe('all');
    expect(voteFormOf(stored({ electorate: { delegatesOnly: true } }), NOW).electorate).toBe('delegates');
  });
});

describe('texts', () => {
  it('says how many a ballot picks', () => {
    expect(picksText('0', '1')).toBe('每张选票最多选 1 人');
    expect(picksText('2', '3')).toBe('每张选票选 2–3 人');
    expect(picksText('3', '3')).toBe('每张选票正好选 3 人');
    expect(picksText('', '3')).toBe('');
  });
  it('states turnout against the electorate', () => {
    expect(turnoutLine(37, 60)).toBe('已投 37 / 应投 60，投票率 61.7%');
    expect(turnoutRate(60, 60)).toBe('100%');
    expect(turnoutRate(0, 60)).toBe('0%');
    expect(turnoutRate(0, 0)).toBe('—');
    expect(turnoutRate(1, 3)).toBe('33.3%');
    expect(turnoutPercent(70, 60)).toBe(100);
    expect(turnoutPercent(1, 0)).toBe(0);
  });
  it('groups non-voters by group in the server’s order, and searches names and groups', () => {
    const people = [
      { memberId: 'T1', name: '钱老师', groupName: '语文组', bound: true },
      { memberId: 'T2', name: '孙老师', groupName: '语文组', bound: false },
      { memberId: 'T3', name: '周老师', groupName: '数学组', bound: true },
      { memberId: 'T4', name: '吴老师', groupName: '', bound: true },
    ];
    expect(groupNonVoters(people).map((g) => [g.groupName, g.people.map((p) => p.name)])).toEqual([
      ['语文组', ['钱老师', '孙老师']],
      ['数学组', ['周老师']],
      ['未分组', ['吴老师']],
    ]);
    expect(groupNonVoters(people, ' 数学 ').map((g) => g.groupName)).toEqual(['数学组']);
    expect(groupNonVoters(people, '孙').map((g) => g.people.map((p) => p.name))).toEqual([['孙老师']]);
    expect(groupNonVoters(people, '没有这个人')).toEqual([]);
  });
});
