/**
 * The organiser's form as it is typed, and its conversion to the ActivityDraft the cloud takes.
 * Dates and times are Asia/Shanghai wall time ('2026-11-28' + '08:30'), whatever the phone's zone.
 */
import * as v from 'valibot';
import { ActivityDraftSchema, type Activity, type ActivityCategory, type ActivityDraft, type Choice } from '../../../../types/activity';
import type { Gender, MemberStatus } from '../../../../types/fields';
import { shanghaiDateText, shanghaiTimeText, shanghaiWallTime } from '../../../lib/time';

export type ChoiceKind = Choice['kind'];
export const CHOICE_KIND_LABELS: Record<ChoiceKind, string> = { single: '单选', multi: '多选', text: '填空', yesno: '是/否' };

/** A question while it is edited: options and max kept for every kind, used only by the kinds that have them. */
export interface ChoiceForm {
  id: string;
  kind: ChoiceKind;
  label: string;
  required: boolean;
  options: Array<{ id: string; label: string }>;
  max: number;
}

export interface WallTime {
  date: string;
  time: string;
}

export interface DraftForm {
  title: string;
  category: ActivityCategory;
  description: string;
  place: string;
  start: WallTime;
  end: WallTime;
  opens: WallTime;
  deadline: WallTime;
  /** null: 不限名额; otherwise the number as typed. */
  capacity: string | null;
  cancelRule: 'untilDeadline' | 'none';
  statuses: MemberStatus[];
  genders: Gender[];
  groupIds: string[];
  delegatesOnly: boolean;
  companionsMax: number;
  choices: ChoiceForm[];
}

let counter = 0;
/** A fresh id for a question or an option: letters and digits, as the schema wants, unique in this session. */
export const newId = (prefix: string, now: number = Date.now()): string => `${prefix}${now.toString(36)}${(counter++).toString(36)}`;

const wall = (ms: number): WallTime => ({ date: shanghaiDateText(ms), time: shanghaiTimeText(ms) });
const DAY_MS = 24 * 60 * 60 * 1000;

/** A new activity: a week from today 14:00–16:00, sign-up from now until the day before at 18:00. */
export function blankForm(now: number = Date.now()): DraftForm {
  const day = shanghaiDateText(now + 7 * DAY_MS);
  const dayBefore = shanghaiDateText(now + 6 * DAY_MS);
  return {
    title: '',
    category: 'culture',
    description: '',
    place: '',
    start: { date: day, time: '14:00' },
    end: { date: day, time: '16:00' },
    opens: wall(now),
    deadline: { date: dayBefore, time: '18:00' },
    capacity: null,
    cancelRule: 'untilDeadline',
    statuses: [],
    genders: [],
    groupIds: [],
    delegatesOnly: false,
    companionsMax: 0,
    choices: [],
  };
}

/** The form for an existing activity, as `activity.get` answered it. */
export function formOf(activity: Activity): DraftForm {
  return {
    title: activity.title,
    category: activity.category,
    description: activity.description,
    place: activity.place,
    start: wall(activity.startAt),
    end: wall(activity.endAt),
    opens: wall(activity.signupOpensAt),
    deadline: wall(activity.signupDeadline),
    capacity: activity.capacity === null ? null : String(activity.capacity),
    cancelRule: activity.cancelRule,
    statuses: activity.audience.statuses ?? [],
    genders: activity.audience.genders ?? [],
    groupIds: activity.audience.groupIds ?? [],
    delegatesOnly: activity.audience.delegatesOnly ?? false,
    companionsMax: activity.companionsMax,
    choices: activity.choices.map((choice) => ({
      id: choice.id,
      kind: choice.kind,
      label: choice.label,
      required: choice.required,
      options: choice.kind === 'single' || choice.kind === 'multi' ? choice.options.map((o) => ({ ...o })) : [],
      max: choice.kind === 'multi' ? choice.max : 1,
    })),
  };
}

/** A new question of a kind: choice kinds start with two empty options. */
export const newChoice = (kind: ChoiceKind): ChoiceForm => ({
  id: newId('q'),
  kind,
  label: '',
  required: kind !== 'yesno',
  options: kind === 'single' || kind === 'multi' ? [{ id: newId('o'), label: '' }, { id: newId('o'), label: '' }] : [],
  max: kind === 'multi' ? 2 : 1,
});

function choiceOf(form: ChoiceForm): Choice {
  const base = { id: form.id, label: form.label, required: form.required };
  if (form.kind === 'single') return { ...base, kind: 'single', options: form.options };
  if (form.kind === 'multi') return { ...base, kind: 'multi', options: form.options, max: form.max };
  return { ...base, kind: form.kind };
}

const TIME_NAMES = { start: '开始时间', end: '结束时间', opens: '报名开始时间', deadline: '报名截止时间' } as const;

/**
 * The draft to send, checked on the phone with the same schema the cloud uses; or the first problem,
 * in the schema's own words, so a person fixes one thing at a time without a round trip.
 */
export function draftOf(form: DraftForm): { ok: true; draft: ActivityDraft } | { ok: false; problem: string } {
  const times = {} as Record<keyof typeof TIME_NAMES, number>;
  for (const key of Object.keys(TIME_NAMES) as Array<keyof typeof TIME_NAMES>) {
    times[key] = shanghaiWallTime(form[key].date, form[key].time);
    if (Number.isNaN(times[key])) return { ok: false, problem: `请选择${TIME_NAMES[key]}` };
  }
  const capacity = form.capacity === null ? null : form.capacity.trim() === '' ? NaN : Number(form.capacity);
  if (capacity !== null && Number.isNaN(capacity)) return { ok: false, problem: '请填写名额，或选择不限名额' };
  const audience = {
    ...(form.statuses.length ? { statuses: form.statuses } : {}),
    ...(form.genders.length ? { genders: form.genders } : {}),
    ...(form.groupIds.length ? { groupIds: form.groupIds } : {}),
    ...(form.delegatesOnly ? { delegatesOnly: true } : {}),
  };
  const result = v.safeParse(ActivityDraftSchema, {
    title: form.title,
    category: form.category,
    description: form.description,
    place: form.place,
    startAt: times.start,
    endAt: times.end,
    signupOpensAt: times.opens,
    signupDeadline: times.deadline,
    capacity,
    cancelRule: form.cancelRule,
    audience,
    companionsMax: form.companionsMax,
    choices: form.choices.map(choiceOf),
  });
  return result.success ? { ok: true, draft: result.output } : { ok: false, problem: result.issues[0].message };
}
