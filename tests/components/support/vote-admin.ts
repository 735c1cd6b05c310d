import type { NonVoter, VoteDetail, VoteInfo, VoteTurnout } from '../../../types/vote';

/** 2026-12-01 08:00 in Shanghai: the vote opens; it closes 2026-12-04 18:00. */
export const OPENS = Date.UTC(2026, 11, 1, 0, 0);
export const CLOSES = Date.UTC(2026, 11, 4, 10, 0);
const DAY = 24 * 60 * 60 * 1000;

/** An election as the server stores it (without what identifies voters); override what a test cares about. */
export const aVote = (overrides: Partial<VoteInfo> = {}): VoteInfo => ({
  _id: 'vote1',
  title: '2026年度优秀教师评选',
  description: '每个教研组推荐一名。',
  content: {
    kind: 'election',
    candidates: [
      { id: 'c1', name: '王老师', memberId: 'T001', intro: '语文组，班主任十年', photo: 'cloud://env.bucket/vote-photos/wang.jpg' },
      { id: 'c2', name: '李老师' },
      { id: 'c3', name: '赵老师', intro: '数学组' },
    ],
    minPicks: 1,
    maxPicks: 2,
  },
  opensAt: OPENS,
  closesAt: CLOSES,
  electorate: { statuses: ['active'] },
  secret: true,
  resultVisibility: 'afterClose',
  allowChange: false,
  status: 'draft',
  rev: 1,
  turnout: 0,
  createdBy: 'T900',
  createdAt: OPENS - 5 * DAY,
  updatedAt: OPENS - 5 * DAY,
  ...overrides,
});

/** `vote.get` as an organiser sees it. */
export const aVoteDetail = (vote: Partial<VoteInfo> = {}, overrides: Partial<VoteDetail> = {}): VoteDetail => ({
  vote: aVote(vote),
  phase: 'draft',
  eligible: true,
  voted: false,
  myBallot: null,
  canVote: { ok: false, reason: '投票还没有发布' },
  canChange: false,
  results: null,
  resultsNote: '投票结束后公布结果',
  photoUrls: { 'cloud://env.bucket/vote-photos/wang.jpg': 'https://tmp.example/wang.jpg' },
  canManage: true,
  ...overrides,
});

export const aNonVoter = (overrides: Partial<NonVoter> = {}): NonVoter => ({ memberId: 'T010', name: '钱老师', groupName: '语文组', bound: true, ...overrides });

/** `vote.turnout` for an open secret election: 37 of 60 have voted. */
export const aTurnout = (overrides: Partial<VoteTurnout> = {}, vote: Partial<VoteTurnout['vote']> = {}): VoteTurnout => ({
  vote: { _id: 'vote1', title: '2026年度优秀教师评选', secret: true, status: 'published', opensAt: OPENS, closesAt: CLOSES, kind: 'election', ...vote },
  phase: 'open',
  electorate: 60,
  turnout: 37,
  notVoted: [
    aNonVoter({ memberId: 'T010', name: '钱老师', groupName: '语文组' }),
    aNonVoter({ memberId: 'T011', name: '孙老师', groupName: '语文组', bound: false }),
    aNonVoter({ memberId: 'T020', name: '周老师', groupName: '数学组' }),
  ],
  ...overrides,
});
