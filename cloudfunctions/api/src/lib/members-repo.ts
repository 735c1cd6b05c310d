import type { Audience } from '../../../../types/activity';
import type { Member } from '../../../../types/member';
import { _ } from './cloud';
import { collection } from './collections';
import { readPages } from './read-pages';


export async function findMemberByOpenid(openid: string): Promise<Member | null> {
  const { data } = await collection('members').where({ openid }).limit(1).get();
  return (data[0] as Member | undefined) ?? null;
}

export async function getMember(staffNo: string): Promise<Member | null> {
  const { data } = await collection('members').doc(staffNo).get();
  return (data as Member | null) ?? null;
}

export async function listMembers(): Promise<Member[]> {
  return readPages<Member>(() => collection('members').orderBy('groupName', 'asc').orderBy('_id', 'asc'));
}

export async function countMembers(where: Record<string, unknown>): Promise<number> {
  const { total } = await collection('members').where(where).count();
  return total;
}

export async function countChairs(): Promise<number> {
  return countMembers({ roles: 'chair' });
}


/** The members query for an audience (the same conditions as `inAudience`). */
export function audienceWhere(audience: Audience): Record<string, unknown> {
  return {
    ...(audience.statuses?.length ? { status: _.in(audience.statuses) } : {}),
    ...(audience.genders?.length ? { gender: _.in(audience.genders) } : {}),
    ...(audience.groupIds?.length ? { groupId: _.in(audience.groupIds) } : {}),
    ...(audience.delegatesOnly ? { isDelegate: true } : {}),
  };
}

/** Everyone in an audience (optionally only one group), by group then 工号: one request per 1000 members. */
export async function membersInAudience(audience: Audience, groupId?: string): Promise<Member[]> {
  const where = { ...audienceWhere(audience), ...(groupId ? { groupId } : {}) };
  return readPages<Member>(() => collection('members').where(where).orderBy('groupName', 'asc').orderBy('_id', 'asc'));
}
