/**
 * Database requests per call for every list screen, with 10 and with 300 items in the list.
 * Each size gets its own local cloud and union; the items are written straight into the database
 * in the shapes the functions store (types/*.ts, scripts/demo/*.ts), then each screen's action is
 * called once through the real request function and the local cloud's per-call count is read.
 * A screen whose count grows with its list is a screen that gets slower as the union grows.
 * Expects the functions built (scripts/build-functions.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startLocalCloud, type LocalCloud } from '../../localcloud';
import type { ActionName } from '../../types/actions';
import type { Activity, Signup } from '../../types/activity';
import type { Member } from '../../types/member';
import type { Message } from '../../types/message';
import type { Notice } from '../../types/notice';
import type { Plan } from '../../types/plan';
import type { CongressSession, Department, Proposal } from '../../types/proposal';
import type { Suggestion } from '../../types/suggestion';
import type { Team, TeamSeat } from '../../types/team';
import type { Vote, VoteContent } from '../../types/vote';
import { emptyTally } from '../../cloudfunctions/api/src/domain/vote-rules';
import { markdownTable } from './table';

const root = path.resolve(__dirname, '../..');
const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const SHANGHAI = 8 * HOUR;

const CHAIR = 'C00001';
const VIEWER = 'M00001';
const openidOf = (staffNo: string) => `bench-${staffNo}`;
const SESSION = 'bench-session';
const DEPARTMENT = 'bench-dept';
const TEAM_ACTIVITY = 'bench-team-contest';
const PLAYERS_PER_TEAM = 10;

interface Screen {
  action: ActionName;
  input: (ids: Seeded) => object;
  caller: 'member' | 'chair';
  /** What the N items are. */
  items: string;
  /** How many items the answer shows. */
  shown: (data: any) => number;
  label?: string;
}

interface Seeded {
  month: string;
  participantsActivity: string;
  turnoutVote: string;
  readersNotice: string;
}

/** Every list screen of the app, with the action it calls. */
const SCREENS: Screen[] = [
  { action: 'activity.list', caller: 'member', input: () => ({ category: 'culture' }), items: 'activities (the viewer signed up to each)', shown: (d) => d.activities.length },
  { action: 'activity.mine', caller: 'member', input: () => ({}), items: "the viewer's sign-ups", shown: (d) => d.length },
  { action: 'activity.participants', caller: 'chair', input: (s) => ({ activityId: s.participantsActivity }), items: 'sign-ups to one activity', shown: (d) => d.confirmed.length + d.waitlist.length },
  { action: 'vote.list', caller: 'member', input: () => ({}), items: 'votes (the viewer voted in half)', shown: (d) => d.votes.length },
  { action: 'vote.turnout', caller: 'chair', input: (s) => ({ voteId: s.turnoutVote }), items: 'electorate of one vote (half voted)', shown: (d) => d.electorate },
  { action: 'proposal.list', label: 'proposal.list (mine)', caller: 'member', input: () => ({ box: 'mine' }), items: "the delegate's proposals", shown: (d) => d.proposals.length },
  { action: 'proposal.list', label: 'proposal.list (committee)', caller: 'chair', input: () => ({ box: 'committee' }), items: 'submitted proposals', shown: (d) => d.proposals.length },
  { action: 'suggestion.inbox', caller: 'chair', input: () => ({}), items: 'suggestions', shown: (d) => d.length },
  { action: 'notice.list', caller: 'member', input: () => ({}), items: 'notices (the viewer read half)', shown: (d) => d.notices.length },
  { action: 'notice.readers', caller: 'chair', input: (s) => ({ noticeId: s.readersNotice }), items: 'audience of one notice (half read)', shown: (d) => d.audienceSize },
  { action: 'message.list', caller: 'member', input: () => ({}), items: "the viewer's messages", shown: (d) => d.messages.length },
  { action: 'home.month', caller: 'member', input: (s) => ({ month: s.month }), items: "each of the month's activities, open votes, notices", shown: (d) => d.activities.length + d.votes.length + d.notices.length },
  { action: 'team.list', caller: 'member', input: () => ({ activityId: TEAM_ACTIVITY }), items: `players in teams of ${PLAYERS_PER_TEAM}`, shown: (d) => d.teams.reduce((n: number, t: { players: unknown[] }) => n + t.players.length, 0) },
  { action: 'roster.list', caller: 'chair', input: () => ({}), items: 'members on the roster', shown: (d) => d.members.length },
];

export interface ScreenRow {
  screen: string;
  caller: string;
  items: string;
  /** Database requests per call, by list size. */
  requests: Record<number, number>;
  /** Items the answer showed, by list size. */
  shown: Record<number, number>;
  grows: boolean;
}

/** Start of the month `add` months from now's month, in Shanghai time, and its YYYY-MM. */
function monthStart(now: number, add: number): { at: number; month: string } {
  const d = new Date(now + SHANGHAI);
  const at = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + add, 1) - SHANGHAI;
  return { at, month: new Date(at + SHANGHAI).toISOString().slice(0, 7) };
}

const pad = (i: number) => String(i).padStart(5, '0');

/** A union of a chair, a member who is a delegate (the viewer), and `n` more members; then n items for every list. */
function seed(cloud: LocalCloud, n: number, now: number): Seeded {
  const admin = cloud.db.admin;
  for (const name of ['bindAttempts', 'settings', 'activities', 'signups', 'teams', 'teamSeats', 'subscriptions', 'votes', 'suggestions', 'suggestionGrants', 'suggestionSpent', 'congressSessions', 'departments', 'proposals', 'notices', 'noticeReads', 'plans', 'messages']) admin.createCollection(name);
  admin.insert('groups', [
    { _id: 'bench-office', name: '工会办公室', createdAt: now },
    { _id: 'bench-g', name: '压测组', createdAt: now },
  ]);
  const member = (staffNo: string, name: string, extra: Partial<Member> = {}): Member => ({
    _id: staffNo, staffNo, name, gender: Number(staffNo.slice(1)) % 2 ? 'female' : 'male', status: 'active', groupId: 'bench-g', groupName: '压测组',
    roles: [], isDelegate: false, openid: openidOf(staffNo), boundAt: now, createdAt: now, updatedAt: now, ...extra,
  });
  const chair = member(CHAIR, '压测主席', { roles: ['chair'], groupId: 'bench-office', groupName: '工会办公室' });
  const viewer = member(VIEWER, '压测会员', { isDelegate: true });
  const crowd = Array.from({ length: n }, (_, i) => member(`P${pad(i)}`, `会员${i}`));
  admin.insert('members', [chair, viewer, ...crowd]);
  admin.insert('bindings', [chair, viewer, ...crowd].map((m) => ({ _id: m.openid, memberId: m._id, at: now })));
  admin.insert('settings', [{ _id: 'setup', claimedBy: CHAIR, at: now }]);

  // Activities of next month (so the month view sees them all): one with n sign-ups, the viewer signed up to every one.
  const next = monthStart(now, 1);
  const later = monthStart(now, 2);
  const activity = (i: number, extra: Partial<Activity>): Activity => ({
    _id: `bench-a${pad(i)}`, title: `文体活动${i}`, category: 'culture', description: '', place: '活动中心',
    startAt: next.at + DAY + i * MINUTE, endAt: next.at + DAY + i * MINUTE + 2 * HOUR, signupOpensAt: now - DAY, signupDeadline: next.at,
    capacity: 1, cancelRule: 'untilDeadline', audience: {}, companionsMax: 0, choices: [], status: 'published',
    taken: 1, waiting: 0, checkedIn: 0, createdBy: CHAIR, createdAt: now, updatedAt: now, ...extra,
  });
  // `seq`: the number of arrival the request function gives each sign-up (lib/seats.ts).
  const signup = (activityId: string, m: Member, status: Signup['status'], arrivedAt: number): Signup & { seq: number } => ({
    _id: `${activityId}_${m._id}`, activityId, memberId: m._id, memberName: m.name, groupId: m.groupId, groupName: m.groupName,
    companions: 0, seats: 1, answers: {}, status, seq: arrivedAt, arrivedAt, ...(status === 'confirmed' ? { confirmedAt: arrivedAt } : {}),
  });
  const capacity = Math.ceil((2 * n) / 3);
  const activities = [activity(0, { capacity, taken: capacity, waiting: n - capacity + 1 }), ...Array.from({ length: n - 1 }, (_, k) => activity(k + 1, k % 2 ? { waiting: 1 } : {}))];
  admin.insert('activities', activities);
  admin.insert('signups', [
    ...crowd.map((m, i) => signup(activities[0]._id, m, i < capacity ? 'confirmed' : 'waitlisted', now - DAY + i)),
    signup(activities[0]._id, viewer, 'waitlisted', now),
    // Odd: the viewer holds the place; even: someone else does and the viewer waits.
    ...activities.slice(1).flatMap((a, k) => (k % 2 ? [signup(a._id, crowd[0], 'confirmed', now - HOUR), signup(a._id, viewer, 'waitlisted', now)] : [signup(a._id, viewer, 'confirmed', now)])),
  ]);

  // Votes open now: one for the group (its turnout screen), the rest for everyone; the viewer voted in the even ones.
  const content: VoteContent = { kind: 'election', candidates: [{ id: 'c1', name: '甲' }, { id: 'c2', name: '乙' }], minPicks: 1, maxPicks: 1 };
  const votes = Array.from({ length: n }, (_, i): Vote => {
    const voterIds = (i === 0 ? [VIEWER, ...crowd.filter((_, j) => j % 2 === 0).map((m) => m._id)] : i % 2 === 0 ? [VIEWER] : []).sort();
    return {
      _id: `bench-v${pad(i)}`, title: `投票${i}`, description: '', content, opensAt: now - HOUR, closesAt: now + 2 * DAY + i * MINUTE,
      electorate: i === 0 ? { groupIds: ['bench-g'] } : {}, secret: true, resultVisibility: 'afterClose', allowChange: false,
      status: 'published', rev: 1, turnout: voterIds.length, tally: { ...emptyTally(content), c1: voterIds.length }, voterIds, otherTexts: [],
      createdBy: CHAIR, createdAt: now - DAY, updatedAt: now - DAY,
    };
  });
  admin.insert('votes', votes);

  // Proposals of one session, all proposed by the viewer and reached the committee.
  const session: CongressSession = { _id: SESSION, name: '第十二届教代会第二次会议', proposalOpensAt: now - 10 * DAY, proposalClosesAt: now + 10 * DAY, minCoSigners: 1, createdAt: now, updatedAt: now };
  const department: Department = { _id: DEPARTMENT, name: '总务处', handlerIds: [], createdAt: now, updatedAt: now };
  admin.insert('congressSessions', [session]);
  admin.insert('departments', [department]);
  const statuses: Proposal['status'][] = ['submitted', 'accepted', 'assigned', 'replied', 'closed'];
  admin.insert(
    'proposals',
    Array.from({ length: n }, (_, i): Proposal => {
      const status = statuses[i % statuses.length];
      const cosigner = crowd[i % crowd.length];
      const accepted = status !== 'submitted';
      const assigned = accepted && status !== 'accepted';
      const replied = status === 'replied' || status === 'closed';
      const at = now - DAY + i * MINUTE;
      return {
        _id: `bench-p${pad(i)}`, title: `关于改善教工食堂的提案${i}`, reasons: '教工食堂午餐品种较少，排队时间较长。', measures: '增加窗口和菜品，错峰开餐。', category: 'logistics',
        sessionId: SESSION, status, proposerId: VIEWER, proposerName: viewer.name,
        coSigners: { [cosigner._id]: { name: cosigner.name, state: 'signed', invitedAt: at - HOUR, answeredAt: at - HOUR / 2 } },
        ...(accepted ? { number: i + 1, decision: { kind: 'accept' as const, byName: chair.name, at } } : {}),
        ...(assigned ? { assignment: { leadId: DEPARTMENT, leadName: department.name, helperIds: [], helperNames: [], deadline: now + 20 * DAY } } : {}),
        round: 1,
        replies: replied ? [{ round: 1, text: '已增加两个窗口。', departmentName: department.name, byName: '总务处', at }] : [],
        ratings: status === 'closed' ? { '1': { [VIEWER]: { rating: 'satisfied', name: viewer.name, at } } } : {},
        history: [{ at: at - 2 * HOUR, actorName: viewer.name, event: '起草提案' }, { at: at - HOUR, actorName: viewer.name, event: '提交提案' }],
        createdAt: at - 2 * HOUR, updatedAt: at, submittedAt: at - HOUR,
      };
    }),
  );

  // Suggestions, named and anonymous, half replied.
  admin.insert(
    'suggestions',
    Array.from({ length: n }, (_, i): Suggestion => {
      const at = now - DAY + i * MINUTE;
      const sender = i % 2 ? { anonymous: true, ownerHash: `${pad(i)}`.padEnd(64, 'a') } : { anonymous: false, senderId: crowd[i % crowd.length]._id, senderName: crowd[i % crowd.length].name };
      return {
        _id: `bench-s${pad(i)}`, title: `建议${i}`, body: '希望工会多组织周末的亲子活动。', ...sender, public: false,
        ...(i % 4 < 2 ? { status: 'replied' as const, reply: { text: '谢谢建议，已列入计划。', byName: chair.name, at } } : { status: 'received' as const }),
        createdAt: i % 2 ? Math.floor(at / DAY) * DAY : at, updatedAt: at,
      };
    }),
  );

  // Notices to everyone, visible now; the viewer read the even ones, half the crowd read the first.
  const notices = Array.from({ length: n }, (_, i): Notice => ({
    _id: `bench-n${pad(i)}`, title: `通知${i}`, body: '请各位教职工按时参加。', attachments: [], audience: {}, everyone: true, pinned: i === 0, publishAt: null,
    status: 'published', visibleAt: now - (i + 1) * MINUTE, announced: true, authorId: CHAIR, authorName: chair.name, createdAt: now - DAY, updatedAt: now - DAY,
  }));
  admin.insert('notices', notices);
  const read = (notice: Notice, m: Member) => ({ _id: `${notice._id}_${m._id}`, noticeId: notice._id, memberId: m._id, groupId: m.groupId, readAt: now });
  admin.insert('noticeReads', [...notices.filter((_, i) => i % 2 === 0).map((x) => read(x, viewer)), ...crowd.filter((_, j) => j % 2 === 0).map((m) => read(notices[0], m))]);

  // The viewer's messages: by WeChat and in the app only, a third read.
  admin.insert(
    'messages',
    Array.from({ length: n }, (_, i): Message => {
      const reason = `notice:${notices[i]._id}`;
      return {
        _id: `${reason}~${VIEWER}`, reason, kind: 'notice', topic: reason, memberId: VIEWER, title: notices[i].title, body: '请查看通知',
        page: `packages/notice/detail/index?id=${notices[i]._id}`, createdAt: now - (i + 1) * MINUTE, delivery: i % 2 ? 'inApp' : 'sent', deliveredAt: now - i * MINUTE,
        ...(i % 3 === 0 ? { readAt: now } : {}),
      };
    }),
  );

  // Next month in the plan (a month holds at most 50 items).
  const [year, month] = next.month.split('-').map(Number);
  const plan: Plan = {
    _id: `plan-${year}`, year, title: `${year}年工会工作计划`, savedBy: CHAIR, savedAt: now, rev: 1,
    months: [{ year, month, items: Array.from({ length: Math.min(n, 50) }, (_, i) => ({ id: `i${i + 1}`, text: `工作条目${i + 1}`, ...(i % 2 ? { date: `${next.month}-${String((i % 28) + 1).padStart(2, '0')}` } : {}) })) }],
  };
  admin.insert('plans', [plan]);

  // A team contest the month after (outside the month view): the crowd in teams, the viewer invited by the first.
  const teamCount = Math.ceil(n / PLAYERS_PER_TEAM);
  const teams = Array.from({ length: teamCount }, (_, t): Team => {
    const players = crowd.slice(t * PLAYERS_PER_TEAM, (t + 1) * PLAYERS_PER_TEAM);
    const entries = players.map((m, k): [string, Team['players'][string]] => [m._id, { name: m.name, groupName: m.groupName, status: k === 0 ? 'captain' : k === players.length - 1 && k > 1 ? 'invited' : 'confirmed', order: k }]);
    if (t === 0) entries.push([VIEWER, { name: viewer.name, groupName: viewer.groupName, status: 'invited', order: entries.length }]);
    return {
      _id: `${TEAM_ACTIVITY}_team${t}`, activityId: TEAM_ACTIVITY, name: `第${t + 1}队`, captainId: players[0]._id, players: Object.fromEntries(entries),
      confirmed: entries.filter(([, p]) => p.status === 'captain' || p.status === 'confirmed').length, status: 'active', createdAt: now - HOUR + t,
    };
  });
  admin.insert('activities', [
    activity(n, {
      _id: TEAM_ACTIVITY, title: '教工排球赛', category: 'sports', startAt: later.at + DAY, endAt: later.at + DAY + 3 * HOUR, signupDeadline: later.at,
      teams: { maxTeams: 100, minPlayers: 2, maxPlayers: PLAYERS_PER_TEAM + 1 }, capacity: 100, teamsTaken: teamCount, taken: teamCount,
    }),
  ]);
  admin.insert('teams', teams);
  admin.insert(
    'teamSeats',
    teams.flatMap((team) => Object.entries(team.players).filter(([, p]) => p.status !== 'invited').map(([memberId]): TeamSeat => ({ _id: `${TEAM_ACTIVITY}_${memberId}`, activityId: TEAM_ACTIVITY, memberId, teamId: team._id, at: team.createdAt }))),
  );

  return { month: next.month, participantsActivity: activities[0]._id, turnoutVote: votes[0]._id, readersNotice: notices[0]._id };
}

/** Requests and items shown, per screen, for a union whose every list has `n` items. */
async function measure(n: number): Promise<Array<{ requests: number; shown: number }>> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'jgzj-bench-screens-'));
  // One instance, warmed up, so its once-per-instance set-up is not counted against a screen.
  const cloud = await startLocalCloud({ dataDir, port: 0, functionsDir: path.join(root, 'cloudfunctions'), instancesPerFunction: 1, autoTriggers: false, log: () => undefined });
  try {
    const seeded = seed(cloud, n, Date.now());
    await cloud.call('api', { action: 'me.get', input: {} }, { openid: openidOf(VIEWER) });
    const out: Array<{ requests: number; shown: number }> = [];
    for (const screen of SCREENS) {
      const openid = openidOf(screen.caller === 'chair' ? CHAIR : VIEWER);
      const { result, dbRequests } = await cloud.call('api', { action: screen.action, input: screen.input(seeded) }, { openid });
      if (!result?.ok) throw new Error(`${screen.label ?? screen.action} with ${n} items failed: ${JSON.stringify(result)}`);
      out.push({ requests: dbRequests, shown: screen.shown(result.data) });
    }
    return out;
  } finally {
    await cloud.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function benchScreens(sizes: [number, number] = [10, 300]): Promise<ScreenRow[]> {
  const [small, large] = [await measure(sizes[0]), await measure(sizes[1])];
  return SCREENS.map((screen, i) => ({
    screen: screen.label ?? screen.action,
    caller: screen.caller,
    items: screen.items,
    requests: { [sizes[0]]: small[i].requests, [sizes[1]]: large[i].requests },
    shown: { [sizes[0]]: small[i].shown, [sizes[1]]: large[i].shown },
    grows: large[i].requests > small[i].requests,
  }));
}

export function screensTable(rows: ScreenRow[], sizes: [number, number] = [10, 300]): string {
  const [a, b] = sizes;
  return markdownTable(
    ['screen (action)', 'caller', 'the N items', `requests at ${a}`, `requests at ${b}`, `shown at ${a} / ${b}`, 'grows?'],
    rows.map((r) => [r.screen, r.caller, r.items, r.requests[a], r.requests[b], `${r.shown[a]} / ${r.shown[b]}`, r.grows ? `GROWS (+${r.requests[b] - r.requests[a]})` : 'no']),
  );
}
