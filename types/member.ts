import * as v from 'valibot';
import { Gender, GroupName, Id, MemberStatus, MonthDay, PersonName, Phone, Role, ShortText, StaffNo } from './fields';

/** A union group (工会小组). Stored in `groups`. */
export const GroupSchema = v.object({
  _id: Id,
  name: GroupName,
  createdAt: v.number(),
});
export type Group = v.InferOutput<typeof GroupSchema>;

/**
 * A roster record, keyed by 工号 (`_id === staffNo`), so re-imports update the same record.
 * Stored in `members`. No ID-card numbers: the minimum a union needs (PIPL art. 6).
 */
export const MemberSchema = v.object({
  _id: StaffNo,
  staffNo: StaffNo,
  name: PersonName,
  gender: Gender,
  status: MemberStatus,
  department: v.optional(ShortText),
  gradeGroup: v.optional(ShortText),
  subjectGroup: v.optional(ShortText),
  groupId: Id,
  /** Denormalised for lists; kept in step when a group is renamed. */
  groupName: GroupName,
  roles: v.array(Role),
  isDelegate: v.boolean(),
  birthday: v.optional(MonthDay),
  phone: v.optional(Phone),
  /** The WeChat identity bound to this record; never sent to clients. */
  openid: v.optional(v.string()),
  boundAt: v.optional(v.number()),
  createdAt: v.number(),
  updatedAt: v.number(),
});
export type Member = v.InferOutput<typeof MemberSchema>;

/** What clients see of a member: never the openid. */
export type MemberView = Omit<Member, 'openid'> & { bound: boolean };

/** The caller as the app sees them. */
export type Me =
  | { bound: false; setupOpen: boolean }
  | { bound: true; member: MemberView; groupMemberCount: number };

/** One roster row as parsed from the chair's file, with what is wrong with it. */
export interface RosterRowPreview {
  /** 1-based line number in the sheet, counting the header. */
  line: number;
  staffNo: string;
  name: string;
  groupName: string;
  status: 'new' | 'update' | 'invalid';
  problems: string[];
}

export interface RosterPreview {
  rows: RosterRowPreview[];
  counts: { new: number; update: number; invalid: number };
  /** Problems with the file as a whole (missing columns). */
  fileProblems: string[];
}

/** A binding code as issued: shown once to the chair or group leader, who passes it on in person. */
export interface BindCodeIssued {
  code: string;
  memberName: string;
  expiresAt: number;
  tries: number;
}
