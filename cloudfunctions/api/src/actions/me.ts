import type { Me, Member } from '../../../../types/member';
import { toMemberView } from '../domain/member-view';
import { clearBindAttempts, spendBindAttempt } from '../lib/bind-attempts-repo';
import type { Caller } from '../lib/caller';
import { DomainError } from '../lib/domain-error';
import type { Handler } from '../lib/dispatch';
import { countChairs, countMembers } from '../lib/members-repo';
import { bindRecord } from '../lib/bind-record';
import { codesForName, findMatchingCode, spendTries } from '../lib/bind-codes-repo';
import { collection } from '../lib/collections';
import { phoneFromWechat } from '../lib/wechat-phone';

/** The caller as the app shows them: their record and the size of their group. */
export async function describeCaller(member: Member | null): Promise<Me> {
  if (!member) return { bound: false, setupOpen: (await countChairs()) === 0 };
  return { bound: true, member: toMemberView(member), groupMemberCount: await countMembers({ groupId: member.groupId }) };
}

export const getMe: Handler<'me.get'> = async (_input, caller: Caller) => describeCaller(caller.member);

/**
 * Binds with the one-time code the chair or the member's group leader issued: name + code. Each
 * guess first spends a try of every live code of that name (and one of the caller's hourly
 * attempts), so a code is compared at most 5 times whatever the concurrency. Also how a member
 * who changed phone moves their record to the new WeChat.
 */
export const bindMe: Handler<'me.bind'> = async ({ name, code }, caller) => {
  const now = Date.now();
  await spendBindAttempt(caller.openid, now);
  const candidates = await codesForName(name);
  if (!candidates.length) throw new DomainError('BIND_CODE_WRONG');
  const live = await spendTries(candidates, now);
  if (!live.length) throw new DomainError('BIND_CODE_EXPIRED');
  const match = await findMatchingCode(live, code);
  if (!match) throw new DomainError('BIND_CODE_WRONG');
  const member = await bindRecord(caller.openid, match._id, { kind: 'code', hash: match.hash }, now);
  await clearBindAttempts(caller.openid);
  return describeCaller(member);
};

/**
 * Binds with the phone number WeChat vouches for (the getPhoneNumber button's code), when exactly
 * one roster record holds that number and no one has bound it yet.
 */
export const bindByPhone: Handler<'me.bindPhone'> = async ({ code }, caller) => {
  const phone = await phoneFromWechat(code);
  if (!phone) throw new DomainError('BIND_PHONE_NO_MATCH');
  const { data } = await collection('members').where({ phone }).field({ _id: true }).limit(2).get();
  if (data.length === 0) throw new DomainError('BIND_PHONE_NO_MATCH');
  if (data.length > 1) throw new DomainError('BIND_PHONE_SHARED');
  const member = await bindRecord(caller.openid, String((data[0] as { _id: string })._id), { kind: 'phone' }, Date.now());
  return describeCaller(member);
};
