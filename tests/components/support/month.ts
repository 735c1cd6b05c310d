/**
 * Fixtures for the month at a glance, the annual plan and messages: what the cloud answers for
 * 'home.month', 'plan.*', 'message.*', 'reminder.summary' and 'subscription.status'.
 */
import type { HomeMonth } from '../../../types/actions';
import type { MessageView, ReminderTally } from '../../../types/message';
import type { NoticeSummary } from '../../../types/notice';
import type { Plan, PlanItem, PlanPreview } from '../../../types/plan';
import type { TemplateKey } from '../../../types/subscriptions';
import { aSummary } from './activities';
import { aVoteSummary } from './votes';

/** 2026-12-03 10:00 in Shanghai: December 2026 is "this month". */
export const NOW = Date.UTC(2026, 11, 3, 2, 0);
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/**
 * Plan 1 of the seed, shortened, as the chair pastes it: 九月 to 十二月, then 一月 of the next year
 * (a school year), with 十月 twice.
 */
export const SCHOOL_YEAR_TEXT = [
  '九月份:1、筹备组织好离退休教工外出旅游。',
  '2、组织好新调入教师一日游活动。',
  '十月份:1、组织好全体教职工体检、女教职工妇检。',
  '十月份:1、搞好教职工文艺汇演活动。',
  '十二月份:1、搞好年终总结工作。',
  '一月份:1、春节期间慰问离退休教职工。',
].join('\n');

/** What 'plan.preview' answers for SCHOOL_YEAR_TEXT. */
export const schoolYearPreview = (text = SCHOOL_YEAR_TEXT): PlanPreview => ({
  text,
  months: [
    { month: 9, line: 1, items: [{ text: '筹备组织好离退休教工外出旅游。', line: 1 }, { text: '组织好新调入教师一日游活动。', line: 2 }] },
    { month: 10, line: 3, items: [{ text: '组织好全体教职工体检、女教职工妇检。', line: 3 }] },
    { month: 10, line: 4, items: [{ text: '搞好教职工文艺汇演活动。', line: 4 }] },
    { month: 12, line: 5, items: [{ text: '搞好年终总结工作。', line: 5 }] },
    { month: 1, line: 6, items: [{ text: '春节期间慰问离退休教职工。', line: 6 }] },
  ],
  warnings: [{ line: 4, message: '10月出现了两次（第 3 行和第 4 行），请确认是否写错了月份' }],
});

export const aPlanItem = (overrides: Partial<PlanItem> = {}): PlanItem => ({ id: 'i-dec1', text: '搞好年终总结工作。', ...overrides });

/** The 2026 plan as saved: a school year, December with a dated item and one already linked. */
export const aPlan = (overrides: Partial<Plan> = {}): Plan => ({
  _id: 'plan-2026',
  year: 2026,
  title: '2026年工会工作计划',
  months: [
    { year: 2026, month: 9, items: [aPlanItem({ id: 'i-sep1', text: '筹备组织好离退休教工外出旅游。' })] },
    {
      year: 2026,
      month: 12,
      items: [
        aPlanItem(),
        aPlanItem({ id: 'i-dec2', text: '组织教工迎新年长跑。', date: '2026-12-20' }),
        aPlanItem({ id: 'i-dec3', text: '评选年度工会活动积极分子。', linked: { kind: 'vote', id: 'v9' } }),
      ],
    },
    { year: 2027, month: 1, items: [aPlanItem({ id: 'i-jan1', text: '春节期间慰问离退休教职工。' })] },
  ],
  savedBy: '陈主席',
  savedAt: NOW - 30 * DAY,
  rev: 3,
  ...overrides,
});

export const aNoticeSummary = (overrides: Partial<NoticeSummary> = {}): NoticeSummary => ({
  _id: 'n1',
  title: '关于组织教职工年度体检的通知',
  excerpt: '体检时间为12月10日至12日。',
  pinned: false,
  visibleAt: NOW - DAY,
  authorName: '陈主席',
  attachmentCount: 0,
  read: false,
  status: 'published',
  scheduled: false,
  ...overrides,
});

/** December 2026 on the home page: plan items, an activity, an open vote and notices. */
export const aHomeMonth = (overrides: Partial<HomeMonth> = {}): HomeMonth => ({
  month: '2026-12',
  planItems: [
    { id: 'i-dec2', text: '组织教工迎新年长跑。', date: '2026-12-20', month: 12 },
    { id: 'i-dec3', text: '评选年度工会活动积极分子。', linked: { kind: 'vote', id: 'v9' }, month: 12 },
    { id: 'i-dec1', text: '搞好年终总结工作。', month: 12 },
  ],
  activities: [aSummary({ _id: 'act1', title: '教工羽毛球赛', mine: { status: 'confirmed', companions: 0 } })],
  votes: [aVoteSummary({ _id: 'v1', title: '2026 年度工会活动积极分子评选', voted: true }), aVoteSummary({ _id: 'v2', title: '食堂满意度问卷', kind: 'poll', voted: false })],
  notices: [aNoticeSummary(), aNoticeSummary({ _id: 'n2', title: '工会经费收支公开', read: true })],
  unreadMessages: 3,
  ...overrides,
});

/** An empty month: nothing planned, nothing on. */
export const anEmptyMonth = (month: string): HomeMonth => ({ month, planItems: [], activities: [], votes: [], notices: [], unreadMessages: 0 });

export const aMessage = (overrides: Partial<MessageView> = {}): MessageView => ({
  _id: 'vote-closing:v1~T001',
  kind: 'voteClosing',
  title: '投票明天截止：2026 年度工会活动积极分子评选',
  body: '你还没有投票，截止时间 12月5日 18:00。',
  page: 'packages/vote/ballot/index?id=v1',
  createdAt: NOW - 2 * HOUR,
  read: false,
  byWechat: true,
  ...overrides,
});

export const aTally = (overrides: Partial<ReminderTally> = {}): ReminderTally => ({
  reason: 'vote-closing:v1',
  kind: 'voteClosing',
  title: '投票明天截止：2026 年度工会活动积极分子评选',
  createdAt: NOW - 2 * HOUR,
  wechat: 31,
  inAppOnly: 12,
  refused: 2,
  ...overrides,
});

/** What 'subscription.status' answers: credits in hand per template. */
export const aStatus = (credits: Partial<Record<TemplateKey, number>> = {}) => [
  { key: 'activityReminder' as const, title: '活动提醒', credits: credits.activityReminder ?? 0 },
  { key: 'voteReminder' as const, title: '投票提醒', credits: credits.voteReminder ?? 0 },
  { key: 'noticeReminder' as const, title: '通知提醒', credits: credits.noticeReminder ?? 0 },
  { key: 'progressReminder' as const, title: '办理进度提醒', credits: credits.progressReminder ?? 0 },
];
