import type { Me, Member } from '../../../../types/member';
import { sameName } from '../domain/bind-attempts';
import { toMemberView } from '../domain/member-view';
import { clearBindAttempts, spendBindAttempt } from '../lib/bind-attempts-repo';
import type { Caller } from '../lib/caller';
import { DomainError } from '../lib/domain-error';
import type { Handler } from '../lib/dispatch';
import { countChairs, countMembers } from '../lib/members-repo';
import { runInTransaction } from '../lib/transaction';

/** The caller as the app shows them: their record and the size of their group. */
export async function describeCaller(member: Member | null): Promise<Me> {
  if (!member) return { bound: false, setupOpen: (await countChairs()) === 0 };
  return { bound: true, member: toMemberView(member), groupMemberCount: await countMembers({ groupId: member.groupId }) };
}

export const getMe: Handler<'me.get'> = async (_input, caller: Caller) => describeCaller(caller.member);

/**
 * Binds the caller's WeChat identity to the roster record with this name and 工号, once.
 * One transaction over the record and the identity's own binding document, so neither a record
 * nor an identity can be bound twice, however many people try at the same moment.
 */
export const bindMe: Handler<'me.bind'> = async ({ name, staffNo }, caller) => {
  const now = Date.now();
  await spendBindAttempt(caller.openid, now);
  const member = await runInTransaction(async (t) => {
    const binding = await t.collection('bindings').doc(caller.openid).get();
    if (binding.data) throw new DomainError('ALREADY_BOUND');
    const found = (await t.collection('members').doc(staffNo).get()).data as Member | null;
    if (!found || !sameName(found.name, name)) throw new DomainError('BIND_NO_MATCH');
    if (found.openid) throw new DomainError('BIND_TAKEN');
    await t.collection('members').doc(staffNo).update({ data: { openid: caller.openid, boundAt: now, updatedAt: now } });
    await t.collection('bindings').doc(caller.openid).set({ data: { memberId: staffNo, at: now } });
    return { ...found, openid: caller.openid, boundAt: now, updatedAt: now };
  });
  await clearBindAttempts(caller.openid);
  return describeCaller(member);
};

