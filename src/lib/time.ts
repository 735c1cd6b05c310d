import dayjs from 'dayjs';

const SHANGHAI_OFFSET_MINUTES = 8 * 60; // China has no daylight saving time.

/** Wall-clock time in Asia/Shanghai, whatever the device's time zone. */
export function inShanghai(ms: number): dayjs.Dayjs {
  const local = dayjs(ms);
  return local.add(SHANGHAI_OFFSET_MINUTES + local.utcOffset() * -1, 'minute');
}

export const nowInShanghai = (): dayjs.Dayjs => inShanghai(Date.now());

/** 2026年11月25日 */
export const formatDate = (ms: number): string => inShanghai(ms).format('YYYY年M月D日');

/** 2026年11月25日 14:05 */
export const formatDateTime = (ms: number): string => inShanghai(ms).format('YYYY年M月D日 HH:mm');

/** '03-08' → 3月8日 */
export const formatMonthDay = (monthDay: string): string => `${Number(monthDay.slice(0, 2))}月${Number(monthDay.slice(3, 5))}日`;

const HOUR_MS = 60 * 60 * 1000;
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/**
 * Epoch ms of a wall-clock time in Asia/Shanghai, e.g. ('2026-11-28', '08:30'); NaN when either
 * text is not a real date or time. The device's own zone plays no part.
 */
export function shanghaiWallTime(date: string, time: string): number {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return NaN;
  const [year, month, day, hour, minute] = [d[1], d[2], d[3], t[1], t[2]].map(Number);
  const utc = Date.UTC(year, month - 1, day, hour, minute);
  const back = new Date(utc);
  if (back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day || hour > 23 || minute > 59) return NaN;
  return utc - 8 * HOUR_MS;
}

/** '2026-11-28': the Shanghai date of an instant, as pickers and shanghaiWallTime take it. */
export const shanghaiDateText = (ms: number): string => inShanghai(ms).format('YYYY-MM-DD');

/** '08:30': the Shanghai time of day of an instant. */
export const shanghaiTimeText = (ms: number): string => inShanghai(ms).format('HH:mm');

/** '2026-11': the Shanghai month of an instant, as `activity.list` takes it. */
export const monthKeyOf = (ms: number): string => inShanghai(ms).format('YYYY-MM');

/** '2026-11' moved by whole months: ('2026-12', 1) → '2027-01'. */
export function shiftMonth(monthKey: string, by: number): string {
  const [year, month] = monthKey.split('-').map(Number);
  const index = year * 12 + (month - 1) + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** '2026-11' → 2026年11月 */
export const formatMonthKey = (monthKey: string): string => `${monthKey.slice(0, 4)}年${Number(monthKey.slice(5, 7))}月`;

/** 11月28日 周六 08:30 */
export const formatShortDateTime = (ms: number): string => {
  const t = inShanghai(ms);
  return `${t.month() + 1}月${t.date()}日 周${WEEKDAYS[t.day()]} ${t.format('HH:mm')}`;
};

/** 11月28日 周六 08:30–17:00, or both ends in full when the activity spans several days. */
export function formatTimeRange(startAt: number, endAt: number): string {
  const sameDay = shanghaiDateText(startAt) === shanghaiDateText(endAt);
  return `${formatShortDateTime(startAt)}–${sameDay ? shanghaiTimeText(endAt) : formatShortDateTime(endAt)}`;
}
