/**
 * A ballot as the member fills it in, and what it says: complete or not, within limits or not, and
 * the sentence the confirmation shows. Pure functions, no React, so they are easy to test.
 */
import type { Ballot, Grade, OTHER_OPTION as OtherOptionId, Stance, VoteContent } from '../../../../types/vote';
import { GRADE_LABELS, STANCE_LABELS } from '../../../../types/labels';
import { ownValue } from '../../../../types/own-keys';

/**
 * The contract's OTHER_OPTION, checked against it by type only: importing the value would bring
 * the whole validation library into this subpackage for one short string.
 */
export const OTHER_OPTION: typeof OtherOptionId = 'other';

/** A subject's grade as a one-entry list, or none (an own key only: see types/own-keys). */
const gradeEntry = (grades: Readonly<Record<string, Grade>>, id: string): Array<[string, Grade]> => {
  const grade = ownValue(grades, id);
  return grade ? [[id, grade]] : [];
};

/** What the member has chosen so far; `toBallot` turns a complete one into what the cloud takes. */
export type BallotDraft =
  | { kind: 'election'; picks: string[] }
  | { kind: 'appraisal'; grades: Record<string, Grade> }
  | { kind: 'motion'; stance: Stance | null }
  | { kind: 'poll'; picks: string[]; otherText: string };

export const OTHER_LABEL = '其他';

/** Nothing chosen yet. */
export function emptyDraft(content: VoteContent): BallotDraft {
  switch (content.kind) {
    case 'election':
      return { kind: 'election', picks: [] };
    case 'appraisal':
      return { kind: 'appraisal', grades: {} };
    case 'motion':
      return { kind: 'motion', stance: null };
    case 'poll':
      return { kind: 'poll', picks: [], otherText: '' };
  }
}

/** The member's earlier ballot to change, or an empty one when there is none (or it does not fit). */
export function draftFrom(content: VoteContent, ballot: Ballot | null | undefined): BallotDraft {
  if (!ballot || ballot.kind !== content.kind) return emptyDraft(content);
  switch (ballot.kind) {
    case 'election':
      return { kind: 'election', picks: [...ballot.picks] };
    case 'appraisal':
      return { kind: 'appraisal', grades: { ...ballot.grades } };
    case 'motion':
      return { kind: 'motion', stance: ballot.stance };
    case 'poll':
      return { kind: 'poll', picks: [...ballot.picks], otherText: ballot.otherText ?? '' };
  }
}

/** How many may be picked: an election's maximum, a poll's, or 1. */
export const maxPicksOf = (content: VoteContent): number => (content.kind === 'election' || content.kind === 'poll' ? content.maxPicks : 1);

/** Ticks or unticks one choice. Picking beyond `max` is refused: the picks stay as they were. */
export function togglePick(picks: readonly string[], id: string, max: number): { picks: string[]; refused: boolean } {
  if (picks.includes(id)) return { picks: picks.filter((p) => p !== id), refused: false };
  if (picks.length >= max) return { picks: [...picks], refused: true };
  return { picks: [...picks, id], refused: false };
}

/** 请选择 1–3 人 / 请选择 3 人 / 最多选择 3 人 */
export function electionLimitText(minPicks: number, maxPicks: number): string {
  if (minPicks === maxPicks) return `请选择 ${maxPicks} 人`;
  if (minPicks === 0) return `最多选择 ${maxPicks} 人`;
  return `请选择 ${minPicks}–${maxPicks} 人`;
}

/** What the member sees on tapping one more than allowed. */
export const overLimitText = (content: VoteContent): string =>
  content.kind === 'election' ? `最多只能选 ${content.maxPicks} 人，请先取消一位再选` : `最多只能选 ${maxPicksOf(content)} 项，请先取消一项再选`;

/**
 * The first thing that keeps this ballot from being cast, or '' when it is complete and within the
 * limits. The cloud checks again.
 */
export function ballotProblem(content: VoteContent, draft: BallotDraft): string {
  if (draft.kind !== content.kind) return '选票与投票类型不符，请刷新后再试';
  switch (content.kind) {
    case 'election': {
      const picks = (draft as Extract<BallotDraft, { kind: 'election' }>).picks.filter((id) => content.candidates.some((c) => c.id === id));
      if (picks.length < content.minPicks) return `请至少选择 ${content.minPicks} 人`;
      if (picks.length > content.maxPicks) return `最多只能选 ${content.maxPicks} 人`;
      return '';
    }
    case 'appraisal': {
      const grades = (draft as Extract<BallotDraft, { kind: 'appraisal' }>).grades;
      const left = content.subjects.filter((s) => !ownValue(grades, s.id)).length;
      return left > 0 ? `还有 ${left} 位没有评议，请为每一位选择等次` : '';
    }
    case 'motion':
      return (draft as Extract<BallotDraft, { kind: 'motion' }>).stance ? '' : '请选择赞成、反对或弃权';
    case 'poll': {
      const { picks, otherText } = draft as Extract<BallotDraft, { kind: 'poll' }>;
      const known = picks.filter((id) => content.options.some((o) => o.id === id) || (content.allowOther && id === OTHER_OPTION));
      if (known.length === 0) return '请至少选择一项';
      if (known.length > content.maxPicks) return `最多只能选 ${content.maxPicks} 项`;
      if (known.includes(OTHER_OPTION) && !otherText.trim()) return `请填写「${OTHER_LABEL}」的内容`;
      return '';
    }
  }
}

/** The ballot the cloud takes, in the vote's own order; check `ballotProblem` first. */
export function toBallot(content: VoteContent, draft: BallotDraft): Ballot {
  switch (content.kind) {
    case 'election': {
      const picks = draft.kind === 'election' ? draft.picks : [];
      return { kind: 'election', picks: content.candidates.map((c) => c.id).filter((id) => picks.includes(id)) };
    }
    case 'appraisal': {
      const grades = draft.kind === 'appraisal' ? draft.grades : {};
      return { kind: 'appraisal', grades: Object.fromEntries(content.subjects.flatMap((s) => gradeEntry(grades, s.id))) };
    }
    case 'motion':
      return { kind: 'motion', stance: (draft.kind === 'motion' && draft.stance) || 'abstain' };
    case 'poll': {
      const picks = draft.kind === 'poll' ? draft.picks : [];
      const ids = [...content.options.map((o) => o.id), ...(content.allowOther ? [OTHER_OPTION] : [])].filter((id) => picks.includes(id));
      const otherText = draft.kind === 'poll' ? draft.otherText.trim() : '';
      return ids.includes(OTHER_OPTION) ? { kind: 'poll', picks: ids, otherText } : { kind: 'poll', picks: ids };
    }
  }
}

/** The labels of a poll's picks, 其他 with its text: 食堂、其他（图书馆）. */
function pollPickLabels(content: Extract<VoteContent, { kind: 'poll' }>, ballot: Extract<Ballot, { kind: 'poll' }>): string[] {
  return ballot.picks.map((id) =>
    id === OTHER_OPTION ? `${OTHER_LABEL}${ballot.otherText ? `（${ballot.otherText}）` : ''}` : (content.options.find((o) => o.id === id)?.label ?? id),
  );
}

/**
 * The member's choices as lines, e.g. 你选择了 3 人：张三、李四、王五 / 张三：优秀 / 你的意见：赞成.
 * Used in the confirmation and, for named votes, under 已投票.
 */
export function ballotLines(content: VoteContent, ballot: Ballot): string[] {
  if (ballot.kind !== content.kind) return [];
  switch (content.kind) {
    case 'election': {
      const picks = (ballot as Extract<Ballot, { kind: 'election' }>).picks;
      if (picks.length === 0) return ['你没有选择任何人'];
      const names = picks.map((id) => content.candidates.find((c) => c.id === id)?.name ?? id);
      return [`你选择了 ${names.length} 人：${names.join('、')}`];
    }
    case 'appraisal': {
      const grades = (ballot as Extract<Ballot, { kind: 'appraisal' }>).grades;
      return content.subjects.flatMap((s) => gradeEntry(grades, s.id).map(([, grade]) => `${s.name}：${GRADE_LABELS[grade]}`));
    }
    case 'motion':
      return [`你的意见：${STANCE_LABELS[(ballot as Extract<Ballot, { kind: 'motion' }>).stance]}`];
    case 'poll':
      return [`你选择了：${pollPickLabels(content, ballot as Extract<Ballot, { kind: 'poll' }>).join('、')}`];
  }
}

/**
 * What the confirmation says: the choices in one sentence, then whether they can be changed.
 * `changeable`: a named vote that lets voters change their ballot until it closes.
 */
export function confirmationText(content: VoteContent, ballot: Ballot, changeable: boolean): string {
  const lines = ballotLines(content, ballot);
  const choices = content.kind === 'appraisal' ? `你的评议：${lines.join('，')}` : lines.join('');
  return `${choices}。${changeable ? '投票结束前你还可以修改。' : '提交后不能修改。'}`;
}

/** 已选 2 人 / 已评 3/5 人 / 已选 1 项: how far the member is, shown beside the limits. */
export function progressText(content: VoteContent, draft: BallotDraft): string {
  if (content.kind === 'election' && draft.kind === 'election') return `已选 ${draft.picks.length} 人`;
  if (content.kind === 'appraisal' && draft.kind === 'appraisal') {
    return `已评 ${content.subjects.filter((s) => ownValue(draft.grades, s.id)).length}/${content.subjects.length} 人`;
  }
  if (content.kind === 'poll' && draft.kind === 'poll') return `已选 ${draft.picks.length} 项`;
  return '';
}
