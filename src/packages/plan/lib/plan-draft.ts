/**
 * The chair's plan between 识别 and 保存: the parsed months and items as an editable draft, each
 * month's calendar year, and the `plan.save` input. Pure, so the import page and its tests agree.
 */
import type { ActionInput } from '../../../../types/actions';
import type { PlanPreview } from '../../../../types/plan';

export interface DraftItem {
  id: string;
  text: string;
}

export interface DraftMonth {
  /** Stable while editing (the month number may change). */
  key: string;
  /** 1–12 */
  month: number;
  items: DraftItem[];
}

export interface PlanDraft {
  /** The plan's year as the union names it: a calendar year, or a school year's first year. */
  year: number;
  title: string;
  months: DraftMonth[];
}

export type PlanSave = ActionInput<'plan.save'>;

/** Longest item the server takes (PlanItemSchema). */
export const ITEM_MAX = 300;
export const TITLE_MAX = 40;

const ID_ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A new id for an item or a month, matching /^[A-Za-z0-9_-]+$/: the prefix and 10 random characters. */
export function newDraftId(prefix: 'i' | 'm', taken: readonly string[] = [], random: () => number = Math.random): string {
  for (;;) {
    let id: string = prefix;
    for (let i = 0; i < 10; i++) id += ID_ALPHABET[Math.floor(random() * ID_ALPHABET.length) % ID_ALPHABET.length];
    if (!taken.includes(id)) return id;
  }
}

/** 2026年工会工作计划 */
export const defaultTitle = (year: number): string => `${year}年工会工作计划`;

/**
 * Each month's calendar year, in the plan's order. A plan that starts in 九月 or later is a school
 * year: once the months wrap back (十二月 → 一月), they belong to the next year. Only one wrap
 * counts; a plan starting before 九月 stays in its year (the parser warns about odd orders).
 */
export function calendarYears(year: number, months: readonly number[]): number[] {
  const schoolYear = months.length > 0 && months[0] >= 9;
  let wrapped = false;
  return months.map((month, i) => {
    if (schoolYear && i > 0 && month < months[i - 1]) wrapped = true;
    return wrapped ? year + 1 : year;
  });
}

/** 2027年1月 for each month of the draft, in its order. */
export const monthLabels = (draft: Pick<PlanDraft, 'year' | 'months'>): string[] => {
  const years = calendarYears(draft.year, draft.months.map((m) => m.month));
  return draft.months.map((m, i) => `${years[i]}年${m.month}月`);
};

/** The preview as a draft the chair edits, with fresh ids. */
export function draftFromPreview(preview: PlanPreview, year: number, random: () => number = Math.random): PlanDraft {
  const taken: string[] = [];
  const id = (prefix: 'i' | 'm') => {
    const next = newDraftId(prefix, taken, random);
    taken.push(next);
    return next;
  };
  return {
    year,
    title: defaultTitle(year),
    months: preview.months.map((m) => ({ key: id('m'), month: m.month, items: m.items.map((item) => ({ id: id('i'), text: item.text })) })),
  };
}

const allIds = (draft: PlanDraft): string[] => draft.months.flatMap((m) => [m.key, ...m.items.map((i) => i.id)]);
const mapMonth = (draft: PlanDraft, key: string, change: (m: DraftMonth) => DraftMonth): PlanDraft => ({
  ...draft,
  months: draft.months.map((m) => (m.key === key ? change(m) : m)),
});

/** A new year; the title follows it while the chair has not written their own. */
export const withYear = (draft: PlanDraft, year: number): PlanDraft => ({
  ...draft,
  year,
  title: draft.title.trim() === defaultTitle(draft.year) ? defaultTitle(year) : draft.title,
});

export const withTitle = (draft: PlanDraft, title: string): PlanDraft => ({ ...draft, title });

export const withMonthNumber = (draft: PlanDraft, key: string, month: number): PlanDraft => mapMonth(draft, key, (m) => ({ ...m, month }));

export const withoutMonth = (draft: PlanDraft, key: string): PlanDraft => ({ ...draft, months: draft.months.filter((m) => m.key !== key) });

/** Adds a month after the last one (the month after it), with one empty item to fill in. */
export function withNewMonth(draft: PlanDraft, random: () => number = Math.random): PlanDraft {
  const last = draft.months[draft.months.length - 1];
  const key = newDraftId('m', allIds(draft), random);
  const item = newDraftId('i', [...allIds(draft), key], random);
  const month = last ? (last.month % 12) + 1 : 1;
  return { ...draft, months: [...draft.months, { key, month, items: [{ id: item, text: '' }] }] };
}

export const withItemText = (draft: PlanDraft, key: string, itemId: string, text: string): PlanDraft =>
  mapMonth(draft, key, (m) => ({ ...m, items: m.items.map((i) => (i.id === itemId ? { ...i, text } : i)) }));

export const withoutItem = (draft: PlanDraft, key: string, itemId: string): PlanDraft => mapMonth(draft, key, (m) => ({ ...m, items: m.items.filter((i) => i.id !== itemId) }));

/** Adds an empty item at the end of a month. */
export function withNewItem(draft: PlanDraft, key: string, random: () => number = Math.random): PlanDraft {
  const id = newDraftId('i', allIds(draft), random);
  return mapMonth(draft, key, (m) => ({ ...m, items: [...m.items, { id, text: '' }] }));
}

/** Items that would be saved (blank ones are left out). */
export const itemCount = (draft: PlanDraft): number => draft.months.reduce((n, m) => n + m.items.filter((i) => i.text.trim()).length, 0);

/** What stops the draft from being saved, in words for the chair; '' when it may go. */
export function draftProblem(draft: PlanDraft): string {
  const title = draft.title.trim();
  if (title.length < 2) return '请填写计划名称';
  if (title.length > TITLE_MAX) return `计划名称最多 ${TITLE_MAX} 个字`;
  if (!Number.isInteger(draft.year) || draft.year < 2000 || draft.year > 2100) return '年份不正确';
  if (itemCount(draft) === 0) return '计划里没有任何工作条目';
  const labels = monthLabels(draft);
  for (const [i, m] of draft.months.entries()) {
    const long = m.items.findIndex((item) => item.text.trim().length > ITEM_MAX);
    if (long >= 0) return `${labels[i]}第 ${long + 1} 条太长了（最多 ${ITEM_MAX} 字），请删去说明文字或分成几条`;
  }
  return '';
}

/**
 * The `plan.save` input: months in the plan's order with their calendar years, blank items and empty
 * months left out, and a month written twice (十月 twice) saved as one with the items of both.
 */
export function saveInputOf(draft: PlanDraft): PlanSave {
  const years = calendarYears(draft.year, draft.months.map((m) => m.month));
  const months: PlanSave['months'] = [];
  draft.months.forEach((m, i) => {
    const items = m.items.map((item) => ({ id: item.id, text: item.text.trim() })).filter((item) => item.text);
    if (items.length === 0) return;
    const same = months.find((saved) => saved.year === years[i] && saved.month === m.month);
    if (same) same.items.push(...items);
    else months.push({ year: years[i], month: m.month, items });
  });
  return { year: draft.year, title: draft.title.trim(), months };
}
