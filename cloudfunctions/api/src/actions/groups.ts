import type { Group } from '../../../../types/member';
import { _ } from '../lib/cloud';
import { collection } from '../lib/collections';
import { DomainError } from '../lib/domain-error';
import type { Handler } from '../lib/dispatch';

async function getGroup(groupId: string): Promise<Group> {
  const { data } = await collection('groups').doc(groupId).get();
  if (!data) throw new DomainError('NOT_FOUND');
  return data as Group;
}

async function assertNameFree(name: string, exceptId?: string): Promise<void> {
  const { data } = await collection('groups').where({ name }).limit(2).get();
  if ((data as Group[]).some((group) => group._id !== exceptId)) throw new DomainError('GROUP_NAME_TAKEN');
}

/** Groups with their member counts: two requests, however many groups there are. */
export const listGroups: Handler<'groups.list'> = async () => {
  const [{ data: groups }, { list: counts }] = await Promise.all([
    collection('groups').orderBy('createdAt', 'asc').limit(1000).get(),
    collection('members').aggregate().group({ _id: '$groupId', count: _.aggregate.sum(1) }).limit(1000).end(),
  ]);
  const byGroup = new Map((counts as Array<{ _id: string; count: number }>).map((row) => [row._id, row.count]));
  return (groups as Group[]).map((group) => ({ ...group, memberCount: byGroup.get(group._id) ?? 0 }));
};

export const createGroup: Handler<'groups.create'> = async ({ name }) => {
  await assertNameFree(name);
  const createdAt = Date.now();
  const { _id } = await collection('groups').add({ data: { name, createdAt } });
  return { _id: String(_id), name, createdAt };
};

/** Renames a group and the name shown on its members' records. */
export const renameGroup: Handler<'groups.rename'> = async ({ groupId, name }) => {
  const group = await getGroup(groupId);
  if (group.name === name) return group;
  await assertNameFree(name, groupId);
  await collection('groups').doc(groupId).update({ data: { name } });
  await collection('members').where({ groupId }).update({ data: { groupName: name, updatedAt: Date.now() } });
  return { ...group, name };
};

export const removeGroup: Handler<'groups.remove'> = async ({ groupId }) => {
  await getGroup(groupId);
  const { total } = await collection('members').where({ groupId }).count();
  if (total > 0) throw new DomainError('GROUP_NOT_EMPTY');
  await collection('groups').doc(groupId).remove();
  return { removed: true };
};
