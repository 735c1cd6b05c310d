/**
 * The chair's form for a handling department (承办部门): its name and the 工号 of those who write its
 * replies, typed in one line. Pure: no Taro, no cloud.
 */
import * as v from 'valibot';
import { DepartmentDraftSchema, type DepartmentDraft, type DepartmentView } from '../../../../types/proposal';

export interface DepartmentForm {
  name: string;
  /** 工号 as typed: separated by spaces, commas or 顿号. */
  handlers: string;
}

export const blankDepartmentForm = (): DepartmentForm => ({ name: '', handlers: '' });
export const departmentFormOf = (department: Pick<DepartmentView, 'name' | 'handlerIds'>): DepartmentForm => ({
  name: department.name,
  handlers: department.handlerIds.join(' '),
});

/** 'T001, T002、T003 T001' → ['T001', 'T002', 'T003']: each 工号 once, in the order typed. */
export const staffNosOf = (typed: string): string[] => [...new Set(typed.split(/[\s,，、;；]+/).filter(Boolean))];

/** The draft to send, checked with the cloud's own schema; or the first problem, in its words. */
export function departmentDraftOf(form: DepartmentForm): { ok: true; draft: DepartmentDraft } | { ok: false; problem: string } {
  const result = v.safeParse(DepartmentDraftSchema, { name: form.name, handlerIds: staffNosOf(form.handlers) });
  if (result.success) return { ok: true, draft: result.output };
  const issue = result.issues[0];
  const index = issue.path?.[1]?.key;
  return { ok: false, problem: typeof index === 'number' ? `第 ${index + 1} 个工号：${issue.message}` : issue.message };
}

/** 张老师（T001）、李老师（T002）, or '' without handlers. */
export const handlersText = (department: Pick<DepartmentView, 'handlers'>): string =>
  department.handlers.map((h) => `${h.name}（${h.memberId}）`).join('、');

/** 工号 the department names that the roster did not answer with a name (typed wrong, or left). */
export const unknownHandlerIds = (department: Pick<DepartmentView, 'handlerIds' | 'handlers'>): string[] =>
  department.handlerIds.filter((id) => !department.handlers.some((h) => h.memberId === id));
