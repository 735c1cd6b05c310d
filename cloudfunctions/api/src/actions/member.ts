import type { Member } from '../../../../types/member';
import { toMemberView } from '../domain/member-view';
import { assertKeepsAChair, normaliseRoles } from '../domain/roles';
import { _ } from '../lib/cloud';
import { collection } from '../lib/collections';
import { DomainError } from '../lib/domain-error';
import type { Handler } from '../lib/dispatch';
import { countChairs, getMember } from '../lib/members-repo';

async function mustGetMember(staffNo: string): Promise<Member> {
  const member = await getMember(staffNo);
  if (!member) throw new DomainError('NOT_FOUND');
  return member;
}

export const getMemberRecord: Handler<'member.get'> = async ({ memberId }) => toMemberView(await mustGetMember(memberId));

export const setRoles: Handler<'member.setRoles'> = async ({ memberId, roles, isDelegate }) => {
  const member = await mustGetMember(memberId);
  const next = normaliseRoles(roles);
  const losesChair = member.roles.includes('chair') && !next.includes('chair');
  if (losesChair) assertKeepsAChair(member.roles, next, await countChairs());
  const updatedAt = Date.now();
  // Conditional on the roles read: a parallel change makes this one refuse instead of overwrite.
  const { stats } = await collection('members')
    .where({ _id: memberId, roles: _.eq(member.roles) })
    .update({ data: { roles: _.set(next), isDelegate, updatedAt } });
  if (stats.updated !== 1 && (member.roles.join() !== next.join() || member.isDelegate !== isDelegate)) throw new DomainError('CONFLICT');
  return toMemberView({ ...member, roles: next, isDelegate, updatedAt });
};

/** Frees a record so its owner can bind a new WeChat account (a changed phone, say). */
export const unbindMember: Handler<'member.unbind'> = async ({ memberId }) => {
  const member = await mustGetMember(memberId);
  if (!member.openid) return toMemberView(member);
  const updatedAt = Date.now();
  await collection('members').doc(memberId).update({ data: { openid: _.remove(), boundAt: _.remove(), updatedAt } });
  await collection('bindings').doc(member.openid).remove();
  const { openid: _openid, boundAt: _boundAt, ...rest } = member;
  return toMemberView({ ...rest, updatedAt });
};
