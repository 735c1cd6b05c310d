/**
 * The organiser's vote form as it is typed, and its conversion to the VoteDraft the cloud takes.
 * Dates and times are Asia/Shanghai wall time ('2026-11-28' + '18:00'), whatever the phone's zone.
 * Pure: no Taro, no cloud; the page and the unit tests share it.
 */
import * as v from 'valibot';
import type { Audience } from '../../../../types/activity';
import { RESULT_VISIBILITIES, VOTE_KIND_LABELS } from '../../../../types/labels';
import { OTHER_OPTION, VoteDraftSchema, type VoteDraft, type VoteInfo, type VoteKind } from '../../../../types/vote';
import { shanghaiDateText, shanghaiTimeText, shanghaiWallTime } from '../../../lib/time';
import type { WallTime } from '../../organiser/lib/draft-form';

export type { WallTime };
export type ResultVisibility = (typeof RESULT_VISIBILITIES)[number];

/** The kinds as the kind picker names them (a poll reads better as 问卷投票 there). */
export const KIND_NAMES: Record<VoteKind, string> = { ...VOTE_KIND_LABELS, poll: '问卷投票' };
export const KIND_HINTS: Record<VoteKind, string> = {
  election: '从候选人中选出若干人，例如优秀教师评选',
  appraisal: '对每位评议对象评 优秀 / 称职 / 基本称职 / 不称职',
  motion: '教代会代表对一项议案表决 赞成 / 反对 / 弃权',
  poll: '从几个选项中选择，例如征集活动时间',
};

/**
 * Who may vote, as the form offers it. `kept`: an electorate this form cannot draw (e.g. set with
 * several conditions at once); it is sent back unchanged unless the organiser picks another.
 */
export type ElectorateMode = 'all' | 'active' | 'retired' | 'groups' | 'delegates' | 'kept';
export const ELECTORATE_NAMES: Record<Exclude<ElectorateMode, 'kept'>, string> = {
  all: '全体会员',
  active: '在职会员',
  retired: '退休会员',
  groups: '指定工会小组',
  delegates: '教代会代表',
};

export interface CandidateForm {
  id: string;
  name: string;
  intro: string;
  /** 工号, to link the candidate to a roster member; '' for none. */
  memberId: string;
  /** A cloud file id, or '' without a photo. */
  photo: string;
}
export interface SubjectForm {
  id: string;
  name: string;
  /** 职务, '' for none. */
  title: string;
}
export interface OptionForm {
  id: string;
  label: string;
}

/** Every kind's fields are kept, so switching kind while creating loses nothing typed. */
export interface VoteForm {
  kind: VoteKind;
  title: string;
  description: string;
  opens: WallTime;
  closes: WallTime;
  electorate: ElectorateMode;
  groupIds: string[];
  /** The electorate as loaded, when it is `kept`. */
  keptElectorate: Audience | null;
  secret: boolean;
  resultVisibility: ResultVisibility;
  allowChange: boolean;
  candidates: CandidateForm[];
  /** Numbers as typed. */
  minPicks: string;
  maxPicks: string;
  subjects: SubjectForm[];
  options: OptionForm[];
  pollMaxPicks: string;
  allowOther: boolean;
}

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/**
 * A short fresh id for a candidate, subject or option: a letter then five letters or digits, as the
 * schema's Id wants; never one already in `taken`, never the reserved `other`.
 */
export function newItemId(prefix: 'c' | 's' | 'p', taken: readonly string[] = [], random: () => number = Math.random): string {
  for (;;) {
    let id: string = prefix;
    for (let i = 0; i < 5; i++) id += ID_ALPHABET[Math.floor(random() * ID_ALPHABET.length) % ID_ALPHABET.length];
    if (id !== OTHER_OPTION && !taken.includes(id)) return id;
  }
}

export const newCandidate = (taken: readonly string[] = []): CandidateForm => ({ id: newItemId('c', taken), name: '', intro: '', memberId: '', photo: '' });
export const newSubject = (taken: readonly string[] = []): SubjectForm => ({ id: newItemId('s', taken), name: '', title: '' });
export const newOption = (taken: readonly string[] = []): OptionForm => ({ id: newItemId('p', taken), label: '' });

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
const wall = (ms: number): WallTime => ({ date: shanghaiDateText(ms), time: shanghaiTimeText(ms) });

/** Secret by default for the kinds where people vote on people or on the congress's motions. */
export const secretByDefault = (kind: VoteKind): boolean => kind !== 'poll';

/**
 * A new vote of a kind: opens now rounded up to the hour, closes three days later at 18:00 (Shanghai);
 * election 0–1 picks, poll two empty options; results after it closes.
 */
export function blankVoteForm(kind: VoteKind = 'election', now: number = Date.now()): VoteForm {
  // Shanghai is a whole number of hours from UTC, so its hours start where UTC's do.
  const opensAt = Math.ceil(now / HOUR_MS) * HOUR_MS;
  const closesDay = shanghaiDateText(opensAt + 3 * DAY_MS);
  const candidates = [newCandidate()];
  const options = [newOption()];
  options.push(newOption(options.map((o) => o.id)));
  return {
    kind,
    title: '',
    description: '',
    opens: wall(opensAt),
    closes: { date: closesDay, time: '18:00' },
    electorate: kind === 'motion' ? 'delegates' : 'all',
    groupIds: [],
    keptElectorate: null,
    secret: secretByDefault(kind),
    resultVisibility: 'afterClose',
    allowChange: false,
    candidates,
    minPicks: '0',
    maxPicks: '1',
    subjects: [newSubject()],
    options,
    pollMaxPicks: '1',
    allowOther: false,
  };
}

/** Secret votes cannot show live results nor let voters change their ballot: both are switched off. */
export function withSecret(form: VoteForm, secret: boolean): VoteForm {
  if (!secret) return { ...form, secret };
  return { ...form, secret, allowChange: false, resultVisibility: form.resultVisibility === 'live' ? 'afterClose' : form.resultVisibility };
}

/** Another kind while creating: its own default for 无记名, and a motion's electorate is the delegates. */
export function withKind(form: VoteForm, kind: VoteKind): VoteForm {
  if (kind === form.kind) return form;
  const electorate: ElectorateMode = kind === 'motion' ? 'delegates' : form.kind === 'motion' ? 'all' : form.electorate;
  return withSecret({ ...form, kind, electorate }, secretByDefault(kind));
}

/** The electorate as the form's choice, or `kept` when it is more than one condition. */
function electorateModeOf(audience: Audience): ElectorateMode {
  const statuses = audience.statuses ?? [];
  const groups = audience.groupIds ?? [];
  const conditions = [statuses.length === 1, groups.length > 0, audience.delegatesOnly === true, (audience.genders ?? []).length > 0].filter(Boolean).length;
  if (conditions > 1 || (audience.genders ?? []).length > 0) return 'kept';
  if (audience.delegatesOnly) return 'delegates';
  if (groups.length) return 'groups';
  if (statuses.length === 1) return statuses[0] === 'active' ? 'active' : 'retired';
  return 'all';
}

/** The form for an existing vote, as `vote.get` answered it. */
export function voteFormOf(vote: VoteInfo, now: number = Date.now()): VoteForm {
  const blank = blankVoteForm(vote.content.kind, now);
  const mode = vote.content.kind === 'motion' ? 'delegates' : electorateModeOf(vote.electorate);
  const form: VoteForm = {
    ...blank,
    title: vote.title,
    description: vote.description,
    opens: wall(vote.opensAt),
    closes: wall(vote.closesAt),
    electorate: mode,
    groupIds: vote.electorate.groupIds ?? [],
    keptElectorate: mode === 'kept' ? vote.electorate : null,
    secret: vote.secret,
    resultVisibility: vote.resultVisibility,
    allowChange: vote.allowChange,
  };
  const content = vote.content;
  if (content.kind === 'election') {
    form.candidates = content.candidates.map((c) => ({ id: c.id, name: c.name, intro: c.intro ?? '', memberId: c.memberId ?? '', photo: c.photo ?? '' }));
    form.minPicks = String(content.minPicks);
    form.maxPicks = String(content.maxPicks);
  } else if (content.kind === 'appraisal') {
    form.subjects = content.subjects.map((s) => ({ id: s.id, name: s.name, title: s.title ?? '' }));
  } else if (content.kind === 'poll') {
    form.options = content.options.map((o) => ({ id: o.id, label: o.label }));
    form.pollMaxPicks = String(content.maxPicks);
    form.allowOther = content.allowOther;
  }
  return form;
}

function audienceOf(form: VoteForm): Audience {
  if (form.kind === 'motion') return { delegatesOnly: true };
  switch (form.electorate) {
    case 'active':
      return { statuses: ['active'] };
    case 'retired':
      return { statuses: ['retired'] };
    case 'groups':
      return { groupIds: form.groupIds };
    case 'delegates':
      return { delegatesOnly: true };
    case 'kept':
      return form.keptElectorate ?? {};
    default:
      return {};
  }
}

/** A count as typed, or NaN when it is not a whole number (the schema then names the field). */
const countOf = (typed: string): number => (/^\s*\d+\s*$/.test(typed) ? Number(typed) : NaN);

const trimmed = (text: string): string | undefined => (text.trim() === '' ? undefined : text.trim());
const withOptional = <T extends object>(base: T, extra: Record<string, string | undefined>) => {
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(extra)) if (value !== undefined) out[key] = value;
  return out as T;
};

function contentOf(form: VoteForm): unknown {
  switch (form.kind) {
    case 'election':
      return {
        kind: 'election',
        candidates: form.candidates.map((c) =>
          withOptional({ id: c.id, name: c.name }, { memberId: trimmed(c.memberId), intro: trimmed(c.intro), photo: trimmed(c.photo) }),
        ),
        minPicks: countOf(form.minPicks),
        maxPicks: countOf(form.maxPicks),
      };
    case 'appraisal':
      return { kind: 'appraisal', subjects: form.subjects.map((s) => withOptional({ id: s.id, name: s.name }, { title: trimmed(s.title) })) };
    case 'motion':
      return { kind: 'motion' };
    case 'poll':
      return { kind: 'poll', options: form.options.map((o) => ({ id: o.id, label: o.label })), maxPicks: countOf(form.pollMaxPicks), allowOther: form.allowOther };
  }
}

const ITEM_NAMES: Record<string, string> = { candidates: '位候选人', subjects: '位评议对象', options: '个选项' };

/** Where an issue is, for a list item: 「第 2 位候选人：」, or '' elsewhere. */
function placeOf(path: ReadonlyArray<{ key: unknown }> | undefined): string {
  if (!path) return '';
  const at = path.findIndex((item) => typeof item.key === 'string' && item.key in ITEM_NAMES);
  const index = path[at + 1]?.key;
  return at >= 0 && typeof index === 'number' ? `第 ${index + 1} ${ITEM_NAMES[path[at].key as string]}：` : '';
}

export type DraftCheck = { ok: true; draft: VoteDraft } | { ok: false; problem: string };

/**
 * The draft to send, checked on the phone with the same schema the cloud uses; or the first problem,
 * in the schema's own words (with which candidate or option it concerns), one thing at a time.
 */
export function voteDraftOf(form: VoteForm): DraftCheck {
  const opensAt = shanghaiWallTime(form.opens.date, form.opens.time);
  if (Number.isNaN(opensAt)) return { ok: false, problem: '请选择开始时间' };
  const closesAt = shanghaiWallTime(form.closes.date, form.closes.time);
  if (Number.isNaN(closesAt)) return { ok: false, problem: '请选择截止时间' };
  if (form.kind !== 'motion' && form.electorate === 'groups' && form.groupIds.length === 0) return { ok: false, problem: '请选择参加投票的工会小组' };
  if (form.kind === 'motion' && form.description.trim() === '') return { ok: false, problem: '请在说明里写上表决的议案内容' };
  const counts: Array<[string, string]> =
    form.kind === 'election' ? [[form.minPicks, '最少选择人数'], [form.maxPicks, '最多选择人数']] : form.kind === 'poll' ? [[form.pollMaxPicks, '最多可选数']] : [];
  for (const [typed, name] of counts) {
    if (typed.trim() === '') return { ok: false, problem: `请填写${name}` };
    if (Number.isNaN(countOf(typed))) return { ok: false, problem: `${name}必须是整数` };
  }
  const result = v.safeParse(VoteDraftSchema, {
    title: form.title,
    description: form.description,
    content: contentOf(form),
    opensAt,
    closesAt,
    electorate: audienceOf(form),
    secret: form.secret,
    resultVisibility: form.resultVisibility,
    allowChange: form.secret ? false : form.allowChange,
  });
  if (result.success) return { ok: true, draft: result.output };
  const issue = result.issues[0];
  return { ok: false, problem: `${placeOf(issue.path)}${issue.message}` };
}

/** 每张选票最多选 1 人 / 选 2–3 人 / 正好选 3 人, or '' while the numbers are not whole numbers. */
export function picksText(minPicks: string, maxPicks: string): string {
  const min = countOf(minPicks);
  const max = countOf(maxPicks);
  if (Number.isNaN(min) || Number.isNaN(max) || max < 1) return '';
  if (min <= 0) return `每张选票最多选 ${max} 人`;
  if (min === max) return `每张选票正好选 ${max} 人`;
  return `每张选票选 ${min}–${max} 人`;
}
