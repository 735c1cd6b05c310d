import type { Activity, ActivityDraft, ActivityStatus, Answers, Audience, Choice } from '../../../../types/activity';
import type { FieldIssue } from '../../../../types/envelope';
import type { ErrorCode } from '../../../../types/errors';
import type { Member } from '../../../../types/member';
import { DomainError } from '../lib/domain-error';
import { ownValue } from '../../../../types/own-keys';

/** Organisers run activities: the chair and committee members. */
export const isOrganiser = (member: Pick<Member, 'roles'>): boolean => member.roles.includes('chair') || member.roles.includes('committee');

/** Statuses a member may see (drafts are the organisers' own). */
export const VISIBLE_TO_MEMBERS: ActivityStatus[] = ['published', 'closed', 'cancelled'];

/** Every condition given must hold; an empty or absent list means everyone. */
export function inAudience(audience: Audience, member: Pick<Member, 'status' | 'gender' | 'groupId' | 'isDelegate'>): boolean {
  if (audience.statuses?.length && !audience.statuses.includes(member.status)) return false;
  if (audience.genders?.length && !audience.genders.includes(member.gender)) return false;
  if (audience.groupIds?.length && !audience.groupIds.includes(member.groupId)) return false;
  if (audience.delegatesOnly && !member.isDelegate) return false;
  return true;
}

const SHANGHAI_MS = 8 * 60 * 60 * 1000;

/** 3月8日 14:05, in Asia/Shanghai. */
export function shanghaiText(ms: number): string {
  const d = new Date(ms + SHANGHAI_MS);
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${String(d.getUTCHours()).padStart(2, '0')}:${mm}`;
}

/** The instants bounding a month in Asia/Shanghai (UTC+8, no daylight saving): [start, end). */
export function monthBounds(month: string): [number, number] {
  const [year, mon] = month.split('-').map(Number);
  return [Date.UTC(year, mon - 1, 1) - SHANGHAI_MS, Date.UTC(year, mon, 1) - SHANGHAI_MS];
}

export interface Refusal {
  code: ErrorCode;
  /** A Chinese sentence for the detail screen. */
  reason: string;
}

/**
 * Why this member may not sign up for this activity now, or null when they may.
 * `organiser`: an organiser signing someone up explicitly ignores the window (and may add to a closed activity).
 */
export function signupRefusal(
  activity: Pick<Activity, 'status' | 'audience' | 'signupOpensAt' | 'signupDeadline'>,
  member: Pick<Member, 'status' | 'gender' | 'groupId' | 'isDelegate'>,
  now: number,
  options: { organiser?: boolean } = {},
): Refusal | null {
  if (activity.status === 'cancelled') return { code: 'SIGNUP_NOT_OPEN', reason: '活动已取消' };
  if (activity.status === 'draft') return { code: 'SIGNUP_NOT_OPEN', reason: '活动还没有发布' };
  if (activity.status === 'closed' && !options.organiser) return { code: 'SIGNUP_NOT_OPEN', reason: '报名已截止' };
  if (!inAudience(activity.audience, member)) return { code: 'NOT_IN_AUDIENCE', reason: '这个活动不面向你' };
  if (!options.organiser) {
    if (now < activity.signupOpensAt) return { code: 'SIGNUP_NOT_OPEN', reason: `报名将于 ${shanghaiText(activity.signupOpensAt)} 开始` };
    if (now > activity.signupDeadline) return { code: 'SIGNUP_NOT_OPEN', reason: '报名已截止' };
  }
  return null;
}

export function assertMaySignUp(...args: Parameters<typeof signupRefusal>): void {
  const refusal = signupRefusal(...args);
  if (refusal) throw new DomainError(refusal.code, refusal.reason);
}

/** A member may cancel their own sign-up until the deadline, unless the activity does not allow it. */
export function cancelRefusal(activity: Pick<Activity, 'status' | 'cancelRule' | 'signupDeadline'>, now: number): Refusal | null {
  if (activity.cancelRule === 'none') return { code: 'CANCEL_NOT_ALLOWED', reason: '这个活动报名后不能取消' };
  if (activity.status !== 'published' && activity.status !== 'closed') return { code: 'SIGNUP_NOT_OPEN', reason: '活动已取消' };
  if (now > activity.signupDeadline) return { code: 'SIGNUP_NOT_OPEN', reason: '报名已截止，不能再取消' };
  return null;
}

export function assertCompanions(activity: Pick<Activity, 'companionsMax'>, companions: number): void {
  if (companions > activity.companionsMax) {
    const detail = activity.companionsMax === 0 ? '这个活动不能携带家属' : `每人最多携带 ${activity.companionsMax} 人`;
    throw new DomainError('COMPANIONS_NOT_ALLOWED', detail, [{ path: 'companions', message: detail }]);
  }
}

const isBlank = (answer: unknown) => answer === undefined || answer === '' || (Array.isArray(answer) && answer.length === 0);

/** What is wrong with a sign-up form's answers, question by question (empty: nothing). */
export function answerIssues(choices: readonly Choice[], answers: Answers): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const byId = new Map(choices.map((choice) => [choice.id, choice]));
  for (const id of Object.keys(answers)) {
    if (!byId.has(id)) issues.push({ path: `answers.${id}`, message: '报名表里没有这个问题' });
  }
  for (const choice of choices) {
    const path = `answers.${choice.id}`;
    const answer = ownValue(answers, choice.id);
    const trimmed = typeof answer === 'string' ? answer.trim() : answer;
    if (isBlank(trimmed)) {
      if (choice.required) issues.push({ path, message: `请回答「${choice.label}」` });
      continue;
    }
    const known = 'options' in choice ? new Set(choice.options.map((option) => option.id)) : new Set<string>();
    switch (choice.kind) {
      case 'single':
        if (typeof answer !== 'string') issues.push({ path, message: `「${choice.label}」只能选一项` });
        else if (!known.has(answer)) issues.push({ path, message: `「${choice.label}」没有这个选项` });
        break;
      case 'multi':
        if (!Array.isArray(answer)) issues.push({ path, message: `「${choice.label}」的回答格式不正确` });
        else if (answer.some((optionId) => !known.has(optionId))) issues.push({ path, message: `「${choice.label}」没有这个选项` });
        else if (new Set(answer).size !== answer.length) issues.push({ path, message: `「${choice.label}」有重复的选项` });
        else if (answer.length > choice.max) issues.push({ path, message: `「${choice.label}」最多选 ${choice.max} 项` });
        break;
      case 'text':
        if (typeof answer !== 'string') issues.push({ path, message: `「${choice.label}」请填写文字` });
        break;
      case 'yesno':
        if (typeof answer !== 'boolean') issues.push({ path, message: `「${choice.label}」请选择是或否` });
        break;
    }
  }
  return issues;
}

/** Refuses invalid answers with ANSWERS_INVALID and the issues; returns them tidied (text trimmed, blanks dropped). */
export function checkAnswers(choices: readonly Choice[], answers: Answers): Answers {
  const issues = answerIssues(choices, answers);
  if (issues.length) throw new DomainError('ANSWERS_INVALID', issues[0].message, issues);
  // From entries, so that no key is ever assigned onto a plain object (`__proto__` would set its prototype).
  return Object.fromEntries(
    Object.entries(answers)
      .map(([id, answer]) => [id, typeof answer === 'string' ? answer.trim() : answer] as const)
      .filter(([, value]) => !isBlank(value)),
  ) as Answers;
}

/** An answer an edit would invalidate: a whole question (removed, or its kind changed), or one option of it. */
export interface RemovedAnswer {
  choiceId: string;
  optionId?: string;
}

/** Multiple-choice questions whose maximum the edit lowers: answers with more picks would no longer fit. */
export function loweredMaxes(before: readonly Choice[], after: readonly Choice[]): Array<{ choiceId: string; label: string; max: number }> {
  const previous = new Map(before.map((choice) => [choice.id, choice]));
  return after.flatMap((choice) => {
    const old = previous.get(choice.id);
    return choice.kind === 'multi' && old?.kind === 'multi' && choice.max < old.max ? [{ choiceId: choice.id, label: choice.label, max: choice.max }] : [];
  });
}

/** The answers existing sign-ups may hold that the edited form would no longer accept. */
export function removedAnswers(before: readonly Choice[], after: readonly Choice[]): RemovedAnswer[] {
  const next = new Map(after.map((choice) => [choice.id, choice]));
  const removed: RemovedAnswer[] = [];
  for (const choice of before) {
    const edited = next.get(choice.id);
    if (!edited || edited.kind !== choice.kind) {
      removed.push({ choiceId: choice.id });
      continue;
    }
    if ('options' in choice && 'options' in edited) {
      const kept = new Set(edited.options.map((option) => option.id));
      for (const option of choice.options) if (!kept.has(option.id)) removed.push({ choiceId: choice.id, optionId: option.id });
    }
  }
  return removed;
}

/** Lowering capacity below the places already taken is refused; null (no limit) always fits. */
export function assertCapacityFits(capacity: number | null, taken: number): void {
  if (capacity !== null && capacity < taken) throw new DomainError('CAPACITY_BELOW_TAKEN', `已有 ${taken} 个名额被占用`);
}

/** Cancelled and ended activities are history: no edits, no status changes. */
export function assertEditable(activity: Pick<Activity, 'status' | 'endAt'>, now: number): void {
  if (activity.status === 'cancelled') throw new DomainError('ACTIVITY_NOT_EDITABLE', '活动已取消');
  if (activity.endAt < now) throw new DomainError('ACTIVITY_NOT_EDITABLE', '活动已结束');
}

/** Whether capacity grew (or the limit was lifted): the waitlist may move. */
export const capacityGrew = (before: ActivityDraft['capacity'], after: ActivityDraft['capacity']): boolean =>
  before !== null && (after === null || after > before);
