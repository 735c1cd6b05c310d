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
