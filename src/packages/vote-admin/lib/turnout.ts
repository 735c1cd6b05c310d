/**
 * How a vote's turnout reads to the organiser: the figures, and who has not voted, by group.
 * Pure, shared by the turnout page and its tests.
 */
import type { NonVoter } from '../../../../types/vote';

/** 61.7%: one decimal, none when whole (100%, 0%); '—' with nobody in the electorate. */
export function turnoutRate(turnout: number, electorate: number): string {
  if (electorate <= 0) return '—';
  const percent = Math.round((turnout / electorate) * 1000) / 10;
  return `${Number.isInteger(percent) ? percent.toFixed(0) : percent.toFixed(1)}%`;
}

/** 已投 37 / 应投 60，投票率 61.7% */
export const turnoutLine = (turnout: number, electorate: number): string =>
  `已投 ${turnout} / 应投 ${electorate}，投票率 ${turnoutRate(turnout, electorate)}`;

/** The bar's width, 0–100, never beyond the ends. */
export const turnoutPercent = (turnout: number, electorate: number): number =>
  electorate <= 0 ? 0 : Math.min(100, Math.max(0, (turnout / electorate) * 100));

export interface NonVoterGroup {
  groupName: string;
  people: NonVoter[];
}

/**
 * Non-voters grouped by union group, in the order the server listed them (by group then name),
 * kept to those whose name or group contains `query` (spaces ignored).
 */
export function groupNonVoters(notVoted: readonly NonVoter[], query = ''): NonVoterGroup[] {
  const q = query.replace(/\s+/g, '');
  const groups = new Map<string, NonVoter[]>();
  for (const person of notVoted) {
    if (q && !person.name.includes(q) && !person.groupName.includes(q)) continue;
    const name = person.groupName || '未分组';
    groups.set(name, [...(groups.get(name) ?? []), person]);
  }
  return Array.from(groups, ([groupName, people]) => ({ groupName, people }));
}
