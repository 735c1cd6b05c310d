import * as v from 'valibot';
import { AudienceSchema } from './activity';
import type { StoredFile } from './files';
import { FileId, Id, Instant, StaffNo, Text } from './fields';
import { GRADES, RESULT_VISIBILITIES, STANCES, VOTE_PHASES } from './labels';

export const Grade = v.picklist(GRADES, '评议等次只能是优秀、称职、基本称职或不称职');
export type Grade = v.InferOutput<typeof Grade>;
export const Stance = v.picklist(STANCES, '表决意见只能是赞成、反对或弃权');
export type Stance = v.InferOutput<typeof Stance>;
export type VotePhase = (typeof VOTE_PHASES)[number];

const Count = (label: string, min: number, max: number) =>
  v.pipe(v.number(`${label}必须是数字`), v.integer(`${label}必须是整数`), v.minValue(min, `${label}至少为 ${min}`), v.maxValue(max, `${label}最多为 ${max}`));
const unique = (ids: string[]) => new Set(ids).size === ids.length;

/** A candidate: a roster member (memberId) or a free-text name such as a family or a group. */
export const CandidateSchema = v.strictObject({
  id: Id,
  name: Text('候选人名称', 40, 1),
  memberId: v.optional(StaffNo),
  intro: v.optional(Text('候选人简介', 300)),
  photo: v.optional(FileId),
});
export type Candidate = v.InferOutput<typeof CandidateSchema>;

/** A person being appraised (民主评议对象). */
export const SubjectSchema = v.strictObject({ id: Id, name: Text('评议对象姓名', 32, 1), title: v.optional(Text('职务', 40)) });
export type Subject = v.InferOutput<typeof SubjectSchema>;

const PollOptionSchema = v.strictObject({ id: Id, label: Text('选项', 60, 1) });

/** What is voted on, per kind. `other` is a reserved option id for a poll's free-text answer. */
export const OTHER_OPTION = 'other';
export const VoteContentSchema = v.variant('kind', [
  v.pipe(
    v.strictObject({
      kind: v.literal('election'),
      // A draft may have no candidates yet (e.g. made from a plan item); publishing needs at least one.
      candidates: v.pipe(v.array(CandidateSchema), v.maxLength(100, '候选人最多 100 位')),
      minPicks: Count('最少选择人数', 0, 100),
      maxPicks: Count('最多选择人数', 1, 100),
    }),
    v.check((c) => c.minPicks <= c.maxPicks, '最少选择人数不能大于最多选择人数'),
    v.check((c) => c.candidates.length === 0 || c.maxPicks <= c.candidates.length, '最多选择人数不能超过候选人数'),
    v.check((c) => unique(c.candidates.map((x) => x.id)), '候选人编号重复'),
  ),
  v.pipe(
    v.strictObject({
      kind: v.literal('appraisal'),
      subjects: v.pipe(v.array(SubjectSchema), v.minLength(1, '至少要有一位评议对象'), v.maxLength(50, '评议对象最多 50 位')),
    }),
    v.check((c) => unique(c.subjects.map((x) => x.id)), '评议对象编号重复'),
  ),
  v.strictObject({ kind: v.literal('motion') }),
  v.pipe(
    v.strictObject({
      kind: v.literal('poll'),
      options: v.pipe(v.array(PollOptionSchema), v.minLength(2, '至少要有两个选项'), v.maxLength(30, '选项最多 30 个')),
      maxPicks: Count('最多可选数', 1, 30),
      allowOther: v.boolean('请选择是否允许填写"其他"'),
    }),
    v.check((c) => c.maxPicks <= c.options.length + (c.allowOther ? 1 : 0), '最多可选数不能超过选项数'),
    v.check((c) => unique(c.options.map((x) => x.id)) && !c.options.some((x) => x.id === OTHER_OPTION), '选项编号重复'),
  ),
]);
export type VoteContent = v.InferOutput<typeof VoteContentSchema>;
export type VoteKind = VoteContent['kind'];

/** What an organiser writes. Times are epoch ms, shown in Asia/Shanghai. */
export const VoteDraftSchema = v.pipe(
  v.strictObject({
    title: Text('标题', 60, 1),
    description: Text('说明', 2000),
    content: VoteContentSchema,
    opensAt: Instant,
    closesAt: Instant,
    /** Who may vote; a motion is always for delegates only. */
    electorate: AudienceSchema,
    /** 无记名: nothing stored links a member to their choices (see cloudfunctions/api/src/lib/ballot-box.ts). */
    secret: v.boolean('请选择是否无记名'),
    resultVisibility: v.picklist(RESULT_VISIBILITIES, '请选择结果公布方式'),
    /** A named vote may let voters change their ballot until it closes. */
    allowChange: v.boolean('请选择是否允许改票'),
  }),
  v.check((d) => d.closesAt > d.opensAt, '截止时间要晚于开始时间'),
  v.check((d) => !(d.secret && d.allowChange), '无记名投票不能改票'),
  // Live figures of a secret vote would let anyone watching tell one ballot from the next.
  v.check((d) => !(d.secret && d.resultVisibility === 'live'), '无记名投票的结果只能在投票结束后公布'),
  v.transform((d) => (d.content.kind === 'motion' ? { ...d, electorate: { delegatesOnly: true } } : d)),
);
export type VoteDraft = v.InferOutput<typeof VoteDraftSchema>;

/** A ballot as the voter fills it in; its kind must match the vote's. */
export const BallotSchema = v.variant('kind', [
  v.strictObject({ kind: v.literal('election'), picks: v.pipe(v.array(Id), v.maxLength(100, '选择太多了')) }),
  v.strictObject({
    kind: v.literal('appraisal'),
    grades: v.pipe(
      v.record(Id, Grade),
      v.check((g) => Object.keys(g).length <= 50, '评议对象太多了'),
    ),
  }),
  v.strictObject({ kind: v.literal('motion'), stance: Stance }),
  v.strictObject({
    kind: v.literal('poll'),
    picks: v.pipe(v.array(Id), v.maxLength(31, '选择太多了')),
    /** The text of "其他", required when `other` is picked. */
    otherText: v.optional(Text('其他', 100, 1)),
  }),
]);
export type Ballot = v.InferOutput<typeof BallotSchema>;

export type VoteStatus = 'draft' | 'published' | 'closed';

/**
 * Stored in `votes`. `tally`, `turnout` and `voterIds` change together, in one conditional update
 * of this one document, so the ballots counted always equal the members marked as voted.
 */
export type Vote = VoteDraft & {
  _id: string;
  status: VoteStatus;
  /** Bumped by every edit: a ballot counts only against the revision the voter was shown. */
  rev: number;
  /** Ballots cast. */
  turnout: number;
  /** Counts by key: candidate id, option id, stance, or `${subjectId}.${grade}`. */
  tally: Record<string, number | Record<string, number>>;
  /** Who has voted, kept sorted by 工号 (never in the order they voted). */
  voterIds: string[];
  /** A secret poll's "其他" texts, kept sorted by text. */
  otherTexts: string[];
  /** Named votes only: each voter's ballot, by 工号. */
  namedBallots?: Record<string, NamedBallot>;
  /** The electorate's size when the vote closed (for a motion, all delegates). */
  electorateAtClose?: number;
  createdBy: string;
  createdAt: number;
  updatedAt: number;
  closedAt?: number;
};

export interface NamedBallot {
  ballot: Ballot;
  castAt: number;
  /** Bumped on each change: a change applies only to the revision it was read at. */
  rev: number;
}

/** The vote without what identifies voters: what any screen may carry. */
export type VoteInfo = Omit<Vote, 'tally' | 'voterIds' | 'otherTexts' | 'namedBallots'>;

export interface VoteSummary {
  _id: string;
  title: string;
  kind: VoteKind;
  secret: boolean;
  phase: VotePhase;
  opensAt: number;
  closesAt: number;
  turnout: number;
  /** The viewer has cast a ballot. */
  voted: boolean;
  /** The viewer is in the electorate. */
  eligible: boolean;
}

export interface RowCount {
  id: string;
  label: string;
  count: number;
}

export type VoteResults =
  | { kind: 'election'; ballots: number; rows: RowCount[] }
  | {
      kind: 'appraisal';
      ballots: number;
      rows: Array<{ id: string; label: string; grades: Record<Grade, number>; /** 优秀+称职 over ballots, 0..1 */ approval: number }>;
    }
  | {
      kind: 'motion';
      /** All delegates: the base of both the quorum and the majority. */
      delegates: number;
      turnout: number;
      yes: number;
      no: number;
      abstain: number;
      /** At least two thirds of all delegates took part. */
      valid: boolean;
      /** Valid, and 赞成 more than half of all delegates. */
      passed: boolean;
    }
  | { kind: 'poll'; ballots: number; rows: RowCount[]; otherTexts: string[] };

export interface VoteDetail {
  vote: VoteInfo;
  phase: VotePhase;
  eligible: boolean;
  voted: boolean;
  /** Named votes: the viewer's own ballot. */
  myBallot: Ballot | null;
  canVote: { ok: true } | { ok: false; reason: string };
  /** A named vote with changes allowed, still open, and the viewer has voted. */
  canChange: boolean;
  /** Null when not visible to the viewer yet; `resultsNote` says when they will be. */
  results: VoteResults | null;
  resultsNote: string;
  /** Candidate photos, as temporary URLs by file id. */
  photoUrls: Record<string, string>;
  /** The viewer organises votes (chair / committee). */
  canManage: boolean;
}

export interface NonVoter {
  memberId: string;
  name: string;
  groupName: string;
  bound: boolean;
}

export interface VoteTurnout {
  vote: Pick<VoteInfo, '_id' | 'title' | 'secret' | 'status' | 'opensAt' | 'closesAt'> & { kind: VoteKind };
  phase: VotePhase;
  electorate: number;
  turnout: number;
  /** Everyone in the electorate who has not voted, by group then name. Names even for secret votes. */
  notVoted: NonVoter[];
}

export const VoteIdInput = v.strictObject({ voteId: Id });
export const VoteListInput = v.strictObject({ scope: v.optional(v.picklist(['open', 'all'], '范围不正确')) });
export const VoteWriteInput = v.strictObject({ draft: VoteDraftSchema });
export const VoteUpdateInput = v.strictObject({ voteId: Id, draft: VoteDraftSchema });
export const VoteExtendInput = v.strictObject({ voteId: Id, closesAt: Instant });
export const VoteCastInput = v.strictObject({ voteId: Id, ballot: BallotSchema });

/** The results (and, for a named vote, every ballot) as an Excel file. */
export type VoteExport = StoredFile;
