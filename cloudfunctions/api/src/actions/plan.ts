import { randomBytes } from 'node:crypto';
import type { Member } from '../../../../types/member';
import type { Plan, PlanItem } from '../../../../types/plan';
import { parsePlan } from '../domain/plan-parser';
import { activityFromItem, noticeFromItem, voteFromItem } from '../domain/plan-drafts';
import type { BoundCaller, Caller } from '../lib/caller';
import { collection } from '../lib/collections';
import { DomainError } from '../lib/domain-error';
import type { Handler } from '../lib/dispatch';
import { readPlanFile } from '../lib/plan-file';
import { linksFor } from '../lib/plan-links';
import { runInTransaction } from '../lib/transaction';
import { newActivity } from './activity-organise';
import { newNotice } from './notice';
import { newVote } from './vote-organise';

const me = (caller: Caller): Member => (caller as BoundCaller).member;
export const planId = (year: number): string => `plan-${year}`;

async function getPlan(year: number): Promise<Plan | null> {
  const { data } = await collection('plans').doc(planId(year)).get();
  return (data as Plan | null) ?? null;
}

/** Reads the pasted text or the uploaded file and answers what the chair will check and edit. Writes nothing. */
export const previewPlan: Handler<'plan.preview'> = async ({ text, fileID }, caller) => {
  const source = text ?? (await readPlanFile(fileID!, caller.openid));
  const parsed = parsePlan(source);
  if (parsed.months.length === 0 || parsed.months.every((m) => m.items.length === 0)) throw new DomainError('PLAN_UNPARSEABLE');
  return { ...parsed, text: source };
};

/** Saves the year's plan as the chair edited it, replacing the previous one; items keep their links and dates by id. */
export const savePlan: Handler<'plan.save'> = async ({ year, title, months }, caller) => {
  const before = await getPlan(year);
  const kept = new Map((before?.months ?? []).flatMap((m) => m.items).map((item) => [item.id, item]));
  const plan: Plan = {
    _id: planId(year),
    year,
    title,
    months: months.map((m) => ({
      ...m,
      items: m.items.map((item) => {
        const old = kept.get(item.id);
        return { ...item, ...(old?.linked ? { linked: old.linked } : {}), ...(item.date === undefined && old?.date ? { date: old.date } : {}) };
      }),
    })),
    savedBy: me(caller).name,
    savedAt: Date.now(),
    rev: (before?.rev ?? 0) + 1,
  };
  const { _id, ...fields } = plan;
  await collection('plans').doc(_id).set({ data: fields });
  return plan;
};

/** The year's plan; its links to drafts only for those who may see them (lib/plan-links.ts). */
export const getPlanOfYear: Handler<'plan.get'> = async ({ year }, caller) => {
  const plan = await getPlan(year);
  if (!plan) return { plan: null };
  const link = await linksFor(plan.months.flatMap((m) => m.items), me(caller), Date.now());
  return { plan: { ...plan, months: plan.months.map((m) => ({ ...m, items: m.items.map(link) })) } };
};

/** Where an item is in the plan, or NOT_FOUND. */
function locate(plan: Plan | null, itemId: string): { plan: Plan; monthIndex: number; itemIndex: number; item: PlanItem } {
  for (const [monthIndex, month] of (plan?.months ?? []).entries()) {
    const itemIndex = month.items.findIndex((i) => i.id === itemId);
    if (itemIndex >= 0) return { plan: plan!, monthIndex, itemIndex, item: month.items[itemIndex] };
  }
  throw new DomainError('NOT_FOUND');
}

const withItem = (plan: Plan, monthIndex: number, itemIndex: number, item: PlanItem) =>
  plan.months.map((m, i) => (i === monthIndex ? { ...m, items: m.items.map((old, j) => (j === itemIndex ? item : old)) } : m));

/** Gives an item its day (within its month), or takes it away: conditional on the plan's revision. */
export const setPlanItemDate: Handler<'plan.setItemDate'> = async ({ year, itemId, date }) => {
  const { plan, monthIndex, itemIndex, item } = locate(await getPlan(year), itemId);
  const month = plan.months[monthIndex];
  if (date && !date.startsWith(`${month.year}-${String(month.month).padStart(2, '0')}-`)) {
    throw new DomainError('INVALID_INPUT', undefined, [{ path: 'date', message: `日期要在 ${month.year}年${month.month}月 之内` }]);
  }
  const next: PlanItem = { ...item, date };
  const { stats } = await collection('plans').where({ _id: plan._id, rev: plan.rev }).update({ data: { months: withItem(plan, monthIndex, itemIndex, next), rev: plan.rev + 1 } });
  if (stats.updated === 0) throw new DomainError('CONFLICT');
  return next;
};

/**
 * Turns an item into a draft activity, vote or notice with one tap: the draft and the item's link
 * to it are written in one transaction, so an item never gets two drafts.
 */
export const makeDraftFromItem: Handler<'plan.makeDraft'> = async ({ year, itemId, kind }, caller) => {
  const author = me(caller);
  const now = Date.now();
  const id = randomBytes(16).toString('hex');
  await runInTransaction(async (t) => {
    const plan = (await t.collection('plans').doc(planId(year)).get()).data as Plan | null;
    const { monthIndex, itemIndex, item } = locate(plan ? { ...plan, _id: planId(year) } : null, itemId);
    if (item.linked) throw new DomainError('PLAN_ITEM_LINKED');
    const { month, year: monthYear } = plan!.months[monthIndex];
    const [name, doc] =
      kind === 'activity'
        ? (['activities', newActivity(activityFromItem(item, monthYear, month, now), author._id, now)] as const)
        : kind === 'vote'
          ? (['votes', newVote(voteFromItem(item, monthYear, month), author._id, now)] as const)
          : (['notices', newNotice(noticeFromItem(item, monthYear, month, now), [], author, now)] as const);
    await t.collection(name).doc(id).set({ data: doc });
    const linked: PlanItem = { ...item, linked: { kind, id } };
    await t.collection('plans').doc(planId(year)).update({ data: { months: withItem({ ...plan!, _id: planId(year) }, monthIndex, itemIndex, linked), rev: plan!.rev + 1 } });
  });
  return { kind, id };
};
