/**
 * Team contests through the real request function: captains register teams, players confirm or
 * decline, captains withdraw; slots and "one team per member" hold under concurrency; edits that
 * would break registered teams are refused; bad input writes nothing.
 */
import type { Activity, ActivityDraft } from '../../types/activity';
import type { Team, TeamSeat } from '../../types/team';
import { activityDraft, demo, expectOk, seedBoundMembers, startTestCloud, type TestCloud } from './support/harness';

jest.setTimeout(90_000);

let t: TestCloud;
const T0 = Date.UTC(2026, 2, 2, 1, 0);
const DAY = 24 * 60 * 60 * 1000;
const chair = demo.openid(demo.chair.staffNo);
// 40 people of 语文组 (demo-g1) and 10 retired people of 数学组 (demo-g2), all bound.
let people: Array<{ staffNo: string; openid: string }>;
let retired: Array<{ staffNo: string; openid: string }>;
const TEAMS = { maxTeams: 3, minPlayers: 3, maxPlayers: 4 };

beforeAll(async () => {
  t = await startTestCloud({ instancesPerFunction: 3 });
  t.cloud.clock.set(T0);
  people = seedBoundMembers(t.cloud, 80, () => ({}), 'P');
  retired = seedBoundMembers(t.cloud, 10, () => ({ status: 'retired', groupId: 'demo-g2', groupName: '数学组' }), 'Q');
});
afterAll(() => t.stop());

let next = 0;
/** A fresh slice of people for one test, so tests don't meet each other's seats. */
const take = (n: number) => people.slice(next, (next += n));

async function contest(overrides: Partial<ActivityDraft> = {}): Promise<Activity> {
  const draft = expectOk(await t.act(chair, 'activity.create', { draft: activityDraft(T0, { title: '教工排球赛', capacity: null, companionsMax: 0, teams: TEAMS, audience: { statuses: ['active'] }, ...overrides }) }));
  return expectOk(await t.act(chair, 'activity.publish', { activityId: draft._id }));
}
const activityDoc = (id: string): Activity => t.cloud.db.admin.find('activities', { _id: id })[0];
const teamsIn = (activityId: string): Team[] => t.cloud.db.admin.find('teams', { activityId });
const seatsIn = (activityId: string): TeamSeat[] => t.cloud.db.admin.find('teamSeats', { activityId });

describe('a team contest', () => {
  it('counts teams as its places, and refuses individual sign-up with a clear message', async () => {
    const a = await contest();
    expect(a).toMatchObject({ teams: TEAMS, capacity: 3, teamsTaken: 0, taken: 0 });
    const [p] = take(1);
    const before = t.snapshot();
    expect(await t.act(p.openid, 'activity.signUp', { activityId: a._id, companions: 0, answers: {} })).toMatchObject({ ok: false, code: 'TEAM_ACTIVITY', message: '这是团体赛，请由队长报名球队' });
    expect(await t.act(chair, 'activity.signUpFor', { activityId: a._id, memberId: p.staffNo, companions: 0, answers: {} })).toMatchObject({ code: 'TEAM_ACTIVITY' });
    expect(t.snapshot()).toEqual(before);
  });

  it('comes with its team board on the detail screen, in one call', async () => {
    const a = await contest();
    const [captain, p1, p2] = take(3);
    expectOk(await t.act(captain.openid, 'team.register', { activityId: a._id, name: '详情页一队', playerIds: [t.publicId(p1.staffNo), t.publicId(p2.staffNo)] }));
    const { result } = await t.cloud.call('api', { action: 'activity.get', input: { activityId: a._id } }, { openid: p1.openid });
    expect(result.data.teamBoard).toMatchObject({ activityId: a._id, viewerId: p1.staffNo, invitations: [expect.objectContaining({ name: '详情页一队' })], mine: null });
    const plain = await t.cloud.call('api', { action: 'activity.create', input: { draft: activityDraft(T0) } }, { openid: chair });
    const detail = expectOk(await t.act(chair, 'activity.get', { activityId: plain.result.data._id }));
    expect(detail.teamBoard).toBeUndefined();
  });

  it('register → players confirm or decline → complete → captain withdraws, freeing the slot and every seat', async () => {
    const a = await contest();
    const [captain, p1, p2, p3] = take(4);
    const team = expectOk(await t.act(captain.openid, 'team.register', { activityId: a._id, name: ' 语文组一队 ', playerIds: [t.publicId(p1.staffNo), t.publicId(p2.staffNo), t.publicId(p3.staffNo), t.publicId(captain.staffNo), t.publicId(p1.staffNo)] }));
    expect(team).toMatchObject({ name: '语文组一队', captainId: captain.staffNo, confirmed: 1, complete: false });
    // The captain sees their own 工号, and the other players by public id (issue 12).
    expect(team.players.map((p) => [p.memberId, p.status])).toEqual([
      [captain.staffNo, 'captain'], [t.publicId(p1.staffNo), 'invited'], [t.publicId(p2.staffNo), 'invited'], [t.publicId(p3.staffNo), 'invited'],
    ]);
    expect(team.players[1]).toMatchObject({ name: '测试' + Number(p1.staffNo.slice(1)), groupName: '语文组' });
    expect(activityDoc(a._id)).toMatchObject({ teamsTaken: 1, taken: 1 });
    // Only playing holds a seat: the captain's now, each player's when they accept.
    expect(seatsIn(a._id).map((s) => s.memberId)).toEqual([captain.staffNo]);

    // The player sees the invitation; it does not keep them from registering a team of their own.
    const board = expectOk(await t.act(p1.openid, 'team.list', { activityId: a._id }));
    expect(board).toMatchObject({ teamsLeft: 2, mine: null, canRegister: { ok: true }, open: true });
    expect(board.invitations.map((v) => v._id)).toEqual([team._id]);

    expect(expectOk(await t.act(p1.openid, 'team.respond', { teamId: team._id, accept: true }))).toMatchObject({ confirmed: 2, complete: false });
    expect(await t.act(p1.openid, 'team.respond', { teamId: team._id, accept: true })).toMatchObject({ code: 'NOT_INVITED' });
    const declined = expectOk(await t.act(p2.openid, 'team.respond', { teamId: team._id, accept: false }));
    expect(declined.players.find((p) => p.memberId === p2.staffNo)?.status).toBe('declined');
    expect(seatsIn(a._id).map((s) => s.memberId)).not.toContain(p2.staffNo);
    const complete = expectOk(await t.act(p3.openid, 'team.respond', { teamId: team._id, accept: true }));
    expect(complete).toMatchObject({ confirmed: 3, complete: true });
    expect(seatsIn(a._id).map((s) => s.memberId).sort()).toEqual([captain, p1, p3].map((p) => p.staffNo).sort());
    expect(expectOk(await t.act(p3.openid, 'team.list', { activityId: a._id })).mine?._id).toBe(team._id);
    // Someone who declined is free to play elsewhere.
    expect(expectOk(await t.act(p2.openid, 'team.list', { activityId: a._id })).canRegister).toEqual({ ok: true });

    // Organisers see every team with its players and their answers.
    const seen = expectOk(await t.act(chair, 'team.list', { activityId: a._id }));
    expect(seen.teams.map((v) => [v.name, v.complete, v.players.map((p) => p.status)])).toEqual([['语文组一队', true, ['captain', 'confirmed', 'declined', 'confirmed']]]);

    expect(await t.act(p1.openid, 'team.withdraw', { teamId: team._id })).toMatchObject({ code: 'NOT_TEAM_CAPTAIN' });
    expect(expectOk(await t.act(captain.openid, 'team.withdraw', { teamId: team._id }))).toEqual({ withdrawn: true });
    expect(activityDoc(a._id)).toMatchObject({ teamsTaken: 0, taken: 0 });
    expect(seatsIn(a._id)).toEqual([]);
    expect(teamsIn(a._id)).toEqual([]);
    // The name is free again.
    expect(expectOk(await t.act(p1.openid, 'team.register', { activityId: a._id, name: '语文组一队', playerIds: [] })).captainId).toBe(p1.staffNo);
  });

  it('refuses withdrawing and answering after the deadline', async () => {
    const a = await contest({ signupDeadline: T0 + DAY });
    const [captain, p1] = take(2);
    const team = expectOk(await t.act(captain.openid, 'team.register', { activityId: a._id, name: '截止队', playerIds: [t.publicId(p1.staffNo)] }));
    t.cloud.clock.set(T0 + 2 * DAY);
    try {
      const before = t.snapshot();
      expect(await t.act(p1.openid, 'team.respond', { teamId: team._id, accept: true })).toMatchObject({ code: 'SIGNUP_NOT_OPEN' });
      expect(await t.act(captain.openid, 'team.withdraw', { teamId: team._id })).toMatchObject({ code: 'SIGNUP_NOT_OPEN' });
      expect(expectOk(await t.act(captain.openid, 'team.list', { activityId: a._id }))).toMatchObject({ open: false });
      expect(t.snapshot()).toEqual(before);
    } finally {
      t.cloud.clock.set(T0);
    }
  });
});

describe('bad input', () => {
  it('too many players, unknown 工号, a player outside the audience, a taken name: clear errors, nothing written', async () => {
    const a = await contest();
    const [captain, p1, p2, p3, p4, other] = take(6);
    expectOk(await t.act(other.openid, 'team.register', { activityId: a._id, name: 'Smash', playerIds: [] }));
    const before = t.snapshot();
    const register = (name: string, playerIds: string[]) => t.act(captain.openid, 'team.register', { activityId: a._id, name, playerIds });

    expect(await register('五人队', [p1, p2, p3, p4].map((p) => t.publicId(p.staffNo)))).toMatchObject({
      code: 'TOO_MANY_PLAYERS', issues: [{ path: 'playerIds', message: '每队最多 4 人（含队长），最多再添加 3 名队员' }],
    });
    expect(await register('新队', [t.publicId(p1.staffNo), 'NOBODY1'])).toMatchObject({ code: 'PLAYER_NOT_FOUND', issues: [{ path: 'playerIds.1', message: '名册里没有这位队员，请从名单里选择' }] });
    expect(await register('新队', [t.publicId(retired[0].staffNo)])).toMatchObject({ code: 'PLAYER_NOT_IN_AUDIENCE', issues: [{ path: 'playerIds.0', message: expect.stringContaining('不在这个活动的参加范围内') }] });
    expect(await register('smash', [t.publicId(p1.staffNo)])).toMatchObject({ code: 'TEAM_NAME_TAKEN', issues: [{ path: 'name' }] });
    expect(await register('新队', [t.publicId(other.staffNo)])).toMatchObject({ code: 'ALREADY_IN_TEAM', issues: [{ path: 'playerIds.0', message: `测试${Number(other.staffNo.slice(1))}已经在另一支球队里了` }] });
    expect(await register('', [])).toMatchObject({ code: 'INVALID_INPUT', issues: [{ path: 'name', message: '请填写队名' }] });
    expect(await register('一二三四五六七八九十一二三四五六七八九十一', [])).toMatchObject({ code: 'INVALID_INPUT' });
    expect(await t.act(captain.openid, 'team.register', { activityId: a._id, name: 'x', playerIds: ['a b'] })).toMatchObject({ code: 'INVALID_INPUT' });
    expect(await t.raw(captain.openid, { action: 'team.register', input: { activityId: a._id, name: 'x', playerIds: [], extra: 1 } })).toMatchObject({ code: 'INVALID_INPUT' });
    expect(await t.act(retired[1].openid, 'team.register', { activityId: a._id, name: '退休队', playerIds: [] })).toMatchObject({ code: 'NOT_IN_AUDIENCE' });
    expect(await t.act(captain.openid, 'team.register', { activityId: 'nope', name: 'x', playerIds: [] })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await t.act(captain.openid, 'team.respond', { teamId: 'nope', accept: true })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await t.act(captain.openid, 'team.withdraw', { teamId: 'nope' })).toMatchObject({ code: 'NOT_FOUND' });
    const individual = expectOk(await t.act(chair, 'activity.create', { draft: activityDraft(T0) }));
    expect(await t.act(chair, 'team.register', { activityId: individual._id, name: 'x', playerIds: [] })).toMatchObject({ code: 'NOT_TEAM_ACTIVITY' });
    const afterCreate = t.snapshot();
    delete (afterCreate as Record<string, unknown[]>).activities;
    const { activities: _a, ...rest } = before;
    expect(afterCreate).toEqual(rest);
    expect(activityDoc(a._id)).toMatchObject({ teamsTaken: 1, taken: 1 });
  });

  it('refuses settings that make no sense', async () => {
    const bad = (teams: ActivityDraft['teams']) => t.act(chair, 'activity.create', { draft: activityDraft(T0, { teams }) });
    expect(await bad({ maxTeams: 0, minPlayers: 1, maxPlayers: 2 })).toMatchObject({ code: 'INVALID_INPUT', issues: [{ path: 'draft.teams.maxTeams', message: '最多队伍数至少为 1' }] });
    expect(await bad({ maxTeams: 4, minPlayers: 6, maxPlayers: 5 })).toMatchObject({ code: 'INVALID_INPUT', issues: [expect.objectContaining({ message: '每队最多人数不能少于最少人数' })] });
    expect(await bad({ maxTeams: 101, minPlayers: 1, maxPlayers: 51 })).toMatchObject({ code: 'INVALID_INPUT' });
  });
});

describe('organisers edit a team contest', () => {
  it('refuse fewer teams than registered, fewer players than a team holds, turning teams off with teams in; accept the rest', async () => {
    const a = await contest({ teams: { maxTeams: 4, minPlayers: 2, maxPlayers: 4 } });
    const [c1, c2, x1, x2, x3] = take(5);
    expectOk(await t.act(c1.openid, 'team.register', { activityId: a._id, name: 'A 队', playerIds: [t.publicId(x1.staffNo), t.publicId(x2.staffNo), t.publicId(x3.staffNo)] }));
    expectOk(await t.act(c2.openid, 'team.register', { activityId: a._id, name: 'B 队', playerIds: [] }));
    const edit = (teams: ActivityDraft['teams']) =>
      t.act(chair, 'activity.update', { activityId: a._id, draft: activityDraft(T0, { title: '教工排球赛', capacity: null, companionsMax: 0, audience: { statuses: ['active'] }, teams }) });
    const before = t.snapshot();
    expect(await edit({ maxTeams: 1, minPlayers: 2, maxPlayers: 4 })).toMatchObject({ code: 'TEAMS_BELOW_REGISTERED', issues: [{ path: 'draft.teams.maxTeams', message: '已有 2 支球队报名，最多队伍数不能少于 2' }] });
    expect(await edit({ maxTeams: 4, minPlayers: 2, maxPlayers: 3 })).toMatchObject({ code: 'TEAM_SIZE_BELOW_PLAYERS', issues: [{ path: 'draft.teams.maxPlayers', message: '已有球队有 4 名队员，每队最多人数不能少于 4' }] });
    expect(await edit(null)).toMatchObject({ code: 'TEAMS_BELOW_REGISTERED' });
    expect(t.snapshot()).toEqual(before);
    const edited = expectOk(await edit({ maxTeams: 2, minPlayers: 3, maxPlayers: 5 }));
    expect(edited).toMatchObject({ teams: { maxTeams: 2, minPlayers: 3, maxPlayers: 5 }, capacity: 2, teamsTaken: 2, taken: 2 });
    // A draft without `teams` (an older client) keeps the contest's rules.
    const { teams: _omit, ...older } = activityDraft(T0, { title: '教工排球赛（改）', audience: { statuses: ['active'] } });
    expect(expectOk(await t.act(chair, 'activity.update', { activityId: a._id, draft: older }))).toMatchObject({ title: '教工排球赛（改）', teams: { maxTeams: 2 }, capacity: 2 });
    expect(await t.act(c1.openid, 'team.list', { activityId: a._id })).toMatchObject({ ok: true, data: { teamsLeft: 0 } });
  });

  it('refuse turning an activity with individual sign-ups into a team contest; allow it before anyone signed up', async () => {
    const plain = expectOk(await t.act(chair, 'activity.publish', { activityId: expectOk(await t.act(chair, 'activity.create', { draft: activityDraft(T0) }))._id }));
    const [p] = take(1);
    expectOk(await t.act(p.openid, 'activity.signUp', { activityId: plain._id, companions: 0, answers: {} }));
    const before = t.snapshot();
    expect(await t.act(chair, 'activity.update', { activityId: plain._id, draft: activityDraft(T0, { teams: TEAMS }) })).toMatchObject({ code: 'TEAM_ACTIVITY_HAS_SIGNUPS' });
    expect(t.snapshot()).toEqual(before);

    const empty = expectOk(await t.act(chair, 'activity.create', { draft: activityDraft(T0) }));
    const turned = expectOk(await t.act(chair, 'activity.update', { activityId: empty._id, draft: activityDraft(T0, { teams: TEAMS }) }));
    expect(turned).toMatchObject({ teams: TEAMS, teamsTaken: 0, capacity: 3 });
  });
});

describe('under concurrency', () => {
  it('30 captains racing for 8 slots: exactly 8 teams, the rest told TEAMS_FULL, nothing left behind', async () => {
    const a = await contest({ teams: { maxTeams: 8, minPlayers: 1, maxPlayers: 2 } });
    const captains = seedBoundMembers(t.cloud, 30, () => ({}), 'C');
    const answers = await Promise.all(captains.map((c, i) => t.act(c.openid, 'team.register', { activityId: a._id, name: `队伍${i}`, playerIds: [] })));
    const codes = answers.map((e) => (e.ok ? 'ok' : e.code));
    expect(codes.filter((c) => c === 'ok')).toHaveLength(8);
    expect(codes.filter((c) => c !== 'ok').every((c) => c === 'TEAMS_FULL')).toBe(true);
    expect(activityDoc(a._id)).toMatchObject({ teamsTaken: 8, taken: 8 });
    expect(teamsIn(a._id).map((tm) => tm.status)).toEqual(Array(8).fill('active'));
    expect(seatsIn(a._id)).toHaveLength(8);
  });

  // Two captains inviting the same player at once both register (an invitation holds no seat); the
  // race that matters, two acceptances at once, is in team-invitations.test.ts.

  it('the same member registering two teams at once holds at most one', async () => {
    const a = await contest({ teams: { maxTeams: 10, minPlayers: 1, maxPlayers: 3 } });
    const [c] = take(1);
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => t.act(c.openid, 'team.register', { activityId: a._id, name: `同一人${i}`, playerIds: [] })));
    expect(answers.filter((e) => e.ok)).toHaveLength(1);
    expect(answers.filter((e) => !e.ok).every((e) => !e.ok && e.code === 'ALREADY_IN_TEAM')).toBe(true);
    expect(activityDoc(a._id)).toMatchObject({ teamsTaken: 1 });
    expect(teamsIn(a._id)).toHaveLength(1);
  });
});
