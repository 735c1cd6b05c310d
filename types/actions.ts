import * as v from 'valibot';
import { BindCode, FileId, Gender, GroupName, Id, PersonName, Role, StaffNo, WechatPhoneCode } from './fields';
import type { BindCodeIssued, Group, Me, MemberView, RosterPreview } from './member';
import {
  ActivityCancelInput,
  ActivityIdInput,
  ActivityListInput,
  ActivityUpdateInput,
  ActivityWriteInput,
  CheckInInput,
  CheckInMemberInput,
  RemoveSignupInput,
  SignUpForInput,
  SignUpInput,
  type Activity,
  type ActivityDetail,
  type ActivityExport,
  type ActivitySummary,
  type CheckinCode,
  type CheckInResult,
  type MyStanding,
  type Participants,
} from './activity';
import { SUBSCRIBE_RESULTS, SUBSCRIPTION_TEMPLATE_IDS } from './subscriptions';
import {
  VoteCastInput,
  VoteExtendInput,
  VoteIdInput,
  VoteListInput,
  VoteUpdateInput,
  VoteWriteInput,
  type VoteDetail,
  type VoteExport,
  type VoteInfo,
  type VoteSummary,
  type VoteTurnout,
} from './vote';
import {
  DepartmentIdInput,
  DepartmentSaveInput,
  ProposalAssignInput,
  ProposalCreateInput,
  ProposalIdInput,
  ProposalInviteInput,
  ProposalListInput,
  ProposalRateInput,
  ProposalReplyInput,
  ProposalRespondInput,
  ProposalTriageInput,
  ProposalUpdateInput,
  SessionIdInput,
  SessionSaveInput,
  type CongressSession,
  type DepartmentView,
  type ProposalDetail,
  type ProposalReport,
  type ProposalReportFile,
  type ProposalSummary,
} from './proposal';
import {
  ModerationInput,
  ModerationRefuseInput,
  SuggestionGetInput,
  SuggestionInboxInput,
  SuggestionMineInput,
  SuggestionPublicInput,
  SuggestionReplyInput,
  SuggestionSendInput,
  SuggestionTicketsInput,
  type HeldItem,
  type SuggestionTickets,
  type SuggestionView,
} from './suggestion';
import { NoticeIdInput, NoticeListInput, NoticeUpdateInput, NoticeWriteInput, type Notice, type NoticeDetail, type NoticeReaders, type NoticeSummary } from './notice';
import { MonthInput, PlanItemDateInput, PlanMakeDraftInput, PlanPreviewInput, PlanSaveInput, PlanYearInput, type Plan, type PlanItem, type PlanPreview } from './plan';
import { MessageReadInput, NoticeRemindInput, ReminderSummaryInput, type MessageView, type ReminderTally } from './message';
import type { TemplateKey } from './subscriptions';
import { TeamIdInput, TeamListInput, TeamRegisterInput, TeamRespondInput, type TeamBoard, type TeamCandidate, type TeamView } from './team';
import { FileUploadPathInput, type UploadPath } from './uploads';

/**
 * Who may call an action:
 * - 'anyone': any WeChat user, bound or not;
 * - 'unbound': only a WeChat user not yet bound to the roster;
 * - 'member': any bound member;
 * - a list of roles: a bound member holding at least one of them.
 */
export type Access = 'anyone' | 'unbound' | 'member' | readonly Role[];

export interface ActionSpec<I extends v.GenericSchema = v.GenericSchema, O = unknown> {
  input: I;
  access: Access;
  /** Phantom: the output type, carried for the client and the handler; never set at run time. */
  output?: O;
}

/** `returns<Output>()(inputSchema, access)`: the input type is inferred, the output type named. */
const returns =
  <O>() =>
  <I extends v.GenericSchema>(input: I, access: Access): ActionSpec<I, O> => ({ input, access });

// Every input is a strict object: unknown keys are refused, never passed on to the database.
const NoInput = v.strictObject({});
/** Name + the one-time code the chair or group leader gave: the proof a name and a 工号 are not. */
const BindInput = v.strictObject({ name: PersonName, code: BindCode });
/** The code WeChat's getPhoneNumber button gave the app; the function exchanges it for the number. */
const BindPhoneInput = v.strictObject({ code: WechatPhoneCode });
const ClaimChairInput = v.strictObject({
  name: PersonName,
  staffNo: StaffNo,
  gender: Gender,
  setupCode: v.pipe(v.string('请填写初始化口令'), v.minLength(1, '请填写初始化口令'), v.maxLength(64, '口令太长了')),
});
const GroupCreateInput = v.strictObject({ name: GroupName });
const GroupRenameInput = v.strictObject({ groupId: Id, name: GroupName });
const GroupIdInput = v.strictObject({ groupId: Id });
const RosterFileInput = v.strictObject({ fileID: FileId });
const MemberIdInput = v.strictObject({ memberId: StaffNo });
const SetRolesInput = v.strictObject({
  memberId: StaffNo,
  roles: v.pipe(v.array(Role, '角色格式不正确'), v.maxLength(4, '角色太多了')),
  isDelegate: v.boolean('请选择是否为教代会代表'),
});

/** What a member answered to a subscription request, and what they had just done. */
const SubscriptionReportInput = v.strictObject({
  templateId: v.picklist(SUBSCRIPTION_TEMPLATE_IDS, '未知的订阅消息模板'),
  result: v.picklist(SUBSCRIBE_RESULTS, '订阅结果不正确'),
  context: v.strictObject({ kind: v.picklist(['activity', 'vote', 'proposal', 'suggestion', 'notice', 'settings'], '来源不正确'), id: v.optional(Id) }),
});

/** The home page's month: the plan's items, activities, open votes and new notices, in one answer. */
export interface HomeMonth {
  month: string;
  planItems: Array<PlanItem & { month: number }>;
  activities: ActivitySummary[];
  votes: VoteSummary[];
  notices: NoticeSummary[];
  unreadMessages: number;
}

/** The action map: every request the app can make, its input schema, who may call it, and its output. */
export const ACTIONS = {
  'me.get': returns<Me>()(NoInput, 'anyone'),
  'me.bind': returns<Me>()(BindInput, 'unbound'),
  'me.bindPhone': returns<Me>()(BindPhoneInput, 'unbound'),
  'setup.claimChair': returns<Me>()(ClaimChairInput, 'unbound'),

  'groups.list': returns<Array<Group & { memberCount: number }>>()(NoInput, 'member'),
  'groups.create': returns<Group>()(GroupCreateInput, ['chair']),
  'groups.rename': returns<Group>()(GroupRenameInput, ['chair']),
  'groups.remove': returns<{ removed: true }>()(GroupIdInput, ['chair']),

  'roster.list': returns<{ members: MemberView[]; canEdit: boolean }>()(NoInput, ['chair', 'committee']),
  'roster.preview': returns<RosterPreview>()(RosterFileInput, ['chair']),
  'roster.commit': returns<{ created: number; updated: number }>()(RosterFileInput, ['chair']),

  'member.get': returns<MemberView>()(MemberIdInput, ['chair']),
  'member.setRoles': returns<MemberView>()(SetRolesInput, ['chair']),
  'member.unbind': returns<MemberView>()(MemberIdInput, ['chair']),
  // The chair, or the member's own group leader: shown once, replaces any earlier code.
  'member.issueBindCode': returns<BindCodeIssued>()(MemberIdInput, ['chair', 'groupLeader']),

  // Activities and sign-up. Organisers are the chair and committee members.
  'activity.list': returns<{ activities: ActivitySummary[]; canManage: boolean }>()(ActivityListInput, 'member'),
  'activity.mine': returns<ActivitySummary[]>()(NoInput, 'member'),
  'activity.get': returns<ActivityDetail>()(ActivityIdInput, 'member'),
  'activity.signUp': returns<MyStanding>()(SignUpInput, 'member'),
  'activity.cancelSignup': returns<MyStanding>()(ActivityIdInput, 'member'),
  'activity.create': returns<Activity>()(ActivityWriteInput, ['chair', 'committee']),
  'activity.update': returns<Activity>()(ActivityUpdateInput, ['chair', 'committee']),
  'activity.publish': returns<Activity>()(ActivityIdInput, ['chair', 'committee']),
  'activity.close': returns<Activity>()(ActivityIdInput, ['chair', 'committee']),
  'activity.cancel': returns<Activity>()(ActivityCancelInput, ['chair', 'committee']),
  'activity.participants': returns<Participants>()(ActivityIdInput, ['chair', 'committee', 'groupLeader']),
  'activity.signUpFor': returns<MyStanding>()(SignUpForInput, ['chair', 'committee', 'groupLeader']),
  'activity.removeSignup': returns<{ removed: true }>()(RemoveSignupInput, ['chair', 'committee']),
  'activity.export': returns<ActivityExport>()(ActivityIdInput, ['chair', 'committee']),
  'activity.checkinCode': returns<CheckinCode>()(ActivityIdInput, ['chair', 'committee']),
  'activity.checkIn': returns<CheckInResult>()(CheckInInput, 'member'),
  'activity.checkInMember': returns<CheckInResult & { memberName: string }>()(CheckInMemberInput, ['chair', 'committee']),

  // Subscription messages: the ledger of consents (one-time credits). Sending is the reminders' job.
  'subscription.report': returns<{ recorded: true }>()(SubscriptionReportInput, 'member'),

  // Team contests: any member in the audience may captain a team; players confirm or decline.
  'team.list': returns<TeamBoard>()(TeamListInput, 'member'),
  // The captain's picker: everyone in the activity's audience, by public id, name and group.
  'team.candidates': returns<{ members: TeamCandidate[] }>()(TeamListInput, 'member'),
  'team.register': returns<TeamView>()(TeamRegisterInput, 'member'),
  'team.respond': returns<TeamView>()(TeamRespondInput, 'member'),
  'team.withdraw': returns<{ withdrawn: true }>()(TeamIdInput, 'member'),

  // Votes: elections, 民主评议, congress motions and polls. Organisers are the chair and committee members.
  'vote.list': returns<{ votes: VoteSummary[]; canManage: boolean }>()(VoteListInput, 'member'),
  'vote.get': returns<VoteDetail>()(VoteIdInput, 'member'),
  'vote.cast': returns<VoteDetail>()(VoteCastInput, 'member'),
  'vote.create': returns<VoteInfo>()(VoteWriteInput, ['chair', 'committee']),
  'vote.update': returns<VoteInfo>()(VoteUpdateInput, ['chair', 'committee']),
  'vote.publish': returns<VoteInfo>()(VoteIdInput, ['chair', 'committee']),
  'vote.extend': returns<VoteInfo>()(VoteExtendInput, ['chair', 'committee']),
  'vote.close': returns<VoteInfo>()(VoteIdInput, ['chair', 'committee']),
  'vote.remove': returns<{ removed: true }>()(VoteIdInput, ['chair', 'committee']),
  'vote.turnout': returns<VoteTurnout>()(VoteIdInput, ['chair', 'committee']),
  'vote.export': returns<VoteExport>()(VoteIdInput, ['chair', 'committee']),

  // 教代会提案: sessions and departments (chair), proposals (delegates), triage (提案工作委员会).
  'congress.sessions': returns<{ sessions: CongressSession[]; current: string | null }>()(NoInput, 'member'),
  'congress.saveSession': returns<CongressSession>()(SessionSaveInput, ['chair']),
  'department.list': returns<DepartmentView[]>()(NoInput, 'member'),
  'department.save': returns<DepartmentView>()(DepartmentSaveInput, ['chair']),
  'department.remove': returns<{ removed: true }>()(DepartmentIdInput, ['chair']),
  'proposal.list': returns<{ proposals: ProposalSummary[]; isDelegate: boolean; isCommittee: boolean; isHandler: boolean }>()(ProposalListInput, 'member'),
  'proposal.get': returns<ProposalDetail>()(ProposalIdInput, 'member'),
  'proposal.delegates': returns<Array<{ memberId: string; name: string; groupName: string }>>()(NoInput, 'member'),
  'proposal.create': returns<ProposalDetail>()(ProposalCreateInput, 'member'),
  'proposal.update': returns<ProposalDetail>()(ProposalUpdateInput, 'member'),
  'proposal.invite': returns<ProposalDetail>()(ProposalInviteInput, 'member'),
  'proposal.revise': returns<ProposalDetail>()(ProposalIdInput, 'member'),
  'proposal.respond': returns<ProposalDetail>()(ProposalRespondInput, 'member'),
  'proposal.submit': returns<ProposalDetail>()(ProposalIdInput, 'member'),
  'proposal.triage': returns<ProposalDetail>()(ProposalTriageInput, ['chair', 'proposalCommittee']),
  'proposal.assign': returns<ProposalDetail>()(ProposalAssignInput, ['chair', 'proposalCommittee']),
  'proposal.reply': returns<ProposalDetail>()(ProposalReplyInput, 'member'),
  'proposal.rate': returns<ProposalDetail>()(ProposalRateInput, 'member'),
  'proposal.report': returns<ProposalReport>()(SessionIdInput, ['chair', 'proposalCommittee']),
  'proposal.exportReport': returns<ProposalReportFile>()(SessionIdInput, ['chair', 'proposalCommittee']),

  // 意见箱: any member, anonymously if they choose; the chair and committee reply.
  'suggestion.tickets': returns<SuggestionTickets>()(SuggestionTicketsInput, 'member'),
  'suggestion.send': returns<SuggestionView>()(SuggestionSendInput, 'member'),
  'suggestion.mine': returns<SuggestionView[]>()(SuggestionMineInput, 'member'),
  'suggestion.get': returns<SuggestionView>()(SuggestionGetInput, 'member'),
  'suggestion.public': returns<SuggestionView[]>()(NoInput, 'member'),
  'suggestion.inbox': returns<SuggestionView[]>()(SuggestionInboxInput, ['chair', 'committee']),
  'suggestion.reply': returns<SuggestionView>()(SuggestionReplyInput, ['chair', 'committee']),
  'suggestion.setPublic': returns<SuggestionView>()(SuggestionPublicInput, ['chair']),

  // 通知公告: written by the chair or a committee member, read by their audience.
  'notice.list': returns<{ notices: NoticeSummary[]; canManage: boolean; unread: number }>()(NoticeListInput, 'member'),
  'notice.get': returns<NoticeDetail>()(NoticeIdInput, 'member'),
  'notice.create': returns<Notice>()(NoticeWriteInput, ['chair', 'committee']),
  'notice.update': returns<Notice>()(NoticeUpdateInput, ['chair', 'committee']),
  'notice.publish': returns<Notice>()(NoticeIdInput, ['chair', 'committee']),
  'notice.remove': returns<{ removed: true }>()(NoticeIdInput, ['chair', 'committee']),
  'notice.readers': returns<NoticeReaders>()(NoticeIdInput, ['chair', 'committee', 'groupLeader']),
  'notice.remindUnread': returns<{ reminded: number; wechat: number; inAppOnly: number }>()(NoticeRemindInput, ['chair', 'committee', 'groupLeader']),

  // The annual plan (工作计划) and the month at a glance.
  'plan.preview': returns<PlanPreview>()(PlanPreviewInput, ['chair']),
  'plan.save': returns<Plan>()(PlanSaveInput, ['chair']),
  'plan.get': returns<{ plan: Plan | null }>()(PlanYearInput, 'member'),
  'plan.setItemDate': returns<PlanItem>()(PlanItemDateInput, ['chair', 'committee']),
  'plan.makeDraft': returns<{ kind: 'activity' | 'vote' | 'notice'; id: string }>()(PlanMakeDraftInput, ['chair', 'committee']),
  'home.month': returns<HomeMonth>()(MonthInput, 'member'),

  // 消息: every reminder, also when WeChat could not deliver it; 提醒设置: consents in hand.
  'message.list': returns<{ messages: MessageView[]; unread: number }>()(NoInput, 'member'),
  'message.read': returns<{ unread: number }>()(MessageReadInput, 'member'),
  'reminder.summary': returns<ReminderTally[]>()(ReminderSummaryInput, ['chair', 'committee']),
  'subscription.status': returns<Array<{ key: TemplateKey; title: string; credits: number }>>()(NoInput, 'member'),

  // Texts the content check could not judge wait for the chair.
  'moderation.list': returns<HeldItem[]>()(NoInput, ['chair']),
  'moderation.release': returns<{ released: true }>()(ModerationInput, ['chair']),
  'moderation.refuse': returns<{ refused: true }>()(ModerationRefuseInput, ['chair']),

  // Uploads: a path only the caller may write, for a file an organiser's action will adopt.
  'file.uploadPath': returns<UploadPath>()(FileUploadPathInput, ['chair', 'committee']),
} satisfies Record<string, ActionSpec>;

export type ActionName = keyof typeof ACTIONS;
/** What the client passes. */
export type ActionInput<A extends ActionName> = v.InferInput<(typeof ACTIONS)[A]['input']>;
/** What the handler receives, after validation (trimmed, typed). */
export type ActionParsed<A extends ActionName> = v.InferOutput<(typeof ACTIONS)[A]['input']>;
export type ActionOutput<A extends ActionName> = NonNullable<(typeof ACTIONS)[A]['output']>;

export const isActionName = (name: string): name is ActionName => Object.prototype.hasOwnProperty.call(ACTIONS, name);
