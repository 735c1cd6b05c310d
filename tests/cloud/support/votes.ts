import type { VoteContent, VoteDraft } from '../../../types/vote';

const HOUR = 60 * 60 * 1000;

/** A vote as an organiser fills it in: open from `now` for two days, secret, results after closing. */
export function voteDraft(now: number, content: VoteContent, overrides: Partial<VoteDraft> = {}): VoteDraft {
  return {
    title: '2026年度工会活动积极分子评选',
    description: '请在候选人中选出你心目中的积极分子。',
    content,
    opensAt: now - 60_000,
    closesAt: now + 48 * HOUR,
    electorate: {},
    secret: true,
    resultVisibility: 'afterClose',
    allowChange: false,
    ...overrides,
  };
}

/** An election of `count` candidates (c1…), choose between min and max. */
export const election = (count: number, maxPicks: number, minPicks = 1): VoteContent => ({
  kind: 'election',
  candidates: Array.from({ length: count }, (_, i) => ({ id: `c${i + 1}`, name: `候选人${i + 1}` })),
  minPicks,
  maxPicks,
});

export const appraisal: VoteContent = {
  kind: 'appraisal',
  subjects: [
    { id: 's1', name: '王校长', title: '校长' },
    { id: 's2', name: '李书记', title: '党支部书记' },
  ],
};

export const motion: VoteContent = { kind: 'motion' };

export const poll = (maxPicks = 1, allowOther = true): VoteContent => ({
  kind: 'poll',
  options: [
    { id: 'o1', label: '五桂山' },
    { id: 'o2', label: '长江库区' },
    { id: 'o3', label: '海滨公园' },
  ],
  maxPicks,
  allowOther,
});
