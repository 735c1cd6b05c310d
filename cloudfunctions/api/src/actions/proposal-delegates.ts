import type { Member } from '../../../../types/member';
import type { BoundCaller } from '../lib/caller';
import { collection } from '../lib/collections';
import type { Handler } from '../lib/dispatch';

/**
 * The delegates a proposer may invite to co-sign: every delegate on the roster (bound or not),
 * the caller excepted, by group then name. One read; only names and groups leave the cloud.
 */
export const listDelegates: Handler<'proposal.delegates'> = async (_input, caller) => {
  const viewerId = (caller as BoundCaller).member._id;
  const { data } = await collection('members')
    .where({ isDelegate: true })
    .field({ _id: true, name: true, groupName: true })
    .limit(1000)
    .get();
  return (data as Array<Pick<Member, '_id' | 'name' | 'groupName'>>)
    .filter((m) => m._id !== viewerId)
    .map((m) => ({ memberId: m._id, name: m.name, groupName: m.groupName ?? '' }))
    .sort((a, b) => a.groupName.localeCompare(b.groupName, 'zh-Hans-CN') || a.name.localeCompare(b.name, 'zh-Hans-CN'));
};
