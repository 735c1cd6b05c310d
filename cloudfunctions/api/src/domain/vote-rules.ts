import { GRADES, STANCES } from '../../../../types/labels';
import type { Member } from '../../../../types/member';
import { OTHER_OPTION, type Ballot, type Grade, type Vote, type VoteContent, type VotePhase, type VoteResults } from '../../../../types/vote';
import { inAudience, shanghaiText } from './activity-rules';
import { DomainError } from '../lib/domain-error';
import { hasOwn, ownValue } from '../../../../types/own-keys';

/** Where a vote stands now: a closed status or a passed closing time both mean closed. */
export function votePhase(vote: Pick<Vote, 'status' | 'opensAt' | 'closesAt'>, now: number): VotePhase {
  if (vote.status === 'draft') return 'draft';
  if (vote.status === 'closed' || now >= vote.closesAt) return 'closed';
  return now < vote.opensAt ? 'scheduled' : 'open';
}

/** Whether this member belongs to the vote's electorate. */
export const inElectorate = (vote: Pick<Vote, 'electorate'>, member: Pick<Member, 'status' | 'gender' | 'groupId' | 'isDelegate'>): boolean =>
  inAudience(vote.electorate, member);

export type Tally = Vote['tally'];

/**
 * Every count the vote can have, at zero. Written when the vote is saved so that the counters'
 * keys are in the order of the vote's definition, never in the order the first ballots arrived.
 */
export function emptyTally(content: VoteContent): Tally {
  switch (content.kind) {
    case 'election':
      return Object.fromEntries(content.candidates.map((c) => [c.id, 0]));
    case 'appraisal':
      return Object.fromEntries(content.subjects.map((s) => [s.id, Object.fromEntries(GRADES.map((g) => [g, 0]))]));
    case 'motion':
      return Object.fromEntries(STANCES.map((s) => [s, 0]));
    case 'poll':
      return Object.fromEntries([...content.options.map((o) => [o.id, 0]), ...(content.allowOther ? [[OTHER_OPTION, 0]] : [])]);
  }
}

const refuse = (message: string): never => {
  throw new DomainError('BALLOT_INVALID', message, [{ path: 'ballot', message }]);
};

const checkPicks = (picks: string[], known: Set<string>, min: number, max: number, unit: string): void => {
  if (new Set(picks).size !== picks.length) refuse('同一项不能选两次');
  if (picks.some((id) => !known.has(id))) refuse(`选票里有不存在的${unit}`);
  if (picks.length > max) refuse(`最多只能选 ${max} ${unit === '候选人' ? '人' : '项'}`);
  if (picks.length < min) refuse(`至少要选 ${min} ${unit === '候选人' ? '人' : '项'}`);
};

/**
 * The tally keys (dot paths under `tally`) one ballot adds 1 to, after checking it against the
 * vote's content: its kind, known ids, and the limits. Refuses with BALLOT_INVALID.
 */
export function ballotKeys(content: VoteContent, ballot: Ballot): string[] {
  if (ballot.kind !== content.kind) refuse('选票类型与这次投票不符');
  switch (content.kind) {
    case 'election': {
      const { picks } = ballot as Extract<Ballot, { kind: 'election' }>;
      checkPicks(picks, new Set(content.candidates.map((c) => c.id)), content.minPicks, content.maxPicks, '候选人');
      return [...picks];
    }
    case 'appraisal': {
      const { grades } = ballot as Extract<Ballot, { kind: 'appraisal' }>;
      const subjects = content.subjects.map((s) => s.id);
      const known = new Set(subjects);
      if (Object.keys(grades).some((id) => !known.has(id))) refuse('选票里有不存在的评议对象');
      const missing = content.subjects.filter((s) => !hasOwn(grades, s.id));
      if (missing.length) refuse(`请为每位评议对象选择等次，还没评：${missing.map((s) => s.name).join('、')}`);
      return subjects.map((id) => `${id}.${ownValue(grades, id)}`);
    }
    case 'motion':
      return [(ballot as Extract<Ballot, { kind: 'motion' }>).stance];
    case 'poll': {
      const { picks, otherText } = ballot as Extract<Ballot, { kind: 'poll' }>;
      const known = new Set([...content.options.map((o) => o.id), ...(content.allowOther ? [OTHER_OPTION] : [])]);
      checkPicks(picks, known, 1, content.maxPicks, '选项');
      if (picks.includes(OTHER_OPTION) && !otherText) refuse('选择"其他"时请写明内容');
      if (!picks.includes(OTHER_OPTION) && otherText) refuse('只有选择"其他"时才能填写内容');
      return [...picks];
    }
  }
}

/** The ballot as stored for a named vote: only what counts (no stray text). */
export const tidyBallot = (ballot: Ballot): Ballot =>
  ballot.kind === 'poll' && !ballot.picks.includes(OTHER_OPTION) ? { kind: 'poll', picks: ballot.picks } : ballot;

/** Net change per tally key when a named ballot is replaced: old keys −1, new keys +1, zeros dropped. */
export function tallyDelta(before: string[], after: string[]): Map<string, number> {
  const delta = new Map<string, number>();
  for (const key of before) delta.set(key, (delta.get(key) ?? 0) - 1);
  for (const key of after) delta.set(key, (delta.get(key) ?? 0) + 1);
  for (const [key, n] of delta) if (n === 0) delta.delete(key);
  return delta;
}

/** Why this member may not vote now, or null. */
export function castRefusal(vote: Pick<Vote, 'electorate' | 'content' | 'status' | 'opensAt' | 'closesAt'>, member: Member, now: number): { code: 'NOT_IN_ELECTORATE' | 'VOTE_NOT_OPEN'; reason: string } | null {
  if (!inElectorate(vote, member)) return { code: 'NOT_IN_ELECTORATE', reason: vote.content.kind === 'motion' ? '表决仅限教代会代表参加' : '这次投票不面向你' };
  const phase = votePhase(vote, now);
  if (phase === 'draft') return { code: 'VOTE_NOT_OPEN', reason: '投票还没有发布' };
  if (phase === 'scheduled') return { code: 'VOTE_NOT_OPEN', reason: `投票将于 ${shanghaiText(vote.opensAt)} 开始` };
  if (phase === 'closed') return { code: 'VOTE_NOT_OPEN', reason: '投票已经结束' };
  return null;
}

/**
 * A motion is valid when at least two thirds of all delegates took part, and passes when 赞成
 * exceeds half of all delegates (not of those voting). Integers only: no rounding at the edges.
 */
export function motionVerdict(delegates: number, turnout: number, yes: number): { valid: boolean; passed: boolean } {
  const valid = delegates > 0 && turnout * 3 >= delegates * 2;
  return { valid, passed: valid && yes * 2 > delegates };
}

const count = (tally: Tally, key: string): number => {
  const value = ownValue(tally, key);
  return typeof value === 'number' ? value : 0;
};

/** The results from the counters. `electorate` is the base of a motion's quorum and majority. */
export function resultsOf(vote: Pick<Vote, 'content' | 'tally' | 'turnout' | 'otherTexts'>, electorate: number): VoteResults {
  const { content, tally, turnout } = vote;
  switch (content.kind) {
    case 'election': {
      const rows = content.candidates.map((c) => ({ id: c.id, label: c.name, count: count(tally, c.id) }));
      // Most votes first; a tie keeps the order the candidates were listed in.
      return { kind: 'election', ballots: turnout, rows: rows.map((r, i) => ({ r, i })).sort((a, b) => b.r.count - a.r.count || a.i - b.i).map(({ r }) => r) };
    }
    case 'appraisal':
      return {
        kind: 'appraisal',
        ballots: turnout,
        rows: content.subjects.map((s) => {
          const counts = (ownValue(tally, s.id) ?? {}) as Record<string, number>;
          const grades = Object.fromEntries(GRADES.map((g) => [g, ownValue(counts, g) ?? 0])) as Record<Grade, number>;
          return { id: s.id, label: s.title ? `${s.name}（${s.title}）` : s.name, grades, approval: turnout ? (grades.excellent + grades.competent) / turnout : 0 };
        }),
      };
    case 'motion': {
      const [yes, no, abstain] = STANCES.map((s) => count(tally, s));
      return { kind: 'motion', delegates: electorate, turnout, yes, no, abstain, ...motionVerdict(electorate, turnout, yes) };
    }
    case 'poll':
      return {
        kind: 'poll',
        ballots: turnout,
        rows: [
          ...content.options.map((o) => ({ id: o.id, label: o.label, count: count(tally, o.id) })),
          ...(content.allowOther ? [{ id: OTHER_OPTION, label: '其他', count: count(tally, OTHER_OPTION) }] : []),
        ],
        otherTexts: vote.otherTexts ?? [],
      };
  }
}

/**
 * Who sees results, and when. Named votes: organisers always (they may see every ballot anyway).
 * Secret votes: nobody before closing, since watching the figures move would tell one ballot from
 * the next (the draft schema also refuses live results for them).
 */
export function resultsVisibility(vote: Pick<Vote, 'secret' | 'resultVisibility'>, phase: VotePhase, organiser: boolean): { visible: boolean; note: string } {
  if (phase === 'draft' || phase === 'scheduled') return { visible: organiser && !vote.secret && phase !== 'draft', note: '投票开始后才有结果' };
  if (organiser && !vote.secret) return { visible: true, note: '' };
  if (phase === 'closed') {
    if (vote.resultVisibility === 'organisers' && !organiser) return { visible: false, note: '这次投票的结果仅组织者可见' };
    return { visible: true, note: '' };
  }
  if (vote.resultVisibility === 'live') return { visible: true, note: '' };
  return { visible: false, note: vote.resultVisibility === 'organisers' ? '这次投票的结果仅组织者可见' : `投票结束后公布结果` };
}
