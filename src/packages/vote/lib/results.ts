/** How results read: percentages, rows in order, a motion's verdict. Pure functions, no React. */
import type { RowCount, VoteResults } from '../../../../types/vote';

/** A share as a person reads it: 61.7%, 50%, 0%. One decimal at most; 0% when there is no base. */
export function percentText(count: number, total: number): string {
  if (!total || total <= 0 || !count) return '0%';
  return `${Number(((count / total) * 100).toFixed(1))}%`;
}

/** A 0..1 share as a percentage: 0.925 → 92.5%. */
export const shareText = (share: number): string => percentText(share, 1);

/** A bar's width as CSS: the count's share of the base, 0–100%. */
export const barWidth = (count: number, total: number): string => `${total > 0 ? Math.min(100, Math.max(0, (count / total) * 100)) : 0}%`;

/** Election rows, most votes first; ties keep the vote's own order. */
export const rowsByCount = (rows: readonly RowCount[]): RowCount[] =>
  rows.map((row, index) => ({ row, index })).sort((a, b) => b.row.count - a.row.count || a.index - b.index).map(({ row }) => row);

type MotionResults = Extract<VoteResults, { kind: 'motion' }>;

/** Delegates needed for a valid session: at least two thirds of all delegates. */
export const quorumOf = (delegates: number): number => Math.ceil((delegates * 2) / 3);

/** 赞成 votes needed to pass: more than half of all delegates. */
export const majorityOf = (delegates: number): number => Math.floor(delegates / 2) + 1;

/**
 * The motion's verdict in two sentences with their figures: whether enough delegates took part,
 * and whether it passed. The flags come from the cloud; the figures only explain them.
 */
export function motionVerdict(r: MotionResults): { valid: string; passed: string } {
  const valid = r.valid
    ? `有效：实到 ${r.turnout} 人，达到应到代表 ${r.delegates} 人的三分之二（${quorumOf(r.delegates)} 人）`
    : `无效：实到 ${r.turnout} 人，不足应到代表 ${r.delegates} 人的三分之二（需 ${quorumOf(r.delegates)} 人）`;
  let passed: string;
  if (!r.valid) passed = '未通过：表决无效';
  else if (r.passed) passed = `通过：赞成 ${r.yes} 票，超过应到代表 ${r.delegates} 人的半数`;
  else passed = `未通过：赞成 ${r.yes} 票，未超过应到代表 ${r.delegates} 人的半数（需 ${majorityOf(r.delegates)} 票）`;
  return { valid, passed };
}
