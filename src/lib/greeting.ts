import dayjs from 'dayjs';
import { nowInShanghai } from './time';

/** 早上好 / 中午好 / 下午好 / 晚上好, by the hour in Asia/Shanghai. */
export function greeting(name: string, at: dayjs.Dayjs = nowInShanghai()): string {
  const hour = at.hour();
  const part = hour < 5 ? '晚上好' : hour < 11 ? '早上好' : hour < 13 ? '中午好' : hour < 18 ? '下午好' : '晚上好';
  return `${name}，${part}`;
}
