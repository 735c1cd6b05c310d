import * as v from 'valibot';
import { FileId, Id, Text } from './fields';

const Year = v.pipe(v.number('年份必须是数字'), v.integer('年份必须是整数'), v.minValue(2000, '年份不正确'), v.maxValue(2100, '年份不正确'));
const Month = v.pipe(v.number('月份必须是数字'), v.integer('月份必须是整数'), v.minValue(1, '月份只能是 1–12'), v.maxValue(12, '月份只能是 1–12'));
/** A day as YYYY-MM-DD in Asia/Shanghai. */
export const Day = v.pipe(v.string('日期格式不正确'), v.regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, '日期格式应为 2026-09-10'));

/** The chair's plan text, pasted or as an uploaded .txt / .docx file. */
export const PlanPreviewInput = v.pipe(
  v.strictObject({
    text: v.optional(v.pipe(v.string('请粘贴工作计划'), v.maxLength(50000, '工作计划太长了（最多 5 万字）'))),
    fileID: v.optional(FileId),
  }),
  v.check((i) => Boolean(i.text?.trim()) !== Boolean(i.fileID), '请粘贴工作计划的文字，或上传 .txt / .docx 文件'),
);

export const PlanItemSchema = v.strictObject({ id: Id, text: Text('条目', 300, 1), date: v.optional(v.nullable(Day)) });
export const PlanMonthSchema = v.strictObject({
  /** The calendar year and month this part of the plan falls in (a school year spans two). */
  year: Year,
  month: Month,
  items: v.pipe(v.array(PlanItemSchema), v.maxLength(50, '每个月最多 50 条')),
});
export const PlanSaveInput = v.pipe(
  v.strictObject({
    /** The plan's year as the union names it (2026 for 2026年工作计划, or a school year's first year). */
    year: Year,
    title: Text('计划名称', 40, 2),
    months: v.pipe(v.array(PlanMonthSchema), v.minLength(1, '计划里至少要有一个月'), v.maxLength(24, '月份太多了')),
  }),
  v.check((p) => p.months.some((m) => m.items.length > 0), '计划里没有任何工作条目'),
  v.check((p) => new Set(p.months.flatMap((m) => m.items.map((i) => i.id))).size === p.months.reduce((n, m) => n + m.items.length, 0), '条目编号重复'),
);
export type PlanMonth = v.InferOutput<typeof PlanMonthSchema>;
export type PlanItem = v.InferOutput<typeof PlanItemSchema> & { linked?: { kind: 'activity' | 'vote' | 'notice'; id: string } };

/** Stored in `plans`, `_id` = `plan-${year}`: one plan per year, replaced when saved again. */
export interface Plan {
  _id: string;
  year: number;
  title: string;
  months: Array<Omit<PlanMonth, 'items'> & { items: PlanItem[] }>;
  savedBy: string;
  savedAt: number;
  /** Bumped by every change: a change applies only to the revision it read. */
  rev: number;
}

/** The preview the chair edits before saving: months with items, and what to check. */
export interface PlanPreview {
  months: Array<{ month: number; line: number; items: Array<{ text: string; line: number }> }>;
  warnings: Array<{ line: number; message: string }>;
  /** The text read (from the file, when one was uploaded), for the chair to see what was parsed. */
  text: string;
}

export const PlanYearInput = v.strictObject({ year: Year });
export const PlanItemDateInput = v.strictObject({ year: Year, itemId: Id, date: v.nullable(Day) });
export const PlanMakeDraftInput = v.strictObject({ year: Year, itemId: Id, kind: v.picklist(['activity', 'vote', 'notice'], '只能生成活动、投票或通知') });
/** YYYY-MM in Asia/Shanghai. */
export const MonthInput = v.strictObject({ month: v.pipe(v.string('月份格式不正确'), v.regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 2026-03')) });
