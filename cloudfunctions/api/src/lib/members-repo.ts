import type { Audience } from '../../../../types/activity';
import type { Member } from '../../../../types/member';
import { _ } from './cloud';
import { collection } from './collections';

/** The cloud caps one read at 1000 records: read in pages of that size. */
const PAGE = 1000;

export async function findMemberByOpenid(openid: string): Promise<Member | null> {
  const { data } = await collection('members').where({ openid }).limit(1).get();
  return (data[0] as Member | undefined) ?? null;
}

export async function getMember(staffNo: string): Promise<Member | null> {
  const { data } = await collection('members').doc(staffNo).get();
  return (data as Member | null) ?? null;
}

export async function listMembers(): Promise<Member[]> {
  const all: Member[] = [];
  for (let skip = 0; ; skip += PAGE) {
    let query = collection('members').orderBy('groupName', 'asc').orderBy('_id', 'asc').limit(PAGE);
    if (skip) query = query.skip(skip);
    const { data } = await query.get();
    all.push(...(data as Member[]));
    if (data.length < PAGE) return all;
  }
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
  const all: Member[] = [];
  const where = { ...audienceWhere(audience), ...(groupId ? { groupId } : {}) };
  for (let skip = 0; ; skip += PAGE) {
    let query = collection('members').where(where).orderBy('groupName', 'asc').orderBy('_id', 'asc').limit(PAGE);
    if (skip) query = query.skip(skip);
    const { data } = await query.get();
    all.push(...(data as Member[]));
    if (data.length < PAGE) return all;
  }
}
