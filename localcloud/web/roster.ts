/** A member as the sign-in page needs it, read defensively from the `members` collection. */
export interface RosterMember {
  name: string;
  staffNo: string;
  groupName: string;
  roles: string[];
  isDelegate: boolean;
  status: string;
  openid?: string;
  /** The roster's number, offered as the one WeChat would return when a tester becomes this unbound member. */
  phone?: string;
}

export const ROLE_LABELS: Record<string, string> = {
  chair: '工会主席',
  committee: '工会委员',
  groupLeader: '小组长',
  proposalCommittee: '提案委员',
};

export function toRosterMember(doc: Record<string, unknown>): RosterMember {
  return {
    name: typeof doc.name === 'string' ? doc.name : '（未命名）',
    staffNo: typeof doc.staffNo === 'string' || typeof doc.staffNo === 'number' ? String(doc.staffNo) : '',
    groupName: typeof doc.groupName === 'string' && doc.groupName ? doc.groupName : '未分组',
    roles: Array.isArray(doc.roles) ? doc.roles.filter((r): r is string => typeof r === 'string') : [],
    isDelegate: doc.isDelegate === true,
    status: typeof doc.status === 'string' ? doc.status : 'active',
    openid: typeof doc.openid === 'string' && doc.openid ? doc.openid : undefined,
    phone: typeof doc.phone === 'string' && doc.phone ? doc.phone : undefined,
  };
}

/** Members grouped by groupName (groups and members in Chinese collation order). */
export function groupRoster(members: RosterMember[]): Array<{ groupName: string; members: RosterMember[] }> {
  const collator = new Intl.Collator('zh-CN');
  const groups = new Map<string, RosterMember[]>();
  for (const m of members) {
    const list = groups.get(m.groupName) ?? [];
    list.push(m);
    groups.set(m.groupName, list);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => collator.compare(a, b))
    .map(([groupName, list]) => ({
      groupName,
      members: list.sort((a, b) => collator.compare(a.staffNo, b.staffNo) || collator.compare(a.name, b.name)),
    }));
}
