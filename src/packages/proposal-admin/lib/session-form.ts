/**
 * The chair's congress-session form as typed, and its conversion to the SessionDraft the cloud
 * takes. Times are Asia/Shanghai wall time, whatever the phone's zone. Pure: no Taro, no cloud.
 */
import * as v from 'valibot';
import { SessionDraftSchema, type CongressSession, type SessionDraft } from '../../../../types/proposal';
import { formatDateTime, shanghaiDateText, shanghaiTimeText, shanghaiWallTime } from '../../../lib/time';
import type { WallTime } from '../../organiser/lib/draft-form';

export type { WallTime };

/** 附议人 a proposal needs unless the chair says otherwise. */
export const DEFAULT_MIN_COSIGNERS = 2;

export interface SessionForm {
  name: string;
  opens: WallTime;
  closes: WallTime;
  /** As typed. */
  minCoSigners: string;
}

const wall = (ms: number): WallTime => ({ date: shanghaiDateText(ms), time: shanghaiTimeText(ms) });

export const blankSessionForm = (): SessionForm => ({
  name: '',
  opens: { date: '', time: '08:00' },
  closes: { date: '', time: '18:00' },
  minCoSigners: String(DEFAULT_MIN_COSIGNERS),
});

export const sessionFormOf = (session: CongressSession): SessionForm => ({
  name: session.name,
  opens: wall(session.proposalOpensAt),
  closes: wall(session.proposalClosesAt),
  minCoSigners: String(session.minCoSigners),
});

/** The draft to send, checked with the cloud's own schema; or the first problem, in its words. */
export function sessionDraftOf(form: SessionForm): { ok: true; draft: SessionDraft } | { ok: false; problem: string } {
  const proposalOpensAt = shanghaiWallTime(form.opens.date, form.opens.time);
  if (Number.isNaN(proposalOpensAt)) return { ok: false, problem: '请选择提案征集的开始时间' };
  const proposalClosesAt = shanghaiWallTime(form.closes.date, form.closes.time);
  if (Number.isNaN(proposalClosesAt)) return { ok: false, problem: '请选择提案征集的截止时间' };
  const typed = form.minCoSigners.trim();
  if (typed === '') return { ok: false, problem: '请填写至少需要几位附议人' };
  if (!/^\d+$/.test(typed)) return { ok: false, problem: '附议人数必须是整数' };
  const result = v.safeParse(SessionDraftSchema, { name: form.name, proposalOpensAt, proposalClosesAt, minCoSigners: Number(typed) });
  if (result.success) return { ok: true, draft: result.output };
  return { ok: false, problem: result.issues[0].message };
}

export type WindowState = 'upcoming' | 'open' | 'closed';
export const WINDOW_LABELS: Record<WindowState, string> = { upcoming: '未开始征集', open: '征集中', closed: '征集已截止' };

export const windowState = (session: Pick<CongressSession, 'proposalOpensAt' | 'proposalClosesAt'>, now: number): WindowState =>
  now < session.proposalOpensAt ? 'upcoming' : now < session.proposalClosesAt ? 'open' : 'closed';

/** 提案征集：2026年3月1日 08:00 至 2026年3月15日 18:00 */
export const windowText = (session: Pick<CongressSession, 'proposalOpensAt' | 'proposalClosesAt'>): string =>
  `提案征集：${formatDateTime(session.proposalOpensAt)} 至 ${formatDateTime(session.proposalClosesAt)}`;

/** 每份提案至少 2 位附议人 / 提案不需要附议人 */
export const coSignersText = (minCoSigners: number): string => (minCoSigners > 0 ? `每份提案至少 ${minCoSigners} 位附议人` : '提案不需要附议人');
