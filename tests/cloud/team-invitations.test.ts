/**
 * Junk teams (issue 12 §7): an invitation holds nothing. Only playing (captain, or an accepted
 * invitation) holds a member's one seat per activity, so a captain who invites everyone blocks
 * nobody; two acceptances at the same moment end with the member in exactly one team.
 */
import type { Activity } from '../../types/activity';
import type { Team, TeamSeat } from '../../types/team';
import { activityDraft, demo, expectOk, seedBoundMembers, startTestCloud, type TestCloud } from './support/harness';

jest.setTimeout(90_000);

let t: TestCloud;
const T0 = Date.UTC(2026, 2, 2, 1, 0);
const chair = demo.openid(demo.chair.staffNo);
let people: Array<{ staffNo: string; openid: string }>;

beforeAll(async () => {
  t = await startTestCloud({ instancesPerFunction: 3 });
  t.cloud.clock.set(T0);
  people = seedBoundMembers(t.cloud, 40, () => ({}), 'J');
});
afterAll(() => t.stop());

let next = 0;
const take = (n: number) => people.slice(next, (next += n));
/** A player as team.register takes them: by public id. */
const player = (p: { staffNo: string }): string => t.publicId(p.staffNo);

async function contest(): Promise<Activity> {
  const draft = expectOk(await t.act(chair, 'activity.create', { draft: activityDraft(T0, { title: '教工篮球赛', capacity: null, companionsMax: 0, teams: { maxTeams: 20, minPlayers: 2, maxPlayers: 5 } }) }));
  return expectOk(await t.act(chair, 'activity.publish', { activityId: draft._id }));
}
const seatsOf = (activityId: string, memberId: string): TeamSeat[] => t.cloud.db.admin.find('teamSeats', { activityId, memberId });
const teamDoc = (id: string): Team => t.cloud.db.admin.find('teams', { _id: id })[0];

it('a captain who invites people blocks none of them: they register their own team, accept another, or are invited elsewhere', async () => {
  const a = await contest();
  const [junkCaptain, p1, p2, p3, realCaptain, otherCaptain] = take(6);
  const junk = expectOk(await t.act(junkCaptain.openid, 'team.register', { activityId: a._id, name: '占位队', playerIds: [p1, p2, p3].map(player) }));
  // Only the captain holds a seat; the invited hold nothing.
  expect([p1, p2, p3].flatMap((p) => seatsOf(a._id, p.staffNo))).toEqual([]);
  expect(seatsOf(a._id, junkCaptain.staffNo)).toHaveLength(1);

  // p1 may register a team of their own while the invitation is open.
  const board = expectOk(await t.act(p1.openid, 'team.list', { activityId: a._id }));
  expect(board).toMatchObject({ canRegister: { ok: true }, invitations: [expect.objectContaining({ _id: junk._id })], mine: null });
  expectOk(await t.act(p1.openid, 'team.register', { activityId: a._id, name: '自己的队', playerIds: [] }));

  // p2 and p3 may be invited by real teams, and p2 accepts there.
  const real = expectOk(await t.act(realCaptain.openid, 'team.register', { activityId: a._id, name: '真正的队', playerIds: [p2, p3].map(player) }));
  expectOk(await t.act(otherCaptain.openid, 'team.register', { activityId: a._id, name: '另一队', playerIds: [player(p3)] }));
  expect(expectOk(await t.act(p2.openid, 'team.respond', { teamId: real._id, accept: true })).confirmed).toBe(2);

  // Playing holds the seat: the junk team's invitations can no longer be accepted, and nothing changes.
  const before = t.snapshot();
  for (const p of [p1, p2]) {
    expect(await t.act(p.openid, 'team.respond', { teamId: junk._id, accept: true })).toMatchObject({ ok: false, code: 'ALREADY_IN_TEAM' });
  }
  expect(t.snapshot()).toEqual(before);
  // And inviting someone who plays is refused, naming them.
  expect(await t.act(otherCaptain.openid, 'team.register', { activityId: a._id, name: '迟到的队', playerIds: [player(p2)] })).toMatchObject({ ok: false, code: 'ALREADY_IN_TEAM', issues: [{ path: 'playerIds.0' }] });

  // Declining frees nothing that was never held; leaving a team frees the seat for another.
  expectOk(await t.act(p3.openid, 'team.respond', { teamId: junk._id, accept: false }));
  expect(seatsOf(a._id, p3.staffNo)).toEqual([]);
  expectOk(await t.act(p2.openid, 'team.respond', { teamId: real._id, accept: false }));
  expect(seatsOf(a._id, p2.staffNo)).toEqual([]);
  expect(expectOk(await t.act(p2.openid, 'team.respond', { teamId: junk._id, accept: true })).confirmed).toBe(2);
  expect(seatsOf(a._id, p2.staffNo).map((s) => s.teamId)).toEqual([junk._id]);
});

it('two acceptances at the same moment: the member ends in exactly one team, the other answer is ALREADY_IN_TEAM', async () => {
  const a = await contest();
  for (let round = 0; round < 4; round++) {
    const [c1, c2, c3, shared] = take(4);
    const teams = [
      expectOk(await t.act(c1.openid, 'team.register', { activityId: a._id, name: `甲${round}`, playerIds: [player(shared)] })),
      expectOk(await t.act(c2.openid, 'team.register', { activityId: a._id, name: `乙${round}`, playerIds: [player(shared)] })),
      expectOk(await t.act(c3.openid, 'team.register', { activityId: a._id, name: `丙${round}`, playerIds: [player(shared)] })),
    ];
    const answers = await Promise.all(teams.map((team) => t.act(shared.openid, 'team.respond', { teamId: team._id, accept: true })));
    expect(answers.map((e) => (e.ok ? 'ok' : e.code)).sort()).toEqual(['ALREADY_IN_TEAM', 'ALREADY_IN_TEAM', 'ok']);
    const won = teams[answers.findIndex((e) => e.ok)];
    expect(seatsOf(a._id, shared.staffNo).map((s) => s.teamId)).toEqual([won._id]);
    // Only the winning team counts them; the others still show the invitation, unanswered.
    for (const team of teams) {
      const stored = teamDoc(team._id);
      expect([team.name, stored.confirmed, stored.players[shared.staffNo].status]).toEqual([team.name, team._id === won._id ? 2 : 1, team._id === won._id ? 'confirmed' : 'invited']);
    }
  }
});
