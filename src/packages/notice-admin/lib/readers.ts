/**
 * How a notice's readers read to its authors and group leaders: the figures, who has not read it
 * by union group, and what a reminder achieved. Pure, shared by the readers page and its tests.
 */
import type { NoticeReaders } from '../../../../types/notice';

export type UnreadPerson = NoticeReaders['unread'][number];

/** 已读 37 / 应读 60 */
export const readLine = (readCount: number, audienceSize: number): string => `已读 ${readCount} / 应读 ${audienceSize}`;

/** 62%: whole percent; '—' with nobody in the audience. */
export function readRate(readCount: number, audienceSize: number): string {
  if (audienceSize <= 0) return '—';
  return `${Math.round((readCount / audienceSize) * 100)}%`;
}

/** The bar's width, 0–100, never beyond the ends. */
export const readPercent = (readCount: number, audienceSize: number): number =>
  audienceSize <= 0 ? 0 : Math.min(100, Math.max(0, (readCount / audienceSize) * 100));

export interface UnreadGroup {
  groupName: string;
  people: UnreadPerson[];
}

/** Those who have not read it, by union group, in the order the cloud listed them. */
export function groupUnread(unread: readonly UnreadPerson[]): UnreadGroup[] {
  const groups = new Map<string, UnreadPerson[]>();
  for (const person of unread) {
    const name = person.groupName || '未分组';
    groups.set(name, [...(groups.get(name) ?? []), person]);
  }
  return Array.from(groups, ([groupName, people]) => ({ groupName, people }));
}

/** Asked before reminding. */
export const remindQuestion = (unreadCount: number): string => `给 ${unreadCount} 位未读的人发提醒？每天最多提醒一次`;

/** What a reminder achieved, as the toast says it. */
export function remindResultText(result: { reminded: number; wechat: number; inAppOnly: number }): string {
  if (result.reminded === 0) return '今天已经提醒过了';
  if (result.inAppOnly === 0) return `微信送达 ${result.wechat} 人`;
  return `微信送达 ${result.wechat} 人，其余 ${result.inAppOnly} 人可在「消息」里看到`;
}

/** The reminders about this notice so far (the one sent when it came out included). */
export function remindersText(reminders: NoticeReaders['reminders']): string {
  if (reminders.wechat + reminders.inAppOnly === 0) return '还没有发过提醒';
  return `已发出提醒（含发布时的通知）：微信送达 ${reminders.wechat} 条，只在「消息」里 ${reminders.inAppOnly} 条`;
}
