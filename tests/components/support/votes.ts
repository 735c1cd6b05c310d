import type { VoteContent, VoteDetail, VoteInfo, VoteResults, VoteSummary } from '../../../types/vote';

/** 2026-12-05 14:00 in Shanghai, and the times around it. */
export const NOW = Date.UTC(2026, 11, 5, 6, 0);
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

export const electionContent: Extract<VoteContent, { kind: 'election' }> = {
  kind: 'election',
  candidates: [
    { id: 'c1', name: '张三', memberId: 'T001', intro: '组织教工羽毛球赛三年', photo: 'cloud://photos/c1.jpg' },
    { id: 'c2', name: '李四', memberId: 'T002' },
    { id: 'c3', name: '王五', memberId: 'T003' },
    { id: 'c4', name: '赵六', memberId: 'T004' },
  ],
  minPicks: 1,
  maxPicks: 2,
};

export const appraisalContent: Extract<VoteContent, { kind: 'appraisal' }> = {
  kind: 'appraisal',
  subjects: [
    { id: 's1', name: '陈校长', title: '校长' },
    { id: 's2', name: '周书记', title: '党委书记' },
  ],
};

export const motionContent: Extract<VoteContent, { kind: 'motion' }> = { kind: 'motion' };

export const pollContent: Extract<VoteContent, { kind: 'poll' }> = {
  kind: 'poll',
  options: [
    { id: 'o1', label: '食堂' },
    { id: 'o2', label: '图书馆' },
    { id: 'o3', label: '体育馆' },
  ],
  maxPicks: 2,
  allowOther: true,
};

/** A vote as the server answers it; override what a test cares about. */
export const aVote = (overrides: Partial<VoteInfo> = {}): VoteInfo => ({
  _id: 'v1',
  title: '2026 年度工会活动积极分子评选',
  description: '请从候选人中选出本年度的工会活动积极分子。',
  content: electionContent,
  opensAt: NOW - DAY,
  closesAt: NOW + 2 * DAY,
  electorate: {},
  secret: true,
  resultVisibility: 'afterClose',
  allowChange: false,
  status: 'published',
  rev: 1,
  turnout: 37,
  createdBy: 'T900',
  createdAt: NOW - 5 * DAY,
  updatedAt: NOW - 5 * DAY,
  ...overrides,
});

export const aVoteDetail = (overrides: Partial<VoteDetail> = {}, vote: Partial<VoteInfo> = {}): VoteDetail => ({
  vote: aVote(vote),
  phase: 'open',
  eligible: true,
  voted: false,
  myBallot: null,
  canVote: { ok: true },
  canChange: false,
  results: null,
  resultsNote: '投票结束后公布结果',
  photoUrls: { 'cloud://photos/c1.jpg': 'https://example.test/c1.jpg' },
  canManage: false,
  ...overrides,
});

/** The detail after a cast: voted, and no longer able to vote. */
export const castDetail = (detail: VoteDetail, overrides: Partial<VoteDetail> = {}): VoteDetail => ({
  ...detail,
  vote: { ...detail.vote, turnout: detail.vote.turnout + 1 },
  voted: true,
  canVote: { ok: false, reason: '你已经投过票了' },
  ...overrides,
});

export const aVoteSummary = (overrides: Partial<VoteSummary> = {}): VoteSummary => ({
  _id: 'v1',
  title: '2026 年度工会活动积极分子评选',
  kind: 'election',
  secret: true,
  phase: 'open',
  opensAt: NOW - DAY,
  closesAt: NOW + 2 * DAY,
  turnout: 37,
  voted: false,
  eligible: true,
  ...overrides,
});

export const electionResults: Extract<VoteResults, { kind: 'election' }> = {
  kind: 'election',
  ballots: 60,
  rows: [
    { id: 'c1', label: '张三', count: 37 },
    { id: 'c2', label: '李四', count: 45 },
    { id: 'c3', label: '王五', count: 12 },
    { id: 'c4', label: '赵六', count: 0 },
  ],
};

export const motionResults: Extract<VoteResults, { kind: 'motion' }> = {
  kind: 'motion',
  delegates: 90,
  turnout: 72,
  yes: 50,
  no: 12,
  abstain: 10,
  valid: true,
  passed: true,
};
