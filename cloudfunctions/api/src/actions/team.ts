import type { Activity } from '../../../../types/activity';
import type { Member } from '../../../../types/member';
import type { TeamBoard } from '../../../../types/team';
import {
  checkPlayers, countsAsPlaying, otherPlayers, registerRefusal, teamChangeRefusal, teamSettingsOf, toTeamView,
} from '../domain/team-rules';
import { getVisibleActivity, mustGetActivity } from '../lib/activities-repo';
import type { BoundCaller, Caller } from '../lib/caller';
import { _ } from '../lib/cloud';
import { collection } from '../lib/collections';
import { DomainError } from '../lib/domain-error';
import type { Handler } from '../lib/dispatch';
import { membersInAudience } from '../lib/members-repo';
import { answerInvitation, getTeam, holdTeam, teamsOf, withdrawTeam } from '../lib/teams';
import { ownValue } from '../../../../types/own-keys';

const me = (caller: Caller): Member => (caller as BoundCaller).member;

const refuse = (refusal: { code: DomainError['code']; reason: string } | null): void => {
  if (refusal) throw new DomainError(refusal.code, refusal.reason);
};

/** The teams of a team contest, the viewer's own team and invitations, and the slots left. */
export const listTeams: Handler<'team.list'> = async ({ activityId }, caller): Promise<TeamBoard> => {
  const viewer = me(caller);
  return teamBoard(await getVisibleActivity(activityId, viewer), viewer);
};

/** The team board of an activity the viewer may see: one read of its teams. */
export async function teamBoard(activity: Activity, viewer: Member): Promise<TeamBoard> {
  const activityId = activity._id;
  const settings = teamSettingsOf(activity);
  const teams = await teamsOf(activityId);
  const views = teams.map((team) => toTeamView(team, settings));
  const statusIn = (i: number) => ownValue(teams[i].players, viewer._id)?.status;
  const mineAt = teams.findIndex((_team, i) => countsAsPlaying(statusIn(i) ?? 'declined'));
  const invitations = views.filter((_view, i) => statusIn(i) === 'invited');
  const now = Date.now();
  // Invitations hold nothing: only playing in a team keeps someone from registering another.
  const refusal = mineAt >= 0 ? { reason: '你已经在一支球队里了' } : registerRefusal(activity, viewer, now);
  return {
    activityId,
    viewerId: viewer._id,
    settings,
    teamsLeft: Math.max(0, settings.maxTeams - (activity.teamsTaken ?? 0)),
    teams: views,
    mine: mineAt >= 0 ? views[mineAt] : null,
    invitations,
    canRegister: refusal ? { ok: false, reason: refusal.reason } : { ok: true },
    open: !teamChangeRefusal(activity, now),
  };
}

/**
 * Whom a captain may invite: the activity's audience but the captain, by group then 工号 (one
 * request per 1000). Each goes out by public id, name and group (see lib/member-id-masking.ts).
 */
export const teamCandidates: Handler<'team.candidates'> = async ({ activityId }, caller) => {
  const viewer = me(caller);
  const activity = await getVisibleActivity(activityId, viewer);
  teamSettingsOf(activity);
  const members = await membersInAudience(activity.audience);
  return { members: members.filter((m) => m._id !== viewer._id).map((m) => ({ memberId: m._id, name: m.name, groupName: m.groupName })) };
};

/** A captain (any member in the audience) registers a team; each other player is invited. */
export const registerTeam: Handler<'team.register'> = async ({ activityId, name, playerIds }, caller) => {
  const captain = me(caller);
  const activity = await getVisibleActivity(activityId, captain);
  const settings = teamSettingsOf(activity);
  refuse(registerRefusal(activity, captain, Date.now()));
  const others = otherPlayers(playerIds, captain._id, settings);
  const found = others.length ? ((await collection('members').where({ _id: _.in(others) }).limit(100).get()).data as Member[]) : [];
  const players = checkPlayers(others, found, activity);
  const pathOf = (memberId: string) => `playerIds.${playerIds.findIndex((id) => id.trim() === memberId)}`;
  const team = await holdTeam({ activity, settings, name, captain, players, pathOf });
  return toTeamView(team, settings);
};

/** A player accepts or declines an invitation (declining after accepting leaves the team). */
export const respondToTeam: Handler<'team.respond'> = async ({ teamId, accept }, caller) => {
  const player = me(caller);
  const team = await getTeam(teamId);
  if (!team || team.status !== 'active') throw new DomainError('NOT_FOUND');
  const activity = await mustGetActivity(team.activityId);
  const settings = teamSettingsOf(activity);
  refuse(teamChangeRefusal(activity, Date.now()));
  await answerInvitation(teamId, player._id, accept);
  const after = await getTeam(teamId);
  if (!after) throw new DomainError('NOT_FOUND');
  return toTeamView(after, settings);
};

/** The captain withdraws the team until the deadline: the slot and every player's seat are free again. */
export const withdrawTeamHandler: Handler<'team.withdraw'> = async ({ teamId }, caller) => {
  const captain = me(caller);
  const team = await getTeam(teamId);
  if (!team || team.status !== 'active') throw new DomainError('NOT_FOUND');
  if (team.captainId !== captain._id) throw new DomainError('NOT_TEAM_CAPTAIN');
  refuse(teamChangeRefusal(await mustGetActivity(team.activityId), Date.now()));
  await withdrawTeam(team, captain._id);
  return { withdrawn: true };
};
