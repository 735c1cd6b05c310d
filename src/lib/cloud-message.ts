import { CloudCallError } from '../gateway/cloud';

/** What to tell a person about a failed call: the first field issue, else the server's message. */
export const messageOf = (e: unknown, fallback: string): string =>
  e instanceof CloudCallError ? (e.issues[0]?.message ?? e.message) : fallback;

/** The server's message followed by every field issue it named, e.g. for a refused sign-up form. */
export function fullMessageOf(e: unknown, fallback: string): string {
  if (!(e instanceof CloudCallError)) return fallback;
  const details = e.issues.map((issue) => issue.message).filter((m) => m && m !== e.message);
  return details.length ? `${e.message}：${details.join('；')}` : e.message;
}
