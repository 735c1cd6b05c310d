/**
 * Every rule of voting, through the real request function and SDK against the local cloud.
 */
import ExcelJS from 'exceljs';
import type { Vote } from '../../types/vote';
import { demo, expectOk, seedBoundMembers, startTestCloud, type TestCloud } from './support/harness';
import { appraisal, election, motion, poll, voteDraft } from './support/votes';

jest.setTimeout(60_000);

let t: TestCloud;
const HOUR = 60 * 60 * 1000;
const T0 = Date.UTC(2026, 10, 26, 2, 0);
const chair = demo.openid(demo.chair.staffNo);
const committee = demo.openid(demo.committee.staffNo);
const bound = demo.members.filter((m) => m.openid && m.roles.length === 0);
const activeBound = bound.filter((m) => m.status === 'active');
const [alice, bob, carol] = activeBound.map((m) => demo.openid(m.staffNo));
const nonDelegate = activeBound.find((m) => !m.isDelegate)!;
const retired = bound.find((m) => m.status === 'retired')!;

beforeAll(async () => {
  t = await startTestCloud();
});
afterAll(() => t.stop());
beforeEach(() => t.cloud.clock.set(T0));

const stored = (id: string) => t.cloud.db.admin.find('votes', { _id: id })[0] as Vote;

async function published(draft = voteDraft(T0, election(5, 3))) {
  const vote = expectOk(await t.act(chair, 'vote.create', { draft }));
  expectOk(await t.act(chair, 'vote.publish', { voteId: vote._id }));
  return vote._id;
}

const castElection = (openid: string, voteId: string, picks: string[]) => t.act(openid, 'vote.cast', { voteId, ballot: { kind: 'election', picks } });

describe('casting', () => {
  it('counts a secret ballot at the maximum, marks the member as voted, and refuses a second one', async () => {
    const id = await published();
    const detail = expectOk(await castElection(alice, id, ['c1', 'c3', 'c5']));
    expect(detail).toMatchObject({ voted: true, canVote: { ok: false, reason: '你已经投过票了' }, myBallot: null, results: null, resultsNote: '投票结束后公布结果' });

    const before = t.snapshot();
    expect(await castElection(alice, id, ['c2'])).toMatchObject({ ok: false, code: 'ALREADY_VOTED', message: '你已经投过票了，每人只能投一次' });
    expect(t.snapshot()).toEqual(before);
    expect(stored(id)).toMatchObject({ turnout: 1, voterIds: [demo.members.find((m) => demo.openid(m.staffNo) === alice)!.staffNo], tally: { c1: 1, c2: 0, c3: 1, c4: 0, c5: 1 } });
  });

  it.each([
    ['too many candidates', { kind: 'election', picks: ['c1', 'c2', 'c3', 'c4'] }, 'BALLOT_INVALID', '最多只能选 3 人'],
    ['too few candidates', { kind: 'election', picks: ['c1'] }, 'BALLOT_INVALID', '至少要选 2 人'],
    ['an unknown candidate', { kind: 'election', picks: ['c1', 'c9'] }, 'BALLOT_INVALID', '选票里有不存在的候选人'],
    ['the same candidate twice', { kind: 'election', picks: ['c1', 'c1'] }, 'BALLOT_INVALID', '同一项不能选两次'],
    ['a ballot of another kind', { kind: 'motion', stance: 'yes' }, 'BALLOT_INVALID', '选票类型与这次投票不符'],
    ['a query object for a candidate', { kind: 'election', picks: [{ $gt: '' }, 'c1'] }, 'INVALID_INPUT', undefined],
    ['an unknown key', { kind: 'election', picks: ['c1', 'c2'], weight: 2 }, 'INVALID_INPUT', '不认识的字段：ballot.weight'],
  ])('refuses %s and writes nothing', async (_name, ballot, code, issue) => {
    const id = await published(voteDraft(T0, election(5, 3, 2)));
    const before = t.snapshot();
    const answer = await t.raw(bob, { action: 'vote.cast', input: { voteId: id, ballot } });
    expect(answer).toMatchObject({ ok: false, code });
    if (issue && !answer.ok) expect(answer.issues?.map((i) => i.message)).toContain(issue);
    expect(t.snapshot()).toEqual(before);
  });

  it('refuses grades outside the scale and an appraisal that leaves someone out', async () => {
    const id = await published(voteDraft(T0, appraisal, { title: '2026年校级领导民主评议' }));
    const before = t.snapshot();
    expect(await t.raw(bob, { action: 'vote.cast', input: { voteId: id, ballot: { kind: 'appraisal', grades: { s1: 'excellent', s2: 'great' } } } })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    const partial = await t.act(bob, 'vote.cast', { voteId: id, ballot: { kind: 'appraisal', grades: { s1: 'excellent' } } });
    expect(partial).toMatchObject({ ok: false, code: 'BALLOT_INVALID', issues: [{ message: '请为每位评议对象选择等次，还没评：李书记' }] });
    expect(await t.act(bob, 'vote.cast', { voteId: id, ballot: { kind: 'appraisal', grades: { s1: 'excellent', s2: 'competent', s3: 'basic' } } })).toMatchObject({ ok: false, code: 'BALLOT_INVALID' });
    expect(t.snapshot()).toEqual(before);
  });

  it('asks for the text of 其他, and keeps a secret poll’s texts sorted, not in arrival order', async () => {
    const id = await published(voteDraft(T0, poll(2), { title: '秋游去哪里' }));
    expect(await t.act(alice, 'vote.cast', { voteId: id, ballot: { kind: 'poll', picks: ['other'] } })).toMatchObject({ ok: false, code: 'BALLOT_INVALID' });
    expect(await t.act(alice, 'vote.cast', { voteId: id, ballot: { kind: 'poll', picks: ['o1'], otherText: '随便' } })).toMatchObject({ ok: false, code: 'BALLOT_INVALID' });
    expectOk(await t.act(alice, 'vote.cast', { voteId: id, ballot: { kind: 'poll', picks: ['o1', 'other'], otherText: '珠海外伶仃岛' } }));
    expectOk(await t.act(bob, 'vote.cast', { voteId: id, ballot: { kind: 'poll', picks: ['other'], otherText: '澳门' } }));
    expectOk(await t.act(carol, 'vote.cast', { voteId: id, ballot: { kind: 'poll', picks: ['o2'] } }));
    expect(stored(id).otherTexts).toEqual(['澳门', '珠海外伶仃岛'].sort());
    expect(stored(id).tally).toEqual({ o1: 1, o2: 1, o3: 0, other: 2 });
  });
});

describe('who may vote, and when', () => {
  it('refuses before opening, after closing, after closing early, and in a draft', async () => {
    const later = await published(voteDraft(T0, election(3, 1), { opensAt: T0 + HOUR, closesAt: T0 + 5 * HOUR }));
    const before = t.snapshot();
    expect(await castElection(alice, later, ['c1'])).toMatchObject({ ok: false, code: 'VOTE_NOT_OPEN' });
    expect(expectOk(await t.act(alice, 'vote.get', { voteId: later })).canVote).toEqual({ ok: false, reason: '投票将于 11月26日 11:00 开始' });
    t.cloud.clock.set(T0 + 5 * HOUR);
    expect(await castElection(alice, later, ['c1'])).toMatchObject({ ok: false, code: 'VOTE_NOT_OPEN' });
    expect(t.snapshot()).toEqual(before);

    t.cloud.clock.set(T0);
    const early = await published(voteDraft(T0, election(3, 1)));
    expectOk(await t.act(committee, 'vote.close', { voteId: early }));
    expect(await castElection(alice, early, ['c1'])).toMatchObject({ ok: false, code: 'VOTE_NOT_OPEN' });

    const draft = expectOk(await t.act(chair, 'vote.create', { draft: voteDraft(T0, election(3, 1)) }));
    expect(await castElection(alice, draft._id, ['c1'])).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await t.act(alice, 'vote.get', { voteId: draft._id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it('keeps motions to delegates, electorates to their members, and strangers out', async () => {
    const motionId = await published(voteDraft(T0, motion, { title: '关于《教职工绩效工资分配方案》的表决' }));
    expect(stored(motionId).electorate).toEqual({ delegatesOnly: true });
    const retiredOnly = await published(voteDraft(T0, election(3, 1), { electorate: { statuses: ['retired'] } }));
    const before = t.snapshot();
    expect(await t.act(demo.openid(nonDelegate.staffNo), 'vote.cast', { voteId: motionId, ballot: { kind: 'motion', stance: 'yes' } })).toMatchObject({ ok: false, code: 'NOT_IN_ELECTORATE' });
    expect(await castElection(alice, retiredOnly, ['c1'])).toMatchObject({ ok: false, code: 'NOT_IN_ELECTORATE' });
    expect(await castElection('a-stranger-openid', retiredOnly, ['c1'])).toMatchObject({ ok: false, code: 'NOT_BOUND' });
    expect(await castElection(demo.openid(demo.unbound[0].staffNo), retiredOnly, ['c1'])).toMatchObject({ ok: false, code: 'NOT_BOUND' });
    expect(t.snapshot()).toEqual(before);
    expectOk(await castElection(demo.openid(retired.staffNo), retiredOnly, ['c2']));

    // Lists show members only their electorate's votes; drafts only to organisers.
    const draft = expectOk(await t.act(chair, 'vote.create', { draft: voteDraft(T0, election(3, 1), { title: '未发布的草稿' }) }));
    const aliceList = expectOk(await t.act(alice, 'vote.list', {}));
    expect(aliceList.canManage).toBe(false);
    expect(aliceList.votes.map((v) => v._id)).not.toContain(retiredOnly);
    expect(aliceList.votes.map((v) => v._id)).not.toContain(draft._id);
    const retiredList = expectOk(await t.act(demo.openid(retired.staffNo), 'vote.list', {}));
    expect(retiredList.votes.find((v) => v._id === retiredOnly)).toMatchObject({ voted: true, phase: 'open', eligible: true, turnout: 1 });
    const chairList = expectOk(await t.act(chair, 'vote.list', {}));
    expect(chairList.votes.find((v) => v._id === draft._id)).toMatchObject({ phase: 'draft' });
  });

  it('lets only organisers create, manage, watch turnout and export', async () => {
    const id = await published();
    const before = t.snapshot();
    expect(await t.act(alice, 'vote.create', { draft: voteDraft(T0, election(3, 1)) })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    for (const action of ['vote.publish', 'vote.close', 'vote.remove', 'vote.turnout', 'vote.export'] as const) {
      expect(await t.act(alice, action, { voteId: id })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    expect(t.snapshot()).toEqual(before);
  });
});

describe('organising', () => {
  it('edits freely until the first ballot; then only a later closing time', async () => {
    const id = await published(voteDraft(T0, election(3, 1)));
    expectOk(await t.act(chair, 'vote.update', { voteId: id, draft: voteDraft(T0, election(4, 2), { title: '改过的标题' }) }));
    expect(stored(id)).toMatchObject({ title: '改过的标题', rev: 2, tally: { c1: 0, c2: 0, c3: 0, c4: 0 } });
    expectOk(await castElection(alice, id, ['c4']));

    const before = t.snapshot();
    expect(await t.act(chair, 'vote.update', { voteId: id, draft: voteDraft(T0, election(4, 2), { title: '再改一次' }) })).toMatchObject({ ok: false, code: 'VOTE_NOT_EDITABLE' });
    expect(await t.act(chair, 'vote.remove', { voteId: id })).toMatchObject({ ok: false, code: 'VOTE_NOT_EDITABLE' });
    expect(await t.act(chair, 'vote.extend', { voteId: id, closesAt: T0 + HOUR })).toMatchObject({ ok: false, code: 'VOTE_EXTEND_INVALID' });
    expect(t.snapshot()).toEqual(before);

    const extended = expectOk(await t.act(chair, 'vote.extend', { voteId: id, closesAt: T0 + 72 * HOUR }));
    expect(extended.closesAt).toBe(T0 + 72 * HOUR);
    expect(stored(id)).toMatchObject({ turnout: 1, tally: { c4: 1 } });
  });

  it('refuses a vote whose settings contradict themselves', async () => {
    const before = t.snapshot();
    const cases = [
      voteDraft(T0, election(3, 1), { allowChange: true }),
      voteDraft(T0, election(3, 1), { resultVisibility: 'live' }),
      voteDraft(T0, election(3, 4)),
      voteDraft(T0, election(3, 1), { closesAt: T0 - HOUR }),
    ];
    for (const draft of cases) expect(await t.act(chair, 'vote.create', { draft })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(t.snapshot()).toEqual(before);
  });

  it('deletes a vote nobody voted in', async () => {
    const id = await published();
    expectOk(await t.act(chair, 'vote.remove', { voteId: id }));
    expect(t.cloud.db.admin.find('votes', { _id: id })).toEqual([]);
  });

  it('shows turnout against the electorate and names who has not voted, with no choices', async () => {
    const id = await published();
    expectOk(await castElection(alice, id, ['c1']));
    expectOk(await castElection(bob, id, ['c2']));
    const turnout = expectOk(await t.act(committee, 'vote.turnout', { voteId: id }));
    const everyone = t.cloud.db.admin.find('members', {}).length;
    expect(turnout).toMatchObject({ electorate: everyone, turnout: 2, phase: 'open' });
    expect(turnout.notVoted).toHaveLength(everyone - 2);
    expect(turnout.notVoted.find((m) => m.memberId === demo.unbound[0].staffNo)).toMatchObject({ name: demo.unbound[0].name, bound: false });
    // Nothing of the choices: exactly these fields, and each non-voter is a name and a group only.
    // (Compared as field sets: the vote's random id may well contain "c1".)
    expect(Object.keys(turnout).sort()).toEqual(['electorate', 'notVoted', 'phase', 'turnout', 'vote']);
    expect(Object.keys(turnout.vote).sort()).toEqual(['_id', 'closesAt', 'kind', 'opensAt', 'secret', 'status', 'title']);
    expect(new Set(turnout.notVoted.flatMap((m) => Object.keys(m)))).toEqual(new Set(['bound', 'groupName', 'memberId', 'name']));
  });
});

describe('results', () => {
  it('hides a secret vote’s results from everyone until it closes, then shows exact counts', async () => {
    const id = await published(voteDraft(T0, election(4, 2), { resultVisibility: 'afterClose' }));
    expectOk(await castElection(alice, id, ['c1', 'c2']));
    expectOk(await castElection(bob, id, ['c2']));
    expect(expectOk(await t.act(chair, 'vote.get', { voteId: id })).results).toBeNull();
    expect(await t.act(chair, 'vote.export', { voteId: id })).toMatchObject({ ok: false, code: 'RESULTS_NOT_YET' });

    t.cloud.clock.set(T0 + 49 * HOUR);
    const detail = expectOk(await t.act(carol, 'vote.get', { voteId: id }));
    expect(detail.phase).toBe('closed');
    expect(detail.results).toEqual({
      kind: 'election',
      ballots: 2,
      rows: [
        { id: 'c2', label: '候选人2', count: 2 },
        { id: 'c1', label: '候选人1', count: 1 },
        { id: 'c3', label: '候选人3', count: 0 },
        { id: 'c4', label: '候选人4', count: 0 },
      ],
    });
  });

  it('shows a named live vote as it goes, and keeps organisers-only results from members', async () => {
    const live = await published(voteDraft(T0, poll(1, false), { secret: false, resultVisibility: 'live' }));
    expectOk(await t.act(alice, 'vote.cast', { voteId: live, ballot: { kind: 'poll', picks: ['o2'] } }));
    expect(expectOk(await t.act(bob, 'vote.get', { voteId: live })).results).toMatchObject({ kind: 'poll', ballots: 1, rows: [{ count: 0 }, { count: 1 }, { count: 0 }] });

    const hidden = await published(voteDraft(T0, poll(1, false), { secret: false, resultVisibility: 'organisers' }));
    expectOk(await t.act(alice, 'vote.cast', { voteId: hidden, ballot: { kind: 'poll', picks: ['o1'] } }));
    t.cloud.clock.set(T0 + 49 * HOUR);
    expect(expectOk(await t.act(bob, 'vote.get', { voteId: hidden }))).toMatchObject({ results: null, resultsNote: '这次投票的结果仅组织者可见' });
    expect(expectOk(await t.act(chair, 'vote.get', { voteId: hidden })).results).toMatchObject({ ballots: 1, rows: [{ count: 1 }, { count: 0 }, { count: 0 }] });
  });

  it('gives each appraised person the distribution and the share of 优秀+称职', async () => {
    const id = await published(voteDraft(T0, appraisal, { secret: true }));
    const grades = [
      { s1: 'excellent', s2: 'basic' },
      { s1: 'competent', s2: 'incompetent' },
      { s1: 'basic', s2: 'competent' },
      { s1: 'excellent', s2: 'basic' },
    ] as const;
    for (const [i, g] of grades.entries()) expectOk(await t.act(demo.openid(activeBound[i].staffNo), 'vote.cast', { voteId: id, ballot: { kind: 'appraisal', grades: g } }));
    t.cloud.clock.set(T0 + 49 * HOUR);
    const { results } = expectOk(await t.act(alice, 'vote.get', { voteId: id }));
    expect(results).toEqual({
      kind: 'appraisal',
      ballots: 4,
      rows: [
        { id: 's1', label: '王校长（校长）', grades: { excellent: 2, competent: 1, basic: 1, incompetent: 0 }, approval: 0.75 },
        { id: 's2', label: '李书记（党支部书记）', grades: { excellent: 0, competent: 1, basic: 2, incompetent: 1 }, approval: 0.25 },
      ],
    });
  });

  it('lets a named vote’s voter change their ballot before closing; counts move, turnout stays', async () => {
    const id = await published(voteDraft(T0, election(3, 1), { secret: false, allowChange: true, resultVisibility: 'live' }));
    expectOk(await castElection(alice, id, ['c1']));
    const changed = expectOk(await castElection(alice, id, ['c3']));
    expect(changed).toMatchObject({ voted: true, canChange: true, myBallot: { kind: 'election', picks: ['c3'] } });
    expect(stored(id)).toMatchObject({ turnout: 1, tally: { c1: 0, c2: 0, c3: 1 } });
    expect(stored(id).namedBallots).toMatchObject({ [activeBound[0].staffNo]: { ballot: { picks: ['c3'] }, rev: 2 } });

    t.cloud.clock.set(T0 + 49 * HOUR);
    const before = t.snapshot();
    expect(await castElection(alice, id, ['c2'])).toMatchObject({ ok: false, code: 'VOTE_NOT_OPEN' });
    expect(t.snapshot()).toEqual(before);
  });

  it('exports the results, and each ballot of a named vote', async () => {
    const id = await published(voteDraft(T0, election(3, 2), { secret: false, title: '文明家庭评选' }));
    expectOk(await castElection(alice, id, ['c1', 'c2']));
    expectOk(await castElection(bob, id, ['c2']));
    const file = expectOk(await t.act(chair, 'vote.export', { voteId: id }));
    expect(file.fileName).toBe('文明家庭评选-投票结果.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await (await fetch(file.tempFileURL)).arrayBuffer()) as never);
    const cells = (name: string) => (book.getWorksheet(name)!.getSheetValues() as unknown[][]).filter(Boolean).map((row) => row.slice(1));
    expect(cells('投票结果')).toEqual(expect.arrayContaining([[1, '候选人2', 2, '100.0%'], [2, '候选人1', 1, '50.0%'], ['已投人数', 2]]));
    const detail = cells('投票明细');
    expect(detail[0]).toEqual(['序号', '姓名', '工号', '工会小组', '选择', '投票时间']);
    expect(detail.slice(1).map((row) => row[4]).sort()).toEqual(['候选人1、候选人2', '候选人2']);
  });
});

describe('congress motions: two thirds to be valid, more than half of all delegates to pass', () => {
  // Add delegates until all delegates (bound or not) are a multiple of 6, so that two thirds and
  // half are whole numbers, with enough bound delegates to vote past two thirds.
  let delegates: string[];
  let all: number;
  beforeAll(() => {
    const existing = t.cloud.db.admin.find('members', { isDelegate: true }) as Array<{ _id: string; openid?: string }>;
    const boundIds = existing.filter((m) => m.openid).map((m) => demo.openid(m._id));
    let extra = 0;
    while ((existing.length + extra) % 6 !== 0 || boundIds.length + extra < ((existing.length + extra) * 2) / 3 + 1) extra += 1;
    const added = seedBoundMembers(t.cloud, extra, () => ({ isDelegate: true }), 'D').map((p) => p.openid);
    delegates = [...boundIds, ...added];
    all = existing.length + extra;
  });

  async function motionWith(stances: Array<'yes' | 'no' | 'abstain'>) {
    const id = await published(voteDraft(T0, motion, { title: '关于修订《教职工请假制度》的表决' }));
    for (const [i, stance] of stances.entries()) expectOk(await t.act(delegates[i], 'vote.cast', { voteId: id, ballot: { kind: 'motion', stance } }));
    t.cloud.clock.set(T0 + 49 * HOUR);
    const { results } = expectOk(await t.act(chair, 'vote.get', { voteId: id }));
    t.cloud.clock.set(T0);
    return results;
  }
  const yes = (n: number) => Array(n).fill('yes');
  const no = (n: number) => Array(n).fill('no');

  const twoThirds = () => (all * 2) / 3;
  const half = () => all / 2;

  it('exactly two thirds taking part is valid; one fewer is not', async () => {
    expect(await motionWith([...yes(half() + 1), ...no(twoThirds() - half() - 1)])).toEqual({
      kind: 'motion', delegates: all, turnout: twoThirds(), yes: half() + 1, no: twoThirds() - half() - 1, abstain: 0, valid: true, passed: true,
    });
    expect(await motionWith(yes(twoThirds() - 1))).toMatchObject({ delegates: all, turnout: twoThirds() - 1, valid: false, passed: false });
  });

  it('exactly half of all delegates in favour fails; one more passes', async () => {
    expect(await motionWith([...yes(half()), ...no(twoThirds() - half()), 'abstain'])).toMatchObject({ yes: half(), valid: true, passed: false });
    expect(await motionWith([...yes(half() + 1), ...no(twoThirds() - half() - 1), 'abstain'])).toMatchObject({ yes: half() + 1, valid: true, passed: true });
  });

  it('counts against all delegates, not those voting: a big majority of a bare quorum can still fail', async () => {
    // Of exactly two thirds voting, three quarters in favour is still only half of all delegates.
    expect(await motionWith([...yes(half()), ...no(twoThirds() - half())])).toMatchObject({ delegates: all, turnout: twoThirds(), yes: half(), valid: true, passed: false });
  });
});
