/**
 * How messages and reminders read: kinds in words, where a message opens, how it went out.
 * Pure, shared by the message pages and their tests.
 */
import type { MessageKind } from '../../../../types/message';
import type { TemplateKey } from '../../../../types/subscriptions';

export const KIND_LABELS: Record<MessageKind, string> = {
  digest: '每月工作安排',
  activityStart: '活动开始提醒',
  signupDeadline: '报名截止提醒',
  voteClosing: '投票截止提醒',
  notice: '新通知',
  noticeUnread: '通知未读提醒',
  reply: '答复提醒',
  signupChange: '报名变动',
};

/** The tab bar's pages: they open with switchTab, which takes no query. */
const TAB_PAGES = ['/pages/index/index', '/pages/activities/index', '/pages/mine/index'];

/**
 * How to open a message's page (stored without the leading slash): a tab page by switching to it,
 * any other by navigating; null when it has none.
 */
export function messageTarget(page: string): { tab: boolean; url: string } | null {
  const trimmed = page.trim();
  if (!trimmed) return null;
  const url = `/${trimmed.replace(/^\/+/, '')}`;
  const path = url.split('?')[0];
  return TAB_PAGES.includes(path) ? { tab: true, url: path } : { tab: false, url };
}

/** 微信已提醒 / 仅在小程序内 */
export const deliveryText = (byWechat: boolean): string => (byWechat ? '微信已提醒' : '仅在小程序内');

/** What each kind of reminder is for, in 提醒设置. */
export const TEMPLATE_USES: Record<TemplateKey, string> = {
  activityReminder: '报名的活动开始前一天，或报名有变动（候补转正、被代报名）时',
  voteReminder: '还没投的投票截止前一天',
  noticeReminder: '有新通知、有通知还没读，以及每月初的工作安排',
  progressReminder: '你的提案或建议有了答复',
};
