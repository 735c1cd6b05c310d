/**
 * Plain members never receive another member's 工号 (issue 12): every action open to them, called
 * by a plain delegate in a union with a vote of roster candidates, a notice, a team contest, a
 * proposal with co-signers and a department, answers with no 工号 of anyone else, by exact match
 * against the roster's 工号 (values and keys). Ids they get back still work as input.
 */
import { ACTIONS, type ActionName } from '../../types/actions';
import type { Envelope } from '../../types/envelope';
import { activityDraft, demo, expectOk, startTestCloud, type TestCloud } from './support/harness';
import { election, voteDraft } from './support/votes';

jest.setTimeout(180_000);

let t: TestCloud;
const DAY = 24 * 60 * 60 * 1000;
const chair = demo.openid(demo.chair.staffNo);
const delegates = demo.members.filter((m) => m.openid && m.isDelegate && m.roles.length === 0);
const [viewer, signerA, signerB] = delegates;
const me = demo.openid(viewer.staffNo);
const captain = demo.members.find((m) => m.openid && m.roles.length === 0 && !m.isDelegate && m.status === 'active')!;
const others = new Set(demo.members.map((m) => m.staffNo).filter((no) => no !== viewer.staffNo));

/** Every string in an answer, values and keys. */
function strings(value: unknown, into: string[] = []): string[] {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) value.forEach((item) => strings(item, into));
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      into.push(key);
      strings(item, into);
    }
  }
  return into;
}
/** Other members' 工号 in an answer: a whole string, or inside one (a message naming someone). */
const leaked = (answer: unknown) => [...others].filter((staffNo) => strings(answer).some((text) => text === staffNo || text.includes(staffNo)));

const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestCloud();
  const now = t.cloud.clock.now();
  const session = expectOk(await t.act(chair, 'congress.saveSession', { session: { name: '第十二届教代会第二次会议', proposalOpensAt: now - DAY, proposalClosesAt: now + 7 * DAY, minCoSigners: 2 } }));
  ids.sessionId = session._id;
  expectOk(await t.act(chair, 'department.save', { department: { name: '总务处', handlerIds: [captain.staffNo] } }));
  const candidates = election(2, 1);
  if (candidates.kind === 'election') candidates.candidates = candidates.candidates.map((c, i) => ({ ...c, name: [signerA, signerB][i].name, memberId: [signerA, signerB][i].staffNo }));
  ids.voteId = expectOk(await t.act(chair, 'vote.create', { draft: voteDraft(now, candidates, { secret: false, resultVisibility: 'live' }) }))._id;
  expectOk(await t.act(chair, 'vote.publish', { voteId: ids.voteId }));
  const notice = expectOk(await t.act(chair, 'notice.create', { draft: { title: '关于体检的通知', body: '请空腹前往。', attachments: [], audience: {}, everyone: true, pinned: false, publishAt: null } }));
  expectOk(await t.act(chair, 'notice.publish', { noticeId: notice._id }));
  ids.noticeId = notice._id;
  const contest = expectOk(await t.act(chair, 'activity.create', { draft: activityDraft(now, { title: '教工排球赛', capacity: null, companionsMax: 0, teams: { maxTeams: 3, minPlayers: 2, maxPlayers: 4 }, audience: { statuses: ['active'] } }) }));
  expectOk(await t.act(chair, 'activity.publish', { activityId: contest._id }));
  ids.activityId = contest._id;
  ids.teamId = expectOk(await t.act(demo.openid(captain.staffNo), 'team.register', { activityId: contest._id, name: '一队', playerIds: [t.publicId(viewer.staffNo), t.publicId(signerA.staffNo)] }))._id;
});
afterAll(() => t.stop());

it('a plain member is shown delegates, candidates and team players by public id, name and group', async () => {
  const list = expectOk(await t.act(me, 'proposal.delegates'));
  expect(list).toEqual(expect.arrayContaining([{ memberId: t.publicId(signerA.staffNo), name: signerA.name, groupName: signerA.groupName }]));
  expect(leaked(list)).toEqual([]);
  const vote = expectOk(await t.act(me, 'vote.get', { voteId: ids.voteId }));
  const content = vote.vote.content;
  expect(content.kind === 'election' && content.candidates.map((c) => c.memberId)).toEqual([t.publicId(signerA.staffNo), t.publicId(signerB.staffNo)]);
  const board = expectOk(await t.act(me, 'team.list', { activityId: ids.activityId }));
  expect(board.viewerId).toBe(viewer.staffNo); // their own 工号 is theirs to see
  expect(board.invitations[0].captainId).toBe(t.publicId(captain.staffNo));
  // The captain's picker: the audience (active members) but the viewer, by public id, name and group.
  const { members } = expectOk(await t.act(me, 'team.candidates', { activityId: ids.activityId }));
  const active = demo.members.filter((m) => m.status === 'active' && m.staffNo !== viewer.staffNo);
  expect(members).toHaveLength(active.length);
  expect(members).toContainEqual({ memberId: t.publicId(captain.staffNo), name: captain.name, groupName: captain.groupName });
});

it('ids a plain member got back work as input: inviting co-signers from the delegates list', async () => {
  const list = expectOk(await t.act(me, 'proposal.delegates'));
  const pick = (name: string) => list.find((d) => d.name === name)!.memberId;
  const id = expectOk(await t.act(me, 'proposal.create', { sessionId: ids.sessionId, draft: { title: '关于增设教职工子女课后托管的建议', reasons: '双职工教师下班晚，孩子放学后无人照看。', measures: '由工会牵头组织课后托管。', category: 'welfare' } })).proposal._id;
  ids.proposalId = id;
  const invited = expectOk(await t.act(me, 'proposal.invite', { proposalId: id, memberIds: [pick(signerA.name), pick(signerB.name)] }));
  expect(Object.keys(invited.proposal.coSigners).sort()).toEqual([t.publicId(signerA.staffNo), t.publicId(signerB.staffNo)].sort());
  expect(Object.keys(t.cloud.db.admin.find('proposals', { _id: id })[0].coSigners).sort()).toEqual([signerA.staffNo, signerB.staffNo].sort());
});

it('team.register gives one answer whether or not a typed 工号 is someone’s', async () => {
  const register = (playerIds: string[], name: string) => t.act(me, 'team.register', { activityId: ids.activityId, name, playerIds });
  const someone = await register([signerB.staffNo], '二队');
  const nobody = await register(['T9999'], '三队');
  expect(someone).toMatchObject({ ok: false, code: 'PLAYER_NOT_FOUND' });
  expect(someone).toEqual(nobody);
  expect(JSON.stringify(someone)).not.toContain(signerB.name);
});

describe('no answer to a plain member carries another member’s 工号', () => {
  const inputs: Partial<Record<ActionName, () => object>> = {
    'activity.list': () => ({}),
    'activity.get': () => ({ activityId: ids.activityId }),
    'team.list': () => ({ activityId: ids.activityId }),
    'team.candidates': () => ({ activityId: ids.activityId }),
    'team.respond': () => ({ teamId: ids.teamId, accept: true }),
    'vote.list': () => ({ scope: 'all' }),
    'vote.get': () => ({ voteId: ids.voteId }),
    'vote.cast': () => ({ voteId: ids.voteId, ballot: { kind: 'election', picks: ['c1'] } }),
    'congress.sessions': () => ({}),
    'department.list': () => ({}),
    'proposal.list': () => ({ box: 'mine' }),
    'proposal.get': () => ({ proposalId: ids.proposalId }),
    'proposal.delegates': () => ({}),
    'notice.list': () => ({}),
    'notice.get': () => ({ noticeId: ids.noticeId }),
    'home.month': () => ({ month: new Date(t.cloud.clock.now() + 8 * 3600_000).toISOString().slice(0, 7) }),
    'message.list': () => ({}),
    'suggestion.public': () => ({}),
    'groups.list': () => ({}),
  };
  const memberActions = (Object.keys(ACTIONS) as ActionName[]).filter((a) => ACTIONS[a].access === 'member');

  it.each(memberActions)('%s', async (action) => {
    const input = inputs[action]?.() ?? {};
    const answer = (await t.raw(me, { action, input })) as Envelope<unknown>;
    if (inputs[action]) expect({ action, ok: answer.ok }).toEqual({ action, ok: true });
    expect({ action, leaked: leaked(answer) }).toEqual({ action, leaked: [] });
  });
});
