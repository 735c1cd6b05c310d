/**
 * Drafts made from a plan item with one tap: an activity, a vote or a notice with the item's text
 * and date (or the middle of its month), for the organiser to complete before publishing.
 */
import type { ActivityCategory, ActivityDraft } from '../../../../types/activity';
import type { NoticeDraft } from '../../../../types/notice';
import type { PlanItem } from '../../../../types/plan';
import type { VoteDraft } from '../../../../types/vote';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const SHANGHAI = 8 * HOUR;

/** hh:00 Shanghai time on the item's day, or on the 15th of its month. */
export function itemTime(item: Pick<PlanItem, 'date'>, year: number, month: number, hour: number): number {
  const [y, m, d] = item.date ? item.date.split('-').map(Number) : [year, month, 15];
  return Date.UTC(y, m - 1, d, hour) - SHANGHAI;
}

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

const CATEGORY_WORDS: Array<[ActivityCategory, RegExp]> = [
  ['health', /体检|妇检|健康/],
  ['festival', /三八|三·八|三\.八|五一|五\.一|六一|教师节|中秋|元旦|春节|新春|重阳|老人节|慰问/],
  ['outing', /旅游|一日游|登山|五桂山|外出|郊游|踏青/],
  ['sports', /比赛|球|运动会|游泳|棋|健身|拔河/],
  ['culture', /电影|文艺|卡拉|歌|舞|摄影|读书|书法|汇演/],
  ['meeting', /会议|座谈|培训|教代会|大会|讲座|交流会/],
];

export const guessCategory = (text: string): ActivityCategory => CATEGORY_WORDS.find(([, words]) => words.test(text))?.[0] ?? 'other';

export function activityFromItem(item: PlanItem, year: number, month: number, now: number): ActivityDraft {
  const startAt = itemTime(item, year, month, 15);
  const signupDeadline = startAt - DAY + 3 * HOUR; // the day before, 18:00
  return {
    title: cut(item.text.replace(/[。；;]$/, ''), 40),
    category: guessCategory(item.text),
    description: cut(item.text, 2000),
    place: '',
    startAt,
    endAt: startAt + 2 * HOUR,
    signupOpensAt: Math.min(now, signupDeadline - HOUR),
    signupDeadline,
    capacity: null,
    cancelRule: 'untilDeadline',
    audience: {},
    companionsMax: 0,
    choices: [],
    teams: null,
  };
}

export function voteFromItem(item: PlanItem, year: number, month: number): VoteDraft {
  const opensAt = itemTime(item, year, month, 8);
  return {
    title: cut(item.text.replace(/[。；;]$/, ''), 60),
    description: cut(item.text, 2000),
    content: { kind: 'election', candidates: [], minPicks: 1, maxPicks: 1 },
    opensAt,
    closesAt: opensAt + 3 * DAY + 10 * HOUR,
    electorate: {},
    secret: true,
    resultVisibility: 'afterClose',
    allowChange: false,
  };
}

export function noticeFromItem(item: PlanItem, year: number, month: number, now: number): NoticeDraft {
  const publishAt = itemTime(item, year, month, 8);
  return {
    title: cut(item.text.replace(/[。；;]$/, ''), 60),
    body: item.text.length >= 2 ? item.text : `${item.text}。`,
    attachments: [],
    audience: {},
    everyone: true,
    pinned: false,
    publishAt: publishAt > now ? publishAt : null,
  };
}
