import * as v from 'valibot';
import { Id, plainText, StaffNo } from './fields';

/**
 * Team contests (教工排球赛, 年级组 badminton teams): a captain registers a team by name with its
 * players; each player confirms or declines. Capacity counts teams.
 */
const Count = (label: string, max: number) =>
  v.pipe(v.number(`${label}必须是数字`), v.integer(`${label}必须是整数`), v.minValue(1, `${label}至少为 1`), v.maxValue(max, `${label}最多 ${max}`));

/** An activity's team rules; null or absent: members sign up one by one. */
export const TeamSettingsSchema = v.pipe(
  v.strictObject({
    maxTeams: Count('最多队伍数', 100),
    minPlayers: Count('每队最少人数', 50),
    maxPlayers: Count('每队最多人数', 50),
  }),
  v.check((t) => t.maxPlayers >= t.minPlayers, '每队最多人数不能少于最少人数'),
);
export type TeamSettings = v.InferOutput<typeof TeamSettingsSchema>;

export const TeamName = v.pipe(
  v.string('请填写队名'),
  v.trim(),
  plainText(),
  v.minLength(1, '请填写队名'),
  v.maxLength(20, '队名最多 20 个字'),
);

export const TeamRegisterInput = v.strictObject({
  activityId: Id,
  name: TeamName,
  /** The other players (the captain is the caller), by the ids team.candidates gave (never typed 工号). */
  playerIds: v.pipe(v.array(StaffNo, '队员格式不正确'), v.maxLength(49, '队员太多了')),
});
export const TeamRespondInput = v.strictObject({ teamId: Id, accept: v.boolean('请选择接受或拒绝') });
export const TeamIdInput = v.strictObject({ teamId: Id });
export const TeamListInput = v.strictObject({ activityId: Id });

/** captain: registered the team (confirmed by registering); invited: asked, not yet answered. */
export type TeamPlayerStatus = 'captain' | 'confirmed' | 'invited' | 'declined';

export interface TeamPlayer {
  name: string;
  groupName: string;
  status: TeamPlayerStatus;
  /** Position in the team as the captain listed it (captain 0). */
  order: number;
}

/**
 * Stored in `teams`. `_id` = `${activityId}_${key of the name}`, so a name is taken once per
 * activity by construction. Players are keyed by 工号 so one player's answer is one conditional update.
 */
export interface Team {
  _id: string;
  activityId: string;
  name: string;
  captainId: string;
  players: Record<string, TeamPlayer>;
  /** Confirmed players, the captain included. */
  confirmed: number;
  /** 'pending' while its slot is being taken; never shown. */
  status: 'pending' | 'active';
  createdAt: number;
}

/**
 * Stored in `teamSeats`, `_id` = `${activityId}_${memberId}`: a member's place in one team of an
 * activity, created with `add` so a second one fails whatever the concurrency.
 */
export interface TeamSeat {
  _id: string;
  activityId: string;
  memberId: string;
  teamId: string;
  at: number;
}

export interface TeamPlayerView {
  memberId: string;
  name: string;
  groupName: string;
  status: TeamPlayerStatus;
}

export interface TeamView {
  _id: string;
  name: string;
  captainId: string;
  captainName: string;
  players: TeamPlayerView[];
  confirmed: number;
  /** Confirmed players (captain included) ≥ the activity's minPlayers. */
  complete: boolean;
}

export interface TeamBoard {
  activityId: string;
  /** The viewer's 工号, to tell their own row and whether they captain their team. */
  viewerId: string;
  settings: TeamSettings;
  teamsLeft: number;
  teams: TeamView[];
  /** The team the viewer captains or has confirmed for. */
  mine: TeamView | null;
  /** Teams that invited the viewer and wait for an answer. */
  invitations: TeamView[];
  /** Whether the viewer may register a team now, and if not, why. */
  canRegister: { ok: true } | { ok: false; reason: string };
  /** Captains may withdraw and players may answer until the deadline. */
  open: boolean;
}

/** Someone a captain may invite: an opaque id (never the 工号), the name and the group. */
export interface TeamCandidate {
  memberId: string;
  name: string;
  groupName: string;
}
