import type { MemberView } from '../../../../types/member';

export interface RosterFilter {
  /** Part of a name or a 工号, as typed. */
  text: string;
  /** A union group's name, or null for all groups. */
  groupName: string | null;
}

/** The union groups present in the roster, in the order of Chinese collation. */
export const groupNamesOf = (members: readonly MemberView[]): string[] =>
  [...new Set(members.map((member) => member.groupName))].sort((a, b) => a.localeCompare(b, 'zh-CN'));

/** Members matching the search text (name or 工号, case-insensitive) and the chosen group. */
export function filterMembers(members: readonly MemberView[], { text, groupName }: RosterFilter): MemberView[] {
  const needle = text.trim().toLowerCase();
  return members.filter(
    (member) =>
      (groupName === null || member.groupName === groupName) &&
      (needle === '' || member.name.toLowerCase().includes(needle) || member.staffNo.toLowerCase().includes(needle)),
  );
}

export interface RosterCounts {
  total: number;
  bound: number;
  unbound: number;
  delegates: number;
}

export function countRoster(members: readonly MemberView[]): RosterCounts {
  const bound = members.filter((member) => member.bound).length;
  return {
    total: members.length,
    bound,
    unbound: members.length - bound,
    delegates: members.filter((member) => member.isDelegate).length,
  };
}
