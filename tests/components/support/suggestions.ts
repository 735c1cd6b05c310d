import type { Me } from '../../../types/member';
import type { CongressSession, DepartmentView, ProposalReport } from '../../../types/proposal';
import type { HeldItem, SuggestionView } from '../../../types/suggestion';
import { aMember } from './members';

/** 2026-03-02 09:30 in Shanghai. */
export const SENT_AT = Date.UTC(2026, 2, 2, 1, 30);
/** The start of that day in Shanghai: what an anonymous suggestion keeps. */
export const SENT_DAY = Date.UTC(2026, 2, 1, 16, 0);

/** A named suggestion as the server sends it; override what a test cares about. */
export const aSuggestion = (overrides: Partial<SuggestionView> = {}): SuggestionView => ({
  _id: 's1',
  title: '建议食堂增加晚餐窗口',
  body: '晚自习前吃饭的老师很多，窗口只有两个，排队要二十分钟。',
  anonymous: false,
  senderName: '王老师',
  status: 'received',
  reply: null,
  public: false,
  createdAt: SENT_AT,
  mine: true,
  ...overrides,
});

/** An anonymous one: 匿名, kept to the day. */
export const anAnonymousSuggestion = (overrides: Partial<SuggestionView> = {}): SuggestionView =>
  aSuggestion({ _id: 's2', title: '希望增加教工体检项目', body: '建议体检增加甲状腺和乳腺彩超。', anonymous: true, senderName: '匿名', createdAt: SENT_DAY, ...overrides });

export const aReply = (text = '已与食堂商量，下周起增开一个窗口。'): NonNullable<SuggestionView['reply']> => ({ text, byName: '张主席', at: Date.UTC(2026, 2, 5, 2, 0) });

/** `me.get` for a bound member holding these roles. */
export const meWith = (roles: Array<'chair' | 'committee' | 'groupLeader' | 'proposalCommittee'>): Me => ({
  bound: true,
  member: aMember({ staffNo: 'T900', _id: 'T900', name: '张主席', roles }),
  groupMemberCount: 12,
});

/** 第十二届教代会第二次会议: proposals from 2026-03-01 08:00 to 2026-03-15 18:00 (Shanghai). */
export const aSession = (overrides: Partial<CongressSession> = {}): CongressSession => ({
  _id: 'cs2',
  name: '第十二届教代会第二次会议',
  proposalOpensAt: Date.UTC(2026, 2, 1, 0, 0),
  proposalClosesAt: Date.UTC(2026, 2, 15, 10, 0),
  minCoSigners: 2,
  createdAt: Date.UTC(2026, 1, 1),
  updatedAt: Date.UTC(2026, 1, 1),
  ...overrides,
});

export const aDepartment = (overrides: Partial<DepartmentView> = {}): DepartmentView => ({
  _id: 'd1',
  name: '总务处',
  handlerIds: ['T010', 'T011'],
  handlers: [
    { memberId: 'T010', name: '钱老师' },
    { memberId: 'T011', name: '孙老师' },
  ],
  createdAt: Date.UTC(2026, 1, 1),
  updatedAt: Date.UTC(2026, 1, 1),
  ...overrides,
});

/** `proposal.report` for a session with 6 proposals, 2 of them accepted. */
export const aReport = (overrides: Partial<ProposalReport> = {}): ProposalReport => ({
  session: aSession(),
  total: 6,
  byStatus: [
    { status: 'closed', count: 1 },
    { status: 'replied', count: 1 },
    { status: 'rejected', count: 2 },
    { status: 'converted', count: 1 },
    { status: 'merged', count: 1 },
    { status: 'draft', count: 0 },
  ],
  byCategory: [
    { category: 'welfare', count: 3 },
    { category: 'logistics', count: 2 },
    { category: 'teaching', count: 1 },
    { category: 'other', count: 0 },
  ],
  accepted: [
    {
      _id: 'p1',
      number: 1,
      title: '关于改善教工食堂伙食的提案',
      proposerName: '李老师',
      category: 'logistics',
      status: 'closed',
      leadName: '总务处',
      helperNames: ['工会'],
      reply: '已更换供应商，并每月征求教工意见。',
      satisfaction: { satisfied: 3, basically: 1, unsatisfied: 0 },
    },
    {
      _id: 'p2',
      number: 2,
      title: '关于增加教工子女托管服务的提案',
      proposerName: '赵老师',
      category: 'welfare',
      status: 'replied',
      leadName: '工会',
      helperNames: [],
      reply: '',
      satisfaction: { satisfied: 0, basically: 0, unsatisfied: 0 },
    },
  ],
  ...overrides,
});

export const aHeldItem = (overrides: Partial<HeldItem> = {}): HeldItem => ({
  kind: 'suggestion',
  id: 's9',
  title: '关于调整课间操时间的建议',
  text: '建议把课间操挪到第二节课后。',
  authorName: '周老师',
  at: Date.UTC(2026, 2, 3, 6, 15),
  ...overrides,
});
