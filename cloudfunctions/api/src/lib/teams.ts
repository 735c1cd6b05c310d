/**
 * Teams in a team contest, held like seats: by the database's own guarantees, never check-then-write.
 *
 * - A team's name is its `_id` (see teamId): `add` refuses a second team of the same name.
 * - A member's place in one team of an activity is `teamSeats/${activityId}_${memberId}`: a second
 *   one cannot be written, so nobody plays in two teams. Only playing holds it: the captain's is
 *   added when they register, a player's in the same transaction that accepts an invitation (and
 *   removed in the one that leaves). An invitation holds nothing, so a captain cannot block people
 *   from other teams by inviting them; two acceptances at once both write the seat and one loses.
 * - Team slots are `activities.teamsTaken` (mirrored in `taken`, since a team contest's places are
 *   its teams), taken by one conditional update: `teamsTaken < maxTeams` → +1.
 * - A team is written 'pending' before its slot is taken, so an organiser's edit checking team
 *   sizes sees it; it turns 'active' once the slot is held, and is removed if it gets none.
 */
import type { Activity, ActivityDraft } from '../../../../types/activity';
import type { Member } from '../../../../types/member';
import type { Team, TeamPlayer, TeamSeat, TeamSettings } from '../../../../types/team';
import { assertTeamsEdit, largestTeam, teamId, teamSeatId } from '../domain/team-rules';
import { getActivity } from './activities-repo';
import { _ } from './cloud';
import { collection } from './collections';
import { DomainError } from './domain-error';
import { isDuplicateKey } from './duplicate-key';
import { ownValue } from '../../../../types/own-keys';
import { runInTransaction } from './transaction';

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

/** Registers a team: name, the captain's seat, then a slot. Anything refused leaves nothing behind. */
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

  // 2. Nobody invited may already play in another team (an invitation elsewhere is no obstacle);
  //    then the captain's seat, which a second registration of theirs cannot take again.
  const playing = players.length
    ? ((await collection('teamSeats').where({ activityId: activity._id, memberId: _.in(players.map((p) => p._id)) }).limit(100).get()).data as TeamSeat[])
    : [];
  if (playing.length) {
    await release(activity._id, _id);
    const taken = players.filter((p) => playing.some((seat) => seat.memberId === p._id)).map((m) => ({ path: pathOf(m._id), message: `${m.name}已经在另一支球队里了` }));
    throw new DomainError('ALREADY_IN_TEAM', taken[0].message, taken);
  }
  try {
    await collection('teamSeats').add({ data: { _id: teamSeatId(activity._id, captain._id), activityId: activity._id, memberId: captain._id, teamId: _id, at: now } });
  } catch (error) {
    await release(activity._id, _id);
    if (!isDuplicateKey(error)) throw error;
    throw new DomainError('ALREADY_IN_TEAM', '你已经在这个活动的一支球队里了', [{ path: 'captain', message: '你已经在这个活动的一支球队里了' }]);
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
      : 1 + players.length > fresh.teams.maxPlayers ? new DomainError('TOO_MANY_PLAYERS')
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

/**
 * A player's answer, in one transaction with their seat: invited → confirmed takes the seat (if
 * they already play elsewhere: ALREADY_IN_TEAM, nothing changes); invited → declined holds none;
 * confirmed → declined (leaving) gives it back.
 */
export async function answerInvitation(teamId: string, memberId: string, accept: boolean): Promise<void> {
  await runInTransaction(async (t) => {
    const team = (await t.collection('teams').doc(teamId).get()).data as Team | null;
    if (!team || team.status !== 'active') throw new DomainError('NOT_FOUND');
    const player = ownValue(team.players, memberId);
    if (!player || (accept ? player.status !== 'invited' : player.status !== 'invited' && player.status !== 'confirmed')) throw new DomainError('NOT_INVITED');
    const seatId = teamSeatId(team.activityId, memberId);
    const path = `players.${memberId}.status`;
    if (accept) {
      if ((await t.collection('teamSeats').doc(seatId).get()).data) throw new DomainError('ALREADY_IN_TEAM', '你已经在这个活动的另一支球队里了');
      await t.collection('teamSeats').doc(seatId).set({ data: { activityId: team.activityId, memberId, teamId, at: Date.now() } });
      await t.collection('teams').doc(teamId).update({ data: { [path]: 'confirmed', confirmed: team.confirmed + 1 } });
      return;
    }
    await t.collection('teams').doc(teamId).update({ data: { [path]: 'declined', confirmed: team.confirmed - (player.status === 'confirmed' ? 1 : 0) } });
    if (player.status === 'confirmed') await t.collection('teamSeats').doc(seatId).remove();
  });
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
