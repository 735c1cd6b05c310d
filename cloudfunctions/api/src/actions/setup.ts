import type { Group, Member } from '../../../../types/member';
import { timingSafeEqual } from 'node:crypto';
import { collection } from '../lib/collections';
import { DomainError } from '../lib/domain-error';
import type { Handler } from '../lib/dispatch';
import { countChairs } from '../lib/members-repo';
import { runInTransaction } from '../lib/transaction';
import { describeCaller } from './me';

const FIRST_GROUP_NAME = '工会委员会';

const sameSecret = (given: string, expected: string): boolean => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/**
 * First use of a new installation: the person holding the setup code (an environment variable of
 * the function, set in the cloud console) becomes the first chair. Closed once any chair exists.
 */
export const claimChair: Handler<'setup.claimChair'> = async ({ name, staffNo, gender, setupCode }, caller) => {
  const expected = process.env.UNION_SETUP_CODE ?? '';
  if ((await countChairs()) > 0) throw new DomainError('SETUP_CLOSED');
  if (!expected || !sameSecret(setupCode, expected)) throw new DomainError('SETUP_CODE_WRONG');
  const now = Date.now();
  const { data: groups } = await collection('groups').where({ name: FIRST_GROUP_NAME }).limit(1).get();
  let group = groups[0] as Group | undefined;
  if (!group) {
    const created = await collection('groups').add({ data: { name: FIRST_GROUP_NAME, createdAt: now } });
    group = { _id: String(created._id), name: FIRST_GROUP_NAME, createdAt: now };
  }
  const chosen = group;
  const member = await runInTransaction(async (t) => {
    // One settings document is the lock: two people racing with the code cannot both become chair.
    if ((await t.collection('settings').doc('setup').get()).data) throw new DomainError('SETUP_CLOSED');
    await t.collection('settings').doc('setup').set({ data: { claimedBy: staffNo, at: now } });
    if ((await t.collection('bindings').doc(caller.openid).get()).data) throw new DomainError('ALREADY_BOUND');
    const existing = (await t.collection('members').doc(staffNo).get()).data as Member | null;
    if (existing?.openid) throw new DomainError('BIND_TAKEN');
    const record: Member = {
      _id: staffNo,
      staffNo,
      name,
      gender,
      status: existing?.status ?? 'active',
      groupId: existing?.groupId ?? chosen._id,
      groupName: existing?.groupName ?? chosen.name,
      roles: ['chair', ...(existing?.roles ?? []).filter((role) => role !== 'chair')],
      isDelegate: existing?.isDelegate ?? false,
      openid: caller.openid,
      boundAt: now,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    };
    const { _id, ...data } = record;
    await t.collection('members').doc(_id).set({ data });
    await t.collection('bindings').doc(caller.openid).set({ data: { memberId: staffNo, at: now } });
    return record;
  });
  return describeCaller(member);
};
