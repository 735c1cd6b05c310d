/**
 * One run of the reminders timer (hourly). What is due is worked out from the clock in
 * Asia/Shanghai, and every reminder has a reason that makes it once-only per member (see
 * messenger.ts), so a run that crashed halfway, a rerun, or two overlapping runs each send every
 * message at most once, and a rerun sends what the crashed run had not.
 *
 * - From 09:00 on the 1st of each month: the month's digest, to every bound member.
 * - From 09:00 the day before an activity starts: its confirmed participants.
 * - From 09:00 the day before an activity's sign-up deadline: its audience not signed up yet.
 * - From 09:00 the day before a vote closes: its electorate who have not voted.
 * - Whenever a scheduled notice's time has come: its audience (once).
 */
import type { Activity } from '../../../../types/activity';
import type { Member } from '../../../../types/member';
import type { Notice } from '../../../../types/notice';
import type { Plan } from '../../../../types/plan';
import type { Vote } from '../../../../types/vote';
import { inAudience } from '../domain/activity-rules';
import { _ } from './cloud';
import { collection } from './collections';
import { remind, shanghaiTime, type Delivery, type Reminder } from './messenger';
import { nonVoters } from './votes-repo';
import { readPages } from './read-pages';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const SHANGHAI = 8 * HOUR;
/** Reminders go out from this hour (Shanghai), not in the night. */
export const SEND_FROM_HOUR = 9;

export interface RunReport {
  reminders: Array<{ reason: string; recipients: number } & Delivery>;
  /** Reminders left for the next run because this one ran out of time (nothing is lost: see above). */
  unfinished: number;
}

/**
 * A run stops starting new reminders after this long, well inside the function's 60 s timeout
 * (config.json): what is left is due again at the next hourly run, and the message ids keep it once.
 */
export const RUN_BUDGET_MS = 45_000;

/** Midnight (Shanghai) of the day `ms` falls on, as epoch ms. */
const dayStart = (ms: number) => Math.floor((ms + SHANGHAI) / DAY) * DAY - SHANGHAI;
const shanghai = (ms: number) => new Date(ms + SHANGHAI);

async function readAll<T>(name: 'activities' | 'votes' | 'signups' | 'notices' | 'members', where: object, fields?: Record<string, boolean>): Promise<T[]> {
  return readPages<T>(() => {
    const query = collection(name).where(where).orderBy('_id', 'asc');
    return fields ? query.field(fields) : query;
  });
}

/** Bound members only: the unbound have no app to open a reminder in. */
const boundMembers = () => readAll<Member>('members', { openid: _.exists(true) }, { _id: true, openid: true, status: true, gender: true, groupId: true, isDelegate: true });

async function digest(now: number, members: Member[]): Promise<Array<[Reminder, Member[]]>> {
  const date = shanghai(now);
  const [year, month] = [date.getUTCFullYear(), date.getUTCMonth() + 1];
  const key = `${year}-${String(month).padStart(2, '0')}`;
  const start = dayStart(now);
  const end = Date.UTC(year, month, 1) - SHANGHAI;
  const [{ data: plans }, { total: activities }] = await Promise.all([
    collection('plans').where({ months: _.elemMatch({ year, month }) }).limit(10).get(),
    collection('activities').where({ status: _.in(['published', 'closed']), startAt: _.gte(start).and(_.lt(end)) }).count(),
  ]);
  const items = (plans as Plan[]).flatMap((p) => p.months.filter((m) => m.year === year && m.month === month)).flatMap((m) => m.items);
  const lines = items.slice(0, 5).map((item) => `· ${item.text}`);
  return [
    [
      {
        reason: `digest:${key}`,
        kind: 'digest',
        topic: `digest:${key}`,
        template: 'noticeReminder',
        title: `${month}月工会工作安排`,
        body: [`本月工作计划 ${items.length} 项，已发布活动 ${activities} 个。`, ...lines, items.length > 5 ? `……共 ${items.length} 项，详见首页` : ''].filter(Boolean).join('\n'),
        page: 'pages/index/index',
        at: now,
        note: `本月计划 ${items.length} 项，活动 ${activities} 个`,
      },
      members,
    ],
  ];
}

async function activitiesTomorrow(tomorrow: number, members: Member[]): Promise<Array<[Reminder, Member[]]>> {
  const next = tomorrow + DAY;
  const [starting, closing] = await Promise.all([
    readAll<Activity>('activities', { status: _.in(['published', 'closed']), startAt: _.gte(tomorrow).and(_.lt(next)) }),
    readAll<Activity>('activities', { status: 'published', signupDeadline: _.gte(tomorrow).and(_.lt(next)) }),
  ]);
  const ids = [...new Set([...starting, ...closing].map((a) => a._id))];
  const signups = ids.length ? await readAll<{ activityId: string; memberId: string; status: string }>('signups', { activityId: _.in(ids), status: _.in(['confirmed', 'waitlisted', 'pending']) }, { activityId: true, memberId: true, status: true }) : [];
  const byId = new Map(members.map((m) => [m._id, m]));
  const out: Array<[Reminder, Member[]]> = [];
  for (const a of starting) {
    const who = signups.filter((s) => s.activityId === a._id && s.status === 'confirmed').flatMap((s) => byId.get(s.memberId) ?? []);
    out.push([
      {
        reason: `activity-start:${a._id}`,
        kind: 'activityStart',
        topic: `activity:${a._id}`,
        template: 'activityReminder',
        title: a.title,
        body: `活动明天开始：${shanghaiTime(a.startAt)}${a.place ? `，${a.place}` : ''}`,
        page: `pages/activity/index?id=${encodeURIComponent(a._id)}`,
        at: a.startAt,
        note: a.place ? `明天开始，地点：${a.place}` : '活动明天开始',
      },
      who,
    ]);
  }
  for (const a of closing) {
    const signed = new Set(signups.filter((s) => s.activityId === a._id).map((s) => s.memberId));
    const who = members.filter((m) => !signed.has(m._id) && inAudience(a.audience, m));
    out.push([
      {
        reason: `signup-deadline:${a._id}`,
        kind: 'signupDeadline',
        topic: `activity:${a._id}`,
        template: 'activityReminder',
        title: a.title,
        body: `报名将于明天 ${shanghaiTime(a.signupDeadline).slice(-5)} 截止，想参加的抓紧报名。`,
        page: `pages/activity/index?id=${encodeURIComponent(a._id)}`,
        at: a.signupDeadline,
        note: '报名明天截止',
      },
      who,
    ]);
  }
  return out;
}

async function votesClosingTomorrow(tomorrow: number): Promise<Array<[Reminder, Member[]]>> {
  const votes = await readAll<Vote>('votes', { status: 'published', closesAt: _.gte(tomorrow).and(_.lt(tomorrow + DAY)) }, { namedBallots: false, tally: false, otherTexts: false });
  const out: Array<[Reminder, Member[]]> = [];
  for (const vote of votes) {
    out.push([
      {
        reason: `vote-closing:${vote._id}`,
        kind: 'voteClosing',
        topic: `vote:${vote._id}`,
        template: 'voteReminder',
        title: vote.title,
        body: `投票将于明天 ${shanghaiTime(vote.closesAt).slice(-5)} 截止，你还没有投票。`,
        page: `packages/vote/ballot/index?id=${encodeURIComponent(vote._id)}`,
        at: vote.closesAt,
        note: '投票明天截止，你还没有投票',
      },
      await nonVoters(vote),
    ]);
  }
  return out;
}

async function scheduledNotices(now: number): Promise<Notice[]> {
  return readAll<Notice>('notices', { status: 'published', visibleAt: _.lte(now), announced: _.neq(true) });
}

/**
 * Runs everything due at `now`. `announceNotice` is passed in (it lives with the notice actions) so
 * that this module stays free of handlers.
 */
export async function runReminders(now: number, announceNotice: (notice: Notice) => Promise<Delivery>, budgetMs = RUN_BUDGET_MS): Promise<RunReport> {
  const report: RunReport = { reminders: [], unfinished: 0 };
  const started = Date.now();
  // Every run gets at least one reminder with work in it done, so a slow run still moves forward.
  const worked = () => report.reminders.some((r) => r.created + r.wechat + r.inAppOnly > 0);
  const outOfTime = () => worked() && Date.now() - started > budgetMs;
  const date = shanghai(now);
  const due: Array<[Reminder, Member[]]> = [];
  if (date.getUTCHours() >= SEND_FROM_HOUR) {
    const members = await boundMembers();
    if (date.getUTCDate() === 1) due.push(...(await digest(now, members)));
    const tomorrow = dayStart(now) + DAY;
    due.push(...(await activitiesTomorrow(tomorrow, members)), ...(await votesClosingTomorrow(tomorrow)));
  }
  for (const [reminder, recipients] of due) {
    if (outOfTime()) {
      report.unfinished += 1;
      continue;
    }
    report.reminders.push({ reason: reminder.reason, recipients: recipients.length, ...(await remind(reminder, recipients)) });
  }
  for (const notice of await scheduledNotices(now)) {
    if (outOfTime()) {
      report.unfinished += 1;
      continue;
    }
    const delivery = await announceNotice(notice);
    report.reminders.push({ reason: `notice:${notice._id}`, recipients: delivery.created, ...delivery });
  }
  return report;
}

