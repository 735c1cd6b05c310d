/**
 * How activities and sign-ups read to a person: places left, one's own standing, answers as labels.
 * Pure functions, shared by the member pages and the organiser subpackage.
 */
import type { ActivitySummary, Answers, Audience, Choice, MyStanding } from '../../types/activity';
import { GENDER_LABELS, STATUS_LABELS } from '../../types/labels';
import { ownValue } from '../../types/own-keys';

type Places = Pick<ActivitySummary, 'capacity' | 'taken'>;

/** Places still free, or null when there is no limit. Never negative. */
export const placesLeft = ({ capacity, taken }: Places): number | null => (capacity === null ? null : Math.max(0, capacity - taken));

/** 剩余 N 个名额 / 不限名额 / 已满，可候补 */
export function placesLeftText(places: Places): string {
  const left = placesLeft(places);
  if (left === null) return '不限名额';
  return left > 0 ? `剩余 ${left} 个名额` : '已满，可候补';
}

/** 已报名 / 已签到 / 候补第 N 位 / 已取消, or '' when the member has not signed up. */
export function standingText(mine: Pick<MyStanding, 'status' | 'waitPosition' | 'checkedInAt'> | null | undefined): string {
  if (!mine) return '';
  if (mine.status === 'confirmed') return mine.checkedInAt ? '已签到' : '已报名';
  if (mine.status === 'waitlisted') return mine.waitPosition ? `候补第 ${mine.waitPosition} 位` : '候补中';
  return '已取消';
}

/** What a sign-up just achieved, for the toast: 报名成功 / 已进入候补，第 N 位. */
export const signUpResultText = (standing: MyStanding): string =>
  standing.status === 'waitlisted' ? `已进入候补，第 ${standing.waitPosition ?? '?'} 位` : '报名成功';

/** 携带家属 2 人, or '' without companions. */
export const companionsText = (companions: number): string => (companions > 0 ? `携带家属 ${companions} 人` : '');

/** One answer as a person reads it: option labels (not ids), the text, or 是/否; '' when unanswered. */
export function answerText(choice: Choice, answer: Answers[string] | undefined): string {
  if (answer === undefined || answer === '') return '';
  if (choice.kind === 'yesno') return answer === true ? '是' : answer === false ? '否' : '';
  if (choice.kind === 'text') return typeof answer === 'string' ? answer : '';
  const ids = Array.isArray(answer) ? answer : typeof answer === 'string' ? [answer] : [];
  return choice.options
    .filter((option) => ids.includes(option.id))
    .map((option) => option.label)
    .join('、');
}

/** Every answered question as 「question：answer」 pairs, in the form's order. */
export const answerLines = (choices: readonly Choice[], answers: Answers): Array<{ question: string; answer: string }> =>
  choices
    .map((choice) => ({ question: choice.label, answer: answerText(choice, ownValue(answers, choice.id)) }))
    .filter((line) => line.answer !== '');

/**
 * The first thing wrong with a sign-up form before it is sent, or '' when it may go: required
 * questions unanswered, too many options ticked. The cloud checks again (ANSWERS_INVALID).
 */
export function answersProblem(choices: readonly Choice[], answers: Answers): string {
  for (const choice of choices) {
    const answer = ownValue(answers, choice.id);
    const empty = answer === undefined || answer === '' || (Array.isArray(answer) && answer.length === 0);
    if (choice.required && empty && choice.kind !== 'yesno') return `请回答「${choice.label}」`;
    if (choice.kind === 'multi' && Array.isArray(answer) && answer.length > choice.max) return `「${choice.label}」最多选 ${choice.max} 项`;
  }
  return '';
}

/** Only answered questions go to the cloud; yes/no questions are always answered (the switch). */
export function answersToSend(choices: readonly Choice[], answers: Answers): Answers {
  const sent: Array<[string, Answers[string]]> = [];
  for (const choice of choices) {
    const given = ownValue(answers, choice.id);
    const answer = choice.kind === 'yesno' ? given === true : given;
    if (answer === undefined || answer === '' || (Array.isArray(answer) && answer.length === 0)) continue;
    sent.push([choice.id, typeof answer === 'string' ? answer.trim() : answer]);
  }
  // fromEntries makes own keys; `sent[id] = …` with an id `__proto__` would replace the prototype.
  return Object.fromEntries(sent);
}

/** Upcoming first (soonest first), then past ones (most recent first), as 我的报名 lists them. */
export function splitByTime<T extends Pick<ActivitySummary, 'startAt' | 'endAt'>>(items: readonly T[], now: number): { upcoming: T[]; past: T[] } {
  const upcoming = items.filter((item) => item.endAt >= now).sort((a, b) => a.startAt - b.startAt);
  const past = items.filter((item) => item.endAt < now).sort((a, b) => b.startAt - a.startAt);
  return { upcoming, past };
}

/** 面向：全体会员, or the conditions joined: 退休 · 女 · 2 个工会小组 · 教代会代表. */
export function audienceText(audience: Audience): string {
  const parts = [
    (audience.statuses ?? []).map((s) => STATUS_LABELS[s]).join('、'),
    (audience.genders ?? []).map((g) => GENDER_LABELS[g]).join('、'),
    audience.groupIds?.length ? `${audience.groupIds.length} 个工会小组` : '',
    audience.delegatesOnly ? '教代会代表' : '',
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : '全体会员';
}

/** 报名截止前可取消 / 报名后不可取消 */
export const cancelRuleText = (rule: 'untilDeadline' | 'none'): string => (rule === 'untilDeadline' ? '报名截止前可取消' : '报名后不可取消');
