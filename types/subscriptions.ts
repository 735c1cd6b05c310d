/**
 * Subscription message (订阅消息) templates. Template ids are configuration, not code: each is ONE
 * constant below that deployers replace with the id from 微信公众平台 → 订阅消息 (see README, 部署 step 7).
 * No schema code here: the main package imports it.
 */

/** 一次性订阅「活动提醒」: replace with your template id before deploying. */
export const ACTIVITY_REMINDER_TEMPLATE = 'REPLACE_WITH_ACTIVITY_REMINDER_TEMPLATE_ID';
/** 一次性订阅「投票提醒」. */
export const VOTE_REMINDER_TEMPLATE = 'REPLACE_WITH_VOTE_REMINDER_TEMPLATE_ID';
/** 一次性订阅「通知提醒」: notices, the month's digest, reminders to read. */
export const NOTICE_REMINDER_TEMPLATE = 'REPLACE_WITH_NOTICE_REMINDER_TEMPLATE_ID';
/** 一次性订阅「办理进度提醒」: replies to one's proposal or suggestion. */
export const PROGRESS_REMINDER_TEMPLATE = 'REPLACE_WITH_PROGRESS_REMINDER_TEMPLATE_ID';

export const SUBSCRIPTION_TEMPLATES = {
  /**
   * About one activity: the day before it starts, or a change to the member's sign-up (promoted from
   * the waitlist, signed up by their group leader, removed). Asked after signing up. One-time: one
   * message per consent. `fields` names the template's keys: adjust them to the template you choose.
   */
  activityReminder: { id: ACTIVITY_REMINDER_TEMPLATE, title: '活动提醒', oneTime: true, fields: { title: 'thing1', time: 'time2', note: 'thing3' } },
  /** The day before a vote closes, to members who have not voted. Asked after voting and in 提醒设置. */
  voteReminder: { id: VOTE_REMINDER_TEMPLATE, title: '投票提醒', oneTime: true, fields: { title: 'thing1', time: 'time2', note: 'thing3' } },
  /** A notice published, a reminder to read one, the month's digest. Asked in 提醒设置 and after reading. */
  noticeReminder: { id: NOTICE_REMINDER_TEMPLATE, title: '通知提醒', oneTime: true, fields: { title: 'thing1', time: 'time2', note: 'thing3' } },
  /** A reply to the member's proposal or suggestion. Asked after submitting. */
  progressReminder: { id: PROGRESS_REMINDER_TEMPLATE, title: '办理进度提醒', oneTime: true, fields: { title: 'thing1', time: 'time2', note: 'thing3' } },
} as const;
export type TemplateKey = keyof typeof SUBSCRIPTION_TEMPLATES;

export type SubscriptionTemplateId = (typeof SUBSCRIPTION_TEMPLATES)[keyof typeof SUBSCRIPTION_TEMPLATES]['id'];
export const SUBSCRIPTION_TEMPLATE_IDS = Object.values(SUBSCRIPTION_TEMPLATES).map((t) => t.id) as SubscriptionTemplateId[];

/** What WeChat answers per template when asked (requestSubscribeMessage). */
export const SUBSCRIBE_RESULTS = ['accept', 'reject', 'ban', 'filter'] as const;
export type SubscribeResult = (typeof SUBSCRIBE_RESULTS)[number];
