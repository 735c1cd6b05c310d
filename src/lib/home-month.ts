/**
 * How the home page's month reads: small pure helpers, kept out of the page (the main package is
 * near its size budget).
 */
import type { VoteSummary } from '../../types/vote';
import { formatMonthKey, formatShortDateTime } from './time';

/** 本月工作计划 for the month it is now, 1月工作计划 for another. */
export const planSectionTitle = (month: string, current: string): string => (month === current ? '本月工作计划' : `${Number(month.slice(5, 7))}月工作计划`);

/** What a month without something says: 这个月 for now, 2027年1月 for another. */
export const monthWord = (month: string, current: string): string => (month === current ? '这个月' : formatMonthKey(month));

/** 已投票 / 未投票 (only for those who may vote) */
export const voteMark = (vote: Pick<VoteSummary, 'voted' | 'eligible'>): string => (vote.voted ? '已投票' : vote.eligible ? '未投票' : '');

/** 截止 12月7日 周一 18:00 */
export const closesText = (closesAt: number): string => `截止 ${formatShortDateTime(closesAt)}`;
