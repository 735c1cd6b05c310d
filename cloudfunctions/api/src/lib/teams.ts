/**
 * Teams in a team contest, held like seats: by the database's own guarantees, never check-then-write.
 *
 * - A team's name is its `_id` (see teamId): `add` refuses a second team of the same name.
 * - A member's place in one team of an activity is `teamSeats/${activityId}_${memberId}`, created
 *   with `add` when they register or are invited: a second one fails, so nobody plays in two teams.
 * - Team slots are `activities.teamsTaken` (mirrored in `taken`, since a team contest's places are
 *   its teams), taken by one conditional update: `teamsTaken < maxTeams` → +1.
 * - A team is written 'pending' before its slot is taken, so an organiser's edit checking team
 *   sizes sees it; it turns 'active' once the slot is held, and is removed if it gets none.
 */
import type { Activity, ActivityDraft } from '../../../../types/activity';
import type { FieldIssue } from '../../../../types/envelope';
import type { Member } from '../../../../types/member';
import type { Team, TeamPlayer, TeamSettings } from '../../../../types/team';
import { assertTeamsEdit, largestTeam, teamId, teamSeatId } from '../domain/team-rules';
import { getActivity } from './activities-repo';
import { _ } from './cloud';
import { collection } from './collections';
import { DomainError } from './domain-error';
import { isDuplicateKey } from './duplicate-key';
import { ownValue } from '../../../../types/own-keys';

export async function getTeam(id: string): Promise<Team | null> {
  const { data } = await collection('teams').doc(id).get();
  return (data as Team | null) ?? null;
}

/** An activity's teams (at most 100 by the schema), pending ones too when asked (edit checks). */
export async function teamsOf(activityId: string, options: { pending?: boolean } = {}): Promise<Team[]> {
  const { data } = await collection('teams')
    .where({ activityId, ...(options.pending ? {} : { status: 'active' }) })
    .orderBy('createdAt', 'asc')
    .orderBy('_id', 'asc')
    .limit(1000)
    .get();
  return data as Team[];
}

export interface TeamRequest {
  activity: Activity;
  settings: TeamSettings;
  name: string;
  captain: Member;
  /** The other players, checked (on the roster, in the audience), in the captain's order. */
  players: Member[];
  /** Where each player came in the captain's list, for pointing at them in errors. */
  pathOf: (memberId: string) => string;
}

/** Registers a team: name, every player's seat, then a slot. Anything refused leaves nothing behind. */
export async function holdTeam(request: TeamRequest): Promise<Team> {
  const { activity, name, captain, players, pathOf } = request;
  const now = Date.now();
  const _id = teamId(activity._id, name);
  // Built from entries: assigning roster[id] with an id `__proto__` would set the prototype instead.
  const roster: Record<string, TeamPlayer> = Object.fromEntries([
    [captain._id, { name: captain.name, groupName: captain.groupName, status: 'captain', order: 0 } satisfies TeamPlayer],
    ...players.map((p, i) => [p._id, { name: p.name, groupName: p.groupName, status: 'invited', order: i + 1 } satisfies TeamPlayer] as const),
  ]);
  const team: Team = { _id, activityId: activity._id, name, captainId: captain._id, players: roster, confirmed: 1, status: 'pending', createdAt: now };

  // 1. The name.
  try {
    await collection('teams').add({ data: team });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    throw new DomainError('TEAM_NAME_TAKEN', name, [{ path: 'name', message: `已经有叫「${name}」的球队了` }]);
  }

  // 2. Every player's seat, all at once; whoever already plays elsewhere is named.
  const people = [captain, ...players];
  const results = await Promise.allSettled(
    people.map((m) => collection('teamSeats').add({ data: { _id: teamSeatId(activity._id, m._id), activityId: activity._id, memberId: m._id, teamId: _id, at: now } })),
  );
  const taken: FieldIssue[] = [];
  for (const [i, result] of results.entries()) {
    if (result.status === 'fulfilled') continue;
    if (!isDuplicateKey(result.reason)) {
      await release(activity._id, _id);
      throw result.reason;
    }
    const m = people[i];
    taken.push(i === 0 ? { path: 'captain', message: '你已经在这个活动的一支球队里了（或收到了邀请）' } : { path: pathOf(m._id), message: `${m.name}已经在另一支球队里了` });
  }
  if (taken.length) {
    await release(activity._id, _id);
    throw new DomainError('ALREADY_IN_TEAM', taken[0].message, taken);
  }

  // 3. A slot, on the team rules this request read; retried when an organiser changed them meanwhile.
  let settings = request.settings;
  for (let attempt = 0; ; attempt++) {
    const { stats } = await collection('activities')
      .where({ _id: activity._id, status: 'published', 'teams.maxTeams': settings.maxTeams, 'teams.maxPlayers': settings.maxPlayers, teamsTaken: _.lt(settings.maxTeams) })
      .update({ data: { teamsTaken: _.inc(1), taken: _.inc(1) } });
    if (stats.updated === 1) break;
    const fresh = await getActivity(activity._id);
    const refusal: DomainError | null =
      !fresh || fresh.status !== 'published' ? new DomainError('SIGNUP_NOT_OPEN')
      : !fresh.teams ? new DomainError('NOT_TEAM_ACTIVITY')
      : (fresh.teamsTaken ?? 0) >= fresh.teams.maxTeams ? new DomainError('TEAMS_FULL')
      : people.length > fresh.teams.maxPlayers ? new DomainError('TOO_MANY_PLAYERS')
      : attempt >= 4 ? new DomainError('CONFLICT')
      : null;
    if (refusal) {
      await release(activity._id, _id);
      throw refusal;
    }
    settings = fresh!.teams!;
  }
  await collection('teams').where({ _id, status: 'pending' }).update({ data: { status: 'active' } });
  return { ...team, status: 'active' };
}

/** Gives back a team that got no slot: its seats, then its name. */
async function release(activityId: string, id: string): Promise<void> {
  await collection('teamSeats').where({ activityId, teamId: id }).remove();
  await collection('teams').where({ _id: id, status: 'pending' }).remove();
}

/** A player's answer: invited → confirmed, or invited/confirmed → declined (leaving frees their seat). */
export async function answerInvitation(team: Team, memberId: string, accept: boolean): Promise<void> {
  const player = ownValue(team.players, memberId);
  if (!player || (accept ? player.status !== 'invited' : player.status !== 'invited' && player.status !== 'confirmed')) throw new DomainError('NOT_INVITED');
  const path = `players.${memberId}.status`;
  const { stats } = await collection('teams')
    .where({ _id: team._id, status: 'active', [path]: player.status })
    .update({ data: accept ? { [path]: 'confirmed', confirmed: _.inc(1) } : { [path]: 'declined', ...(player.status === 'confirmed' ? { confirmed: _.inc(-1) } : {}) } });
  if (stats.updated !== 1) throw new DomainError('NOT_INVITED');
  if (!accept) await collection('teamSeats').where({ _id: teamSeatId(team.activityId, memberId), teamId: team._id }).remove();
}

/** The captain withdraws: the team goes (its name is free again), then its slot and every seat. */
export async function withdrawTeam(team: Team, captainId: string): Promise<void> {
  const { stats } = await collection('teams').where({ _id: team._id, status: 'active', captainId }).remove();
  if (stats.removed !== 1) throw new DomainError('NOT_FOUND');
  await collection('activities').doc(team.activityId).update({ data: { teamsTaken: _.inc(-1), taken: _.inc(-1) } });
  await collection('teamSeats').where({ activityId: team.activityId, teamId: team._id }).remove();
}

/**
 * An organiser's edit of a team contest, checked against the teams registered (see assertTeamsEdit).
 * Returns the draft to write (a draft without `teams` keeps the activity's own), and what the
 * activity update must add to its condition and its data so a registration in between is not overrun.
 */
export async function teamsEdit(before: Activity, draft: ActivityDraft): Promise<{ draft: ActivityDraft; where: object; data: object }> {
  const teams = draft.teams === undefined ? (before.teams ?? null) : draft.teams;
  if (!teams && !before.teams) return { draft, where: {}, data: {} };
  const largest = before.teams && teams ? largestTeam(await teamsOf(before._id, { pending: true })) : 0;
  assertTeamsEdit(before, teams, largest);
  const next = { ...draft, teams, ...(teams ? { capacity: teams.maxTeams } : {}) };
  const where = before.teams ? { teamsTaken: before.teamsTaken ?? 0 } : { taken: 0, waiting: 0 };
  const data = teams ? { teams: _.set(teams), ...(before.teams ? {} : { teamsTaken: 0 }) } : { teams: null };
  return { draft: next, where, data };
}
