import * as v from 'valibot';
import { ActivityDraftSchema } from '../../types/activity';
import type { Member } from '../../types/member';
import type { Team } from '../../types/team';
import {
  assertTeamsEdit, checkPlayers, isComplete, largestTeam, otherPlayers, registerRefusal, teamChangeRefusal, teamId, toTeamView,
} from '../../cloudfunctions/api/src/domain/team-rules';
import { DomainError } from '../../cloudfunctions/api/src/lib/domain-error';

const NOW = Date.UTC(2026, 2, 2, 1, 0);
const HOUR = 3600_000;
const settings = { maxTeams: 4, minPlayers: 3, maxPlayers: 5 };
const member = (id: string, extra: Partial<Member> = {}): Member => ({
  _id: id, staffNo: id, name: `老师${id}`, gender: 'female', status: 'active', groupId: 'g1', groupName: '语文组', roles: [], isDelegate: false, createdAt: 0, updatedAt: 0, ...extra,
});
const refusalOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof DomainError ? { code: e.code, issues: e.issues } : e;
  }
  return null;
};
const team = (players: Team['players'], confirmed = 1): Team => ({ _id: 't', activityId: 'a', name: '一队', captainId: 'C', players, confirmed, status: 'active', createdAt: 0 });

describe('the draft', () => {
  const base = {
    title: '教工排球赛', category: 'sports', description: '', place: '', startAt: NOW + 48 * HOUR, endAt: NOW + 50 * HOUR, signupOpensAt: NOW, signupDeadline: NOW + 24 * HOUR,
    capacity: null, cancelRule: 'untilDeadline', audience: {}, companionsMax: 0, choices: [],
  };
  it('stays valid without teams (older drafts) and with teams: null', () => {
    expect(v.safeParse(ActivityDraftSchema, base).success).toBe(true);
    expect(v.parse(ActivityDraftSchema, { ...base, teams: null })).toMatchObject({ teams: null, capacity: null });
  });
  it('counts places in teams', () => {
    expect(v.parse(ActivityDraftSchema, { ...base, capacity: 50, teams: settings }).capacity).toBe(4);
  });
  it('refuses more minimum than maximum players, and out-of-range numbers', () => {
    const problem = (teams: unknown) => v.safeParse(ActivityDraftSchema, { ...base, teams }).issues?.[0].message;
    expect(problem({ maxTeams: 4, minPlayers: 6, maxPlayers: 5 })).toBe('每队最多人数不能少于最少人数');
    expect(problem({ maxTeams: 101, minPlayers: 1, maxPlayers: 5 })).toBe('最多队伍数最多 100');
    expect(problem({ maxTeams: 4, minPlayers: 0, maxPlayers: 5 })).toBe('每队最少人数至少为 1');
    expect(problem({ maxTeams: 4, minPlayers: 1, maxPlayers: 51 })).toBe('每队最多人数最多 50');
    expect(problem({ maxTeams: 4, minPlayers: 1, maxPlayers: 5, extra: 1 })).toBeDefined();
  });
});

describe('team rules', () => {
  it('give a team an id from its name, trimmed and case folded, per activity', () => {
    expect(teamId('a1', 'Smash')).toBe(teamId('a1', ' smash '));
    expect(teamId('a1', 'Smash')).not.toBe(teamId('a2', 'Smash'));
    expect(teamId('a1', '语文一队')).toMatch(/^a1_[0-9a-f]{16}$/);
  });

  it('drop duplicates and the captain from the players, and refuse more than maxPlayers − 1', () => {
    expect(otherPlayers(['A', 'B', 'A', 'C', 'C'], 'C', settings)).toEqual(['A', 'B']);
    expect(refusalOf(() => otherPlayers(['A', 'B', 'D', 'E', 'F'], 'C', settings))).toMatchObject({ code: 'TOO_MANY_PLAYERS', issues: [{ path: 'playerIds' }] });
  });

  it('name every 工号 not on the roster, then everyone outside the audience', () => {
    const found = [member('A'), member('B', { status: 'retired', name: '王老师' })];
    expect(refusalOf(() => checkPlayers(['A', 'X', 'B'], found, { audience: {} }))).toMatchObject({ code: 'PLAYER_NOT_FOUND', issues: [{ path: 'playerIds.1', message: '名册里没有这位队员，请从名单里选择' }] });
    expect(refusalOf(() => checkPlayers(['A', 'B'], found, { audience: { statuses: ['active'] } }))).toMatchObject({
      code: 'PLAYER_NOT_IN_AUDIENCE', issues: [{ path: 'playerIds.1', message: '王老师不在这个活动的参加范围内' }],
    });
    expect(checkPlayers(['B', 'A'], found, { audience: {} }).map((m) => m._id)).toEqual(['B', 'A']);
  });

  it('let a member register while sign-up is open and slots are left', () => {
    const activity = { status: 'published' as const, audience: {}, signupOpensAt: NOW - HOUR, signupDeadline: NOW + HOUR, teams: settings, teamsTaken: 3 };
    expect(registerRefusal(activity, member('A'), NOW)).toBeNull();
    expect(registerRefusal({ ...activity, teamsTaken: 4 }, member('A'), NOW)).toMatchObject({ code: 'TEAMS_FULL' });
    expect(registerRefusal({ ...activity, teams: null }, member('A'), NOW)).toMatchObject({ code: 'NOT_TEAM_ACTIVITY' });
    expect(registerRefusal(activity, member('A'), NOW + 2 * HOUR)).toMatchObject({ code: 'SIGNUP_NOT_OPEN', reason: '报名已截止' });
    expect(registerRefusal({ ...activity, audience: { genders: ['male'] } }, member('A'), NOW)).toMatchObject({ code: 'NOT_IN_AUDIENCE' });
    expect(teamChangeRefusal(activity, NOW)).toBeNull();
    expect(teamChangeRefusal({ ...activity, status: 'cancelled' }, NOW)).toMatchObject({ reason: '活动已取消' });
  });

  it('call a team complete when confirmed players (captain included) reach minPlayers', () => {
    expect(isComplete({ confirmed: 2 }, settings)).toBe(false);
    expect(isComplete({ confirmed: 3 }, settings)).toBe(true);
  });

  it('show players in the captain\'s order, and count places held (declined players hold none)', () => {
    const t = team({
      B: { name: '乙', groupName: '数学组', status: 'declined', order: 2 },
      C: { name: '队长', groupName: '语文组', status: 'captain', order: 0 },
      A: { name: '甲', groupName: '语文组', status: 'confirmed', order: 1 },
      D: { name: '丁', groupName: '语文组', status: 'invited', order: 3 },
    }, 2);
    const view = toTeamView(t, settings);
    expect(view.players.map((p) => p.memberId)).toEqual(['C', 'A', 'B', 'D']);
    expect(view).toMatchObject({ captainName: '队长', confirmed: 2, complete: false });
    expect(largestTeam([t, team({ C: { name: '队长', groupName: '', status: 'captain', order: 0 } })])).toBe(3);
  });

  it('refuse edits that would break registered teams', () => {
    const before = { teams: settings, teamsTaken: 3, taken: 3, waiting: 0 };
    expect(refusalOf(() => assertTeamsEdit(before, { ...settings, maxTeams: 2 }, 4))).toMatchObject({ code: 'TEAMS_BELOW_REGISTERED', issues: [{ path: 'draft.teams.maxTeams' }] });
    expect(refusalOf(() => assertTeamsEdit(before, { ...settings, maxPlayers: 3 }, 4))).toMatchObject({ code: 'TEAM_SIZE_BELOW_PLAYERS', issues: [{ path: 'draft.teams.maxPlayers' }] });
    expect(refusalOf(() => assertTeamsEdit(before, null, 4))).toMatchObject({ code: 'TEAMS_BELOW_REGISTERED' });
    expect(refusalOf(() => assertTeamsEdit({ teams: null, taken: 2, waiting: 0 }, settings, 0))).toMatchObject({ code: 'TEAM_ACTIVITY_HAS_SIGNUPS' });
    expect(refusalOf(() => assertTeamsEdit(before, { maxTeams: 3, minPlayers: 5, maxPlayers: 4 }, 4))).toBeNull();
    expect(refusalOf(() => assertTeamsEdit({ ...before, teamsTaken: 0 }, null, 0))).toBeNull();
  });
});
