import type { CongressSession, DepartmentView, Proposal, ProposalAbilities, ProposalDetail, ProposalSummary } from '../../../types/proposal';

/** 2026-12-05 14:00 in Shanghai, and the times around it. */
export const NOW = Date.UTC(2026, 11, 5, 6, 0);
const HOUR = 60 * 60 * 1000;
export const DAY = 24 * HOUR;

/** 第十二届教代会第二次会议: proposals gathered 2026-12-01 08:00 to 2026-12-20 18:00 (Shanghai). */
export const aSession = (overrides: Partial<CongressSession> = {}): CongressSession => ({
  _id: 's1',
  name: '第十二届教代会第二次会议',
  proposalOpensAt: Date.UTC(2026, 11, 1, 0, 0),
  proposalClosesAt: Date.UTC(2026, 11, 20, 10, 0),
  minCoSigners: 2,
  createdAt: NOW - 30 * DAY,
  updatedAt: NOW - 30 * DAY,
  ...overrides,
});

export const pastSession = (): CongressSession =>
  aSession({ _id: 's0', name: '第十二届教代会第一次会议', proposalOpensAt: NOW - 400 * DAY, proposalClosesAt: NOW - 380 * DAY });

export const noAbilities = (): ProposalAbilities => ({
  edit: false,
  invite: false,
  revise: false,
  submit: false,
  respond: false,
  triage: false,
  assign: false,
  reply: false,
  rate: false,
  release: false,
});

/** A proposal as stored; the viewer in most tests is its proposer 王芳 (T001). */
export const aProposal = (overrides: Partial<Proposal> = {}): Proposal => ({
  _id: 'p1',
  sessionId: 's1',
  title: '关于增设教工午休室的提案',
  reasons: '学校目前没有教工午休的地方，很多老师中午只能趴在办公桌上休息，影响下午的教学状态。',
  measures: '建议将行政楼三楼闲置的两间教室改为教工午休室，配置折叠床和空调。',
  category: 'welfare',
  status: 'draft',
  proposerId: 'T001',
  proposerName: '王芳',
  coSigners: {},
  round: 1,
  replies: [],
  ratings: {},
  history: [{ at: NOW - 2 * DAY, actorName: '王芳', event: '起草提案' }],
  createdAt: NOW - 2 * DAY,
  updatedAt: NOW - 2 * DAY,
  ...overrides,
});

export const aDetail = (proposal: Partial<Proposal> = {}, overrides: Partial<ProposalDetail> = {}, can: Partial<ProposalAbilities> = {}): ProposalDetail => ({
  proposal: aProposal(proposal),
  session: aSession(),
  can: { ...noAbilities(), ...can },
  submitBlocker: null,
  raters: [],
  viewerRates: false,
  overdue: false,
  ...overrides,
});

export const aSummary = (overrides: Partial<ProposalSummary> = {}): ProposalSummary => ({
  _id: 'p1',
  sessionId: 's1',
  title: '关于增设教工午休室的提案',
  category: 'welfare',
  status: 'seeking',
  proposerName: '王芳',
  signedCount: 1,
  overdue: false,
  updatedAt: NOW - DAY,
  ...overrides,
});

export const listAnswer = (proposals: ProposalSummary[], flags: Partial<{ isDelegate: boolean; isCommittee: boolean; isHandler: boolean }> = {}) => ({
  proposals,
  isDelegate: true,
  isCommittee: false,
  isHandler: false,
  ...flags,
});

/** Other delegates, as `proposal.delegates` answers them (by group, then name). */
export const delegates = [
  { memberId: 'T002', name: '李明', groupName: '数学组' },
  { memberId: 'T003', name: '张伟', groupName: '数学组' },
  { memberId: 'T004', name: '陈静', groupName: '语文组' },
  { memberId: 'T005', name: '刘洋', groupName: '英语组' },
];

export const departments: DepartmentView[] = [
  { _id: 'd1', name: '总务处', handlerIds: ['T020'], handlers: [{ memberId: 'T020', name: '赵强' }], createdAt: NOW - 60 * DAY, updatedAt: NOW - 60 * DAY },
  { _id: 'd2', name: '教务处', handlerIds: ['T021'], handlers: [{ memberId: 'T021', name: '孙丽' }], createdAt: NOW - 60 * DAY, updatedAt: NOW - 60 * DAY },
  { _id: 'd3', name: '办公室', handlerIds: ['T022'], handlers: [{ memberId: 'T022', name: '周杰' }], createdAt: NOW - 60 * DAY, updatedAt: NOW - 60 * DAY },
];
