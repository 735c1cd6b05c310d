import type { PlanItem } from '../../types/plan';
import { ACTIVITY_PAGES } from './activity-routes';
import { NOTICE_PAGES } from './month-routes';
import { VOTE_PAGES } from './vote-routes';

export type PlanLink = NonNullable<PlanItem['linked']>;

/** 活动 / 投票 / 通知 */
export const LINK_LABELS: Record<PlanLink['kind'], string> = { activity: '活动', vote: '投票', notice: '通知' };

/** The page a plan item's activity, vote or notice opens on (organisers manage drafts there too). */
export const linkedPage = ({ kind, id }: PlanLink): string =>
  kind === 'activity' ? ACTIVITY_PAGES.detail(id) : kind === 'vote' ? VOTE_PAGES.detail(id) : NOTICE_PAGES.detail(id);

/** '2026-12-05' → 12月5日 */
export const planDayText = (date: string): string => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
