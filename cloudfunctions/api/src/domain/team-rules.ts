import { createHash } from 'node:crypto';
import type { Activity, ActivityDraft } from '../../../../types/activity';
import type { FieldIssue } from '../../../../types/envelope';
import type { Member } from '../../../../types/member';
import type { Team, TeamPlayerStatus, TeamSettings, TeamView } from '../../../../types/team';
import { DomainError } from '../lib/domain-error';
import { inAudience, signupRefusal, type Refusal } from './activity-rules';
import { ownValue } from '../../../../types/own-keys';

/**
 * A team's `_id`: the activity and a digest of its name (trimmed, case folded), so a second team
 * of the same name is refused by the database itself, however many captains race.
 */
export function teamId(activityId: string, name: string): string {
  const key = createHash('sha1').update(name.trim().toLowerCase()).digest('hex').slice(0, 16);
  return `${activityId}_${key}`;
}

/** A member's place in one team of an activity: one document per (activity, member). */
export const teamSeatId = (activityId: string, memberId: string): string => `${activityId}_${memberId}`;

/** Players who count: the captain and those who confirmed. */
export const countsAsPlaying = (status: TeamPlayerStatus): boolean => status === 'captain' || status === 'confirmed';

/** Players who hold a place in the team: everyone but those who declined. */
export const holdsPlace = (status: TeamPlayerStatus): boolean => status !== 'declined';

export const isComplete = (team: Pick<Team, 'confirmed'>, settings: Pick<TeamSettings, 'minPlayers'>): boolean => team.confirmed >= settings.minPlayers;

/** The activity's team rules, or NOT_TEAM_ACTIVITY. */
export function teamSettingsOf(activity: Pick<Activity, 'teams'>): TeamSettings {
  if (!activity.teams) throw new DomainError('NOT_TEAM_ACTIVITY');
  return activity.teams;
}

/** Why this member may not register a team now (window, audience, slots), or null. */
export function registerRefusal(
  activity: Pick<Activity, 'status' | 'audience' | 'signupOpensAt' | 'signupDeadline' | 'teams' | 'teamsTaken'>,
  member: Pick<Member, 'status' | 'gender' | 'groupId' | 'isDelegate'>,
  now: number,
): Refusal | null {
  if (!activity.teams) return { code: 'NOT_TEAM_ACTIVITY', reason: '这个活动不是团体赛' };
  const refusal = signupRefusal(activity, member, now);
  if (refusal) return refusal;
  if ((activity.teamsTaken ?? 0) >= activity.teams.maxTeams) return { code: 'TEAMS_FULL', reason: '参赛队伍已满' };
  return null;
}

/** Captains withdraw and players answer while sign-up is open (published, before the deadline). */
export function teamChangeRefusal(activity: Pick<Activity, 'status' | 'signupDeadline'>, now: number): Refusal | null {
  if (activity.status === 'cancelled') return { code: 'SIGNUP_NOT_OPEN', reason: '活动已取消' };
  if (activity.status !== 'published' && activity.status !== 'closed') return { code: 'SIGNUP_NOT_OPEN', reason: '活动还没有发布' };
  if (now > activity.signupDeadline) return { code: 'SIGNUP_NOT_OPEN', reason: '报名已截止' };
  return null;
}

/**
 * The other players as the captain listed them: duplicates dropped, the captain left out (they
 * play by registering). TOO_MANY_PLAYERS when the team would exceed maxPlayers.
 */
export function otherPlayers(playerIds: readonly string[], captainId: string, settings: Pick<TeamSettings, 'maxPlayers'>): string[] {
  const others = [...new Set(playerIds.map((id) => id.trim()))].filter((id) => id !== captainId);
  if (others.length > settings.maxPlayers - 1) {
    const message = `每队最多 ${settings.maxPlayers} 人（含队长），最多再添加 ${settings.maxPlayers - 1} 名队员`;
    throw new DomainError('TOO_MANY_PLAYERS', message, [{ path: 'playerIds', message }]);
  }
  return others;
}

/** Refuses players not on the roster (PLAYER_NOT_FOUND) or outside the audience (PLAYER_NOT_IN_AUDIENCE), naming each. */
export function checkPlayers(ids: readonly string[], found: readonly Member[], activity: Pick<Activity, 'audience'>): Member[] {
  const byId = new Map(found.map((m) => [m._id, m]));
  const missing: FieldIssue[] = [];
  const outside: FieldIssue[] = [];
  ids.forEach((id, i) => {
    const member = byId.get(id);
    // Never the id in the message: the same answer whether or not someone holds a typed 工号.
    if (!member) missing.push({ path: `playerIds.${i}`, message: '名册里没有这位队员，请从名单里选择' });
    else if (!inAudience(activity.audience, member)) outside.push({ path: `playerIds.${i}`, message: `${member.name}不在这个活动的参加范围内` });
  });
  if (missing.length) throw new DomainError('PLAYER_NOT_FOUND', missing[0].message, missing);
  if (outside.length) throw new DomainError('PLAYER_NOT_IN_AUDIENCE', outside[0].message, outside);
  return ids.map((id) => byId.get(id)!);
}

/** What everyone sees of a team: players in the captain's order. */
export function toTeamView(team: Team, settings: Pick<TeamSettings, 'minPlayers'>): TeamView {
  const players = Object.entries(team.players)
    .sort(([, a], [, b]) => a.order - b.order)
    .map(([memberId, p]) => ({ memberId, name: p.name, groupName: p.groupName, status: p.status }));
  return {
    _id: team._id,
    name: team.name,
    captainId: team.captainId,
    captainName: ownValue(team.players, team.captainId)?.name ?? '',
    players,
    confirmed: team.confirmed,
    complete: isComplete(team, settings),
  };
}

/** The most players any team holds a place for (captain, confirmed, invited). */
export const largestTeam = (teams: readonly Team[]): number =>
  teams.reduce((most, team) => Math.max(most, Object.values(team.players).filter((p) => holdsPlace(p.status)).length), 0);

/**
 * What an edit may not do to a team contest: fewer teams than registered, fewer players per team
 * than a team holds, turning teams off while teams are registered, or on while individuals have signed up.
 */
export function assertTeamsEdit(
  before: Pick<Activity, 'teams' | 'teamsTaken' | 'taken' | 'waiting'>,
  next: ActivityDraft['teams'],
  largest: number,
): void {
  const registered = before.teams ? (before.teamsTaken ?? 0) : 0;
  if (!next) {
    if (registered > 0) throw new DomainError('TEAMS_BELOW_REGISTERED', `已有 ${registered} 支球队报名，不能取消团体赛`, [{ path: 'draft.teams', message: `已有 ${registered} 支球队报名，不能取消团体赛` }]);
    return;
  }
  if (!before.teams && (before.taken > 0 || before.waiting > 0)) throw new DomainError('TEAM_ACTIVITY_HAS_SIGNUPS');
  if (next.maxTeams < registered) {
    const message = `已有 ${registered} 支球队报名，最多队伍数不能少于 ${registered}`;
    throw new DomainError('TEAMS_BELOW_REGISTERED', message, [{ path: 'draft.teams.maxTeams', message }]);
  }
  if (next.maxPlayers < largest) {
    const message = `已有球队有 ${largest} 名队员，每队最多人数不能少于 ${largest}`;
    throw new DomainError('TEAM_SIZE_BELOW_PLAYERS', message, [{ path: 'draft.teams.maxPlayers', message }]);
  }
}
