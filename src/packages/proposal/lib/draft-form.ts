/**
 * The proposal form (案由, 案据, 建议措施, 分类) and the draft the cloud takes. Pure functions; the
 * checks are the contract's own schema, so the phone says what the cloud would say.
 */
import * as v from 'valibot';
import { PROPOSAL_CATEGORIES } from '../../../../types/labels';
import { ProposalDraftSchema, type ProposalCategory, type ProposalDraft } from '../../../../types/proposal';

export interface ProposalForm {
  title: string;
  reasons: string;
  measures: string;
  /** '' until the delegate chooses. */
  category: ProposalCategory | '';
}

/** Lengths the cloud accepts (characters, after trimming). */
export const LIMITS = {
  title: { min: 4, max: 60 },
  reasons: { min: 10, max: 3000 },
  measures: { min: 10, max: 3000 },
} as const;

export const LIMITS_TEXT = `案由 ${LIMITS.title.min}–${LIMITS.title.max} 字；案据、建议措施各 ${LIMITS.reasons.min}–${LIMITS.reasons.max} 字`;

export const blankProposalForm = (): ProposalForm => ({ title: '', reasons: '', measures: '', category: '' });

export const proposalFormOf = (draft: ProposalDraft): ProposalForm => ({
  title: draft.title,
  reasons: draft.reasons,
  measures: draft.measures,
  category: draft.category,
});

/** 12/60: characters written against the most allowed (trimmed, as the cloud counts). */
export const countText = (value: string, max: number): string => `${value.trim().length}/${max}`;

export type DraftCheck = { ok: true; draft: ProposalDraft } | { ok: false; problem: string };

const LABELS = { title: '案由', reasons: '案据', measures: '建议措施' } as const;

/** The first text too short to send, said with the length wanted (the cloud would only say 请填写). */
function shortText(form: ProposalForm): string {
  for (const key of ['title', 'reasons', 'measures'] as const) {
    const length = form[key].trim().length;
    if (length === 0) return `请填写${LABELS[key]}`;
    if (length < LIMITS[key].min) return `${LABELS[key]}至少写 ${LIMITS[key].min} 个字`;
  }
  return '';
}

/** The draft to send, trimmed, or the first thing to fix in the form's order. */
export function proposalDraftOf(form: ProposalForm): DraftCheck {
  const short = shortText(form);
  if (short) return { ok: false, problem: short };
  if (form.category === '' || !PROPOSAL_CATEGORIES.includes(form.category)) {
    const textOnly = v.safeParse(ProposalDraftSchema, { ...form, category: PROPOSAL_CATEGORIES[0] });
    return { ok: false, problem: textOnly.success ? '请选择提案分类' : textOnly.issues[0].message };
  }
  const parsed = v.safeParse(ProposalDraftSchema, { title: form.title, reasons: form.reasons, measures: form.measures, category: form.category });
  return parsed.success ? { ok: true, draft: parsed.output } : { ok: false, problem: parsed.issues[0].message };
}
