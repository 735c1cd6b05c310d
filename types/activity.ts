import * as v from 'valibot';
import type { StoredFile } from './files';
import type { TeamBoard } from './team';
import { ACTIVITY_CATEGORIES, ACTIVITY_STATUSES } from './labels';
import { Gender, Id, Instant, MemberStatus, StaffNo, Text } from './fields';
import { TeamSettingsSchema } from './team';

export const ActivityCategory = v.picklist(ACTIVITY_CATEGORIES, '未知的活动类别');
export type ActivityCategory = v.InferOutput<typeof ActivityCategory>;


/** Who may join: every list left empty or absent means "everyone". All given conditions must hold. */
export const AudienceSchema = v.strictObject({
  statuses: v.optional(v.pipe(v.array(MemberStatus), v.maxLength(2))),
  genders: v.optional(v.pipe(v.array(Gender), v.maxLength(2))),
  groupIds: v.optional(v.pipe(v.array(Id), v.maxLength(50))),
  delegatesOnly: v.optional(v.boolean()),
});
export type Audience = v.InferOutput<typeof AudienceSchema>;

const OptionSchema = v.strictObject({ id: Id, label: Text('选项', 40, 1) });
const Options = v.pipe(v.array(OptionSchema), v.minLength(2, '至少要有两个选项'), v.maxLength(20, '最多 20 个选项'));

/** A per-person question on the sign-up form. */
export const ChoiceSchema = v.variant('kind', [
  v.strictObject({ id: Id, kind: v.literal('single'), label: Text('问题', 40, 1), required: v.boolean(), options: Options }),
  v.strictObject({
    id: Id,
    kind: v.literal('multi'),
    label: Text('问题', 40, 1),
    required: v.boolean(),
    options: Options,
    max: v.pipe(v.number(), v.integer(), v.minValue(1, '最多可选数至少为 1'), v.maxValue(20)),
  }),
  v.strictObject({ id: Id, kind: v.literal('text'), label: Text('问题', 40, 1), required: v.boolean() }),
  v.strictObject({ id: Id, kind: v.literal('yesno'), label: Text('问题', 40, 1), required: v.boolean() }),
]);
export type Choice = v.InferOutput<typeof ChoiceSchema>;

/** An answer: option id (single), option ids (multi), text (≤ 100 chars), or yes/no. */
export const AnswerSchema = v.union([v.pipe(v.string(), v.maxLength(100, '回答最多 100 个字')), v.pipe(v.array(Id), v.maxLength(20)), v.boolean()]);
export const AnswersSchema = v.pipe(v.record(Id, AnswerSchema), v.check((answers) => Object.keys(answers).length <= 10, '回答太多了'));
export type Answers = v.InferOutput<typeof AnswersSchema>;

/** What an organiser writes. Times are epoch ms; dates are shown and computed in Asia/Shanghai. */
export const ActivityDraftSchema = v.pipe(
  v.strictObject({
    title: Text('活动名称', 40, 1),
    category: ActivityCategory,
    description: Text('活动说明', 2000),
    place: Text('地点', 100),
    startAt: Instant,
    endAt: Instant,
    signupOpensAt: Instant,
    signupDeadline: Instant,
    /** null: no limit. Counts members plus companions. */
    capacity: v.nullable(v.pipe(v.number('名额必须是数字'), v.integer('名额必须是整数'), v.minValue(1, '名额至少为 1'), v.maxValue(10000, '名额最多 10000'))),
    cancelRule: v.picklist(['untilDeadline', 'none'], '取消规则不正确'),
    audience: AudienceSchema,
    /** 0: no companions. */
    companionsMax: v.pipe(v.number(), v.integer(), v.minValue(0, '携带人数不能为负数'), v.maxValue(10, '每人最多携带 10 人')),
    choices: v.pipe(v.array(ChoiceSchema), v.maxLength(10, '最多 10 个问题')),
    /** A team contest: captains register teams; absent or null: individual sign-up. */
    teams: v.optional(v.nullable(TeamSettingsSchema)),
  }),
  v.check((d) => d.endAt >= d.startAt, '结束时间不能早于开始时间'),
  v.check((d) => d.signupDeadline <= d.startAt, '报名截止时间不能晚于活动开始时间'),
  v.check((d) => d.signupOpensAt < d.signupDeadline, '报名开始时间要早于报名截止时间'),
  v.check((d) => new Set(d.choices.map((c) => c.id)).size === d.choices.length, '问题编号重复'),
  // A team contest's places are its teams.
  v.transform((d) => (d.teams ? { ...d, capacity: d.teams.maxTeams } : d)),
);
export type ActivityDraft = v.InferOutput<typeof ActivityDraftSchema>;

export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

/** Stored in `activities`. The counters are the only truth for places: changed only by conditional updates. */
export type Activity = ActivityDraft & {
  _id: string;
  status: ActivityStatus;
  /** Places taken by confirmed sign-ups (members plus companions). */
  taken: number;
  /** People on the waitlist. */
  waiting: number;
  /** Team contests: teams registered (also counted in `taken`); changed only by conditional updates. */
  teamsTaken?: number;
  /** Confirmed sign-ups checked in (签到). Absent on activities stored before check-in existed: read as 0. */
  checkedIn: number;
  createdBy: string;
  createdAt: number;
  updatedAt: number;
  cancelReason?: string;
};

export type SignupStatus = 'confirmed' | 'waitlisted' | 'cancelled';

/** Stored in `signups`, `_id` = `${activityId}_${memberId}`: one per person per activity by construction. */
export interface Signup {
  _id: string;
  activityId: string;
  memberId: string;
  memberName: string;
  groupId: string;
  groupName: string;
  companions: number;
  /** 1 + companions: what the sign-up holds of the capacity. */
  seats: number;
  answers: Answers;
  status: SignupStatus;
  /** Arrival order for the waitlist: server time, ties broken by _id. */
  arrivedAt: number;
  confirmedAt?: number;
  cancelledAt?: number;
  /** Who signed this member up, when it was not themselves (代报名). */
  signedUpBy?: string;
  /** 签到: when, and how ('scan': the member scanned the code; else the organiser's 工号). */
  checkedInAt?: number;
  checkedInBy?: string;
}

/** A member's own standing in an activity, as lists and details show it. */
export interface MyStanding {
  status: SignupStatus;
  companions: number;
  /** 1-based position on the waitlist, when waitlisted. */
  waitPosition?: number;
  /** When the member checked in at the activity (签到). */
  checkedInAt?: number;
}

export interface ActivitySummary {
  _id: string;
  title: string;
  category: ActivityCategory;
  place: string;
  startAt: number;
  endAt: number;
  signupDeadline: number;
  status: ActivityStatus;
  capacity: number | null;
  taken: number;
  waiting: number;
  mine: MyStanding | null;
}

export interface ActivityDetail {
  activity: Activity;
  mine: (MyStanding & { answers: Answers }) | null;
  /** Whether the viewer may sign up now, and if not, why (a Chinese sentence). */
  canSignUp: { ok: true } | { ok: false; reason: string };
  canCancel: boolean;
  /** The viewer organises activities (chair / committee): edit, publish, participants. */
  canManage: boolean;
  /** For a team contest: its teams and the viewer's own team and invitations, so the screen is one call. */
  teamBoard?: TeamBoard;
}

export interface ParticipantRow {
  memberId: string;
  memberName: string;
  groupName: string;
  companions: number;
  answers: Answers;
  status: SignupStatus;
  arrivedAt: number;
  waitPosition?: number;
  signedUpBy?: string;
  checkedInAt?: number;
}

export interface Participants {
  activity: Pick<Activity, '_id' | 'title' | 'capacity' | 'taken' | 'waiting' | 'checkedIn' | 'choices' | 'status'>;
  confirmed: ParticipantRow[];
  waitlist: ParticipantRow[];
  /** Group leaders see their own group only. */
  scope: 'all' | 'group';
}

export const ActivityIdInput = v.strictObject({ activityId: Id });
export const ActivityListInput = v.strictObject({
  /** YYYY-MM in Asia/Shanghai; absent: upcoming. */
  month: v.optional(v.pipe(v.string(), v.regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 2026-03'))),
  category: v.optional(ActivityCategory),
});
export const SignUpInput = v.strictObject({
  activityId: Id,
  companions: v.pipe(v.number('携带人数必须是数字'), v.integer('携带人数必须是整数'), v.minValue(0, '携带人数不能为负数'), v.maxValue(10, '携带人数太多了')),
  answers: AnswersSchema,
});
export const SignUpForInput = v.strictObject({ ...SignUpInput.entries, memberId: StaffNo });
export const ActivityWriteInput = v.strictObject({ draft: ActivityDraftSchema });
export const ActivityUpdateInput = v.strictObject({ activityId: Id, draft: ActivityDraftSchema });
export const ActivityCancelInput = v.strictObject({ activityId: Id, reason: Text('取消原因', 200, 1) });
export const RemoveSignupInput = v.strictObject({ activityId: Id, memberId: StaffNo, reason: Text('原因', 200, 1) });

/** The participant list as an Excel file in cloud storage. */
export type ActivityExport = StoredFile;

/** The activity's check-in code (a mini-program code image, temp URL) and the live counts. */
export interface CheckinCode {
  imageUrl: string;
  /** Check-ins made by scanning the code (the rest were entered by organisers). */
  scanCount: number;
  checkedIn: number;
  /** Confirmed sign-ups: who should check in. */
  confirmed: number;
}

export interface CheckInResult {
  activityTitle: string;
  checkedInAt: number;
  /** Already checked in before: nothing changed. */
  already: boolean;
}

/** `scene` of the check-in code: the activity's secret token (≤ 32 chars). */
export const CheckInInput = v.strictObject({
  scene: v.pipe(v.string('签到码无效'), v.trim(), v.minLength(1, '签到码无效'), v.maxLength(32, '签到码无效'), v.regex(/^[A-Za-z0-9_-]+$/, '签到码无效')),
});
export const CheckInMemberInput = v.strictObject({ activityId: Id, memberId: StaffNo });
