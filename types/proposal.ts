import * as v from 'valibot';
import { Id, Instant, StaffNo, Text } from './fields';
import type { StoredFile } from './files';
import { PROPOSAL_CATEGORIES, PROPOSAL_STATUSES, RATINGS } from './labels';

export const ProposalCategory = v.picklist(PROPOSAL_CATEGORIES, '未知的提案分类');
export type ProposalCategory = v.InferOutput<typeof ProposalCategory>;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];
export const Rating = v.picklist(RATINGS, '评价只能是满意、基本满意或不满意');
export type Rating = v.InferOutput<typeof Rating>;

/** A congress session (e.g. 第十二届教代会第二次会议) and its proposal window (提案征集时间). */
export const SessionDraftSchema = v.pipe(
  v.strictObject({
    name: Text('会议名称', 40, 2),
    proposalOpensAt: Instant,
    proposalClosesAt: Instant,
    /** 附议人 needed before a proposal may be submitted. */
    minCoSigners: v.pipe(v.number('附议人数必须是数字'), v.integer('附议人数必须是整数'), v.minValue(0, '附议人数不能为负数'), v.maxValue(10, '附议人数最多为 10')),
  }),
  v.check((s) => s.proposalClosesAt > s.proposalOpensAt, '征集截止时间要晚于开始时间'),
);
export type SessionDraft = v.InferOutput<typeof SessionDraftSchema>;
/** Stored in `congressSessions`. */
export type CongressSession = SessionDraft & { _id: string; createdAt: number; updatedAt: number };

/** A handling department (承办部门) and the members who write its replies. Stored in `departments`. */
export const DepartmentDraftSchema = v.strictObject({
  name: Text('部门名称', 30, 1),
  handlerIds: v.pipe(v.array(StaffNo), v.maxLength(20, '每个部门最多 20 位答复人')),
});
export type DepartmentDraft = v.InferOutput<typeof DepartmentDraftSchema>;
export type Department = DepartmentDraft & { _id: string; createdAt: number; updatedAt: number };
export type DepartmentView = Department & { handlers: Array<{ memberId: string; name: string }> };

/** What a delegate writes: one matter per proposal (一事一案). */
export const ProposalDraftSchema = v.strictObject({
  title: Text('案由', 60, 4),
  reasons: Text('案据', 3000, 10),
  measures: Text('建议措施', 3000, 10),
  category: ProposalCategory,
});
export type ProposalDraft = v.InferOutput<typeof ProposalDraftSchema>;

export interface CoSigner {
  name: string;
  state: 'invited' | 'signed' | 'declined';
  invitedAt: number;
  /** When they answered. */
  answeredAt?: number;
}

export interface Reply {
  round: number;
  text: string;
  departmentName: string;
  byName: string;
  at: number;
}

export interface RatingEntry {
  rating: Rating;
  name: string;
  at: number;
}

/** One line of a proposal's history (办理过程): when, who, what. */
export interface HistoryEntry {
  at: number;
  actorName: string;
  /** A Chinese sentence such as 「立案」「交办：主办 总务处」. */
  event: string;
  note?: string;
}

export type Decision =
  | { kind: 'accept' }
  | { kind: 'reject'; reason: string }
  | { kind: 'convert'; reason: string }
  | { kind: 'merge'; into: string; reason: string };

export interface Assignment {
  leadId: string;
  leadName: string;
  helperIds: string[];
  helperNames: string[];
  /** 答复期限 */
  deadline: number;
}

/**
 * Stored in `proposals`. Every transition is one conditional update on this document (its `where`
 * names the status it leaves), appending to `history`.
 */
export type Proposal = ProposalDraft & {
  _id: string;
  sessionId: string;
  status: ProposalStatus;
  proposerId: string;
  proposerName: string;
  /** By 工号: one entry per invited delegate, so answering is a conditional update of one path. */
  coSigners: Record<string, CoSigner>;
  /** 立案号, e.g. 「第3号」, given on acceptance in the order proposals were accepted. */
  number?: number;
  decision?: Decision & { byName: string; at: number };
  assignment?: Assignment;
  /** The reply round in progress (1, then 2 after a 不满意, …). */
  round: number;
  replies: Reply[];
  /** Ratings by round, then by 工号: written once each (the `where` holds it). */
  ratings: Record<string, Record<string, RatingEntry>>;
  /** A reply waiting for the chair because the content check could not run. */
  heldReply?: Reply;
  history: HistoryEntry[];
  createdAt: number;
  updatedAt: number;
  submittedAt?: number;
};

export interface ProposalSummary {
  _id: string;
  sessionId: string;
  title: string;
  category: ProposalCategory;
  status: ProposalStatus;
  number?: number;
  proposerName: string;
  signedCount: number;
  leadName?: string;
  deadline?: number;
  /** A reply is due and the deadline has passed (逾期). */
  overdue: boolean;
  updatedAt: number;
}

/** What the viewer may do to this proposal now. */
export interface ProposalAbilities {
  edit: boolean;
  invite: boolean;
  revise: boolean;
  submit: boolean;
  /** An invited delegate who has not answered. */
  respond: boolean;
  triage: boolean;
  assign: boolean;
  reply: boolean;
  rate: boolean;
  release: boolean;
}

export interface ProposalDetail {
  proposal: Proposal;
  session: CongressSession;
  can: ProposalAbilities;
  /** Why it cannot be submitted yet, e.g. 「还需 1 位附议人」. */
  submitBlocker: string | null;
  /** Raters of the current round and whether each has rated (names only). */
  raters: Array<{ memberId: string; name: string; rated: boolean }>;
  /** The viewer is the proposer or a co-signer who signed: they will rate the reply. */
  viewerRates: boolean;
  overdue: boolean;
  mergedIntoTitle?: string;
}

export interface ProposalReport {
  session: CongressSession;
  total: number;
  byStatus: Array<{ status: ProposalStatus; count: number }>;
  byCategory: Array<{ category: ProposalCategory; count: number }>;
  /** Each accepted proposal with its department, latest reply and satisfaction. */
  accepted: Array<{
    _id: string;
    number?: number;
    title: string;
    proposerName: string;
    category: ProposalCategory;
    status: ProposalStatus;
    leadName: string;
    helperNames: string[];
    reply: string;
    /** Counts of the last round's ratings. */
    satisfaction: Record<Rating, number>;
  }>;
}

const Reason = Text('理由', 500, 2);
export const DecisionSchema = v.variant('kind', [
  v.strictObject({ kind: v.literal('accept') }),
  v.strictObject({ kind: v.literal('reject'), reason: Reason }),
  v.strictObject({ kind: v.literal('convert'), reason: Reason }),
  v.strictObject({ kind: v.literal('merge'), into: Id, reason: Reason }),
]);

export const SessionIdInput = v.strictObject({ sessionId: Id });
export const SessionSaveInput = v.strictObject({ sessionId: v.optional(Id), session: SessionDraftSchema });
export const DepartmentSaveInput = v.strictObject({ departmentId: v.optional(Id), department: DepartmentDraftSchema });
export const DepartmentIdInput = v.strictObject({ departmentId: Id });
export const ProposalIdInput = v.strictObject({ proposalId: Id });
export const ProposalListInput = v.strictObject({
  box: v.picklist(['mine', 'cosign', 'committee', 'handling'], '列表不正确'),
  sessionId: v.optional(Id),
});
export const ProposalCreateInput = v.strictObject({ sessionId: Id, draft: ProposalDraftSchema });
export const ProposalUpdateInput = v.strictObject({ proposalId: Id, draft: ProposalDraftSchema });
export const ProposalInviteInput = v.strictObject({
  proposalId: Id,
  memberIds: v.pipe(v.array(StaffNo), v.minLength(1, '请选择附议人'), v.maxLength(20, '一次最多邀请 20 位附议人')),
});
export const ProposalRespondInput = v.strictObject({ proposalId: Id, accept: v.boolean('请选择附议或婉拒') });
export const ProposalTriageInput = v.strictObject({ proposalId: Id, decision: DecisionSchema });
export const ProposalAssignInput = v.pipe(
  v.strictObject({
    proposalId: Id,
    leadId: Id,
    helperIds: v.pipe(v.array(Id), v.maxLength(10, '协办部门最多 10 个')),
    deadline: Instant,
  }),
  v.check((a) => !a.helperIds.includes(a.leadId), '主办部门不能同时是协办部门'),
);
export const ProposalReplyInput = v.strictObject({ proposalId: Id, text: Text('答复', 3000, 10) });
export const ProposalRateInput = v.strictObject({ proposalId: Id, rating: Rating });

export type ProposalReportFile = StoredFile;
