import type { Member } from '../../../../types/member';
import { toMemberView } from '../domain/member-view';
import { assertKeepsAChair, normaliseRoles } from '../domain/roles';
import { BIND_CODE_TRIES } from '../domain/bind-codes';
import { issueBindCode } from '../lib/bind-codes-repo';
import type { BoundCaller } from '../lib/caller';
import { _ } from '../lib/cloud';
import { collection } from '../lib/collections';
import { DomainError } from '../lib/domain-error';
import type { Handler } from '../lib/dispatch';
import { countChairs, getMember } from '../lib/members-repo';
import { runInTransaction } from '../lib/transaction';

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

/**
 * Frees a record so its owner can bind a new WeChat account. One transaction over the record and
 * the binding: the identity is looked up on every call, so its open sessions answer NOT_BOUND at once.
 */
export const unbindMember: Handler<'member.unbind'> = async ({ memberId }) => {
  const updatedAt = Date.now();
  const member = await runInTransaction(async (t) => {
    const found = (await t.collection('members').doc(memberId).get()).data as Member | null;
    if (!found) throw new DomainError('NOT_FOUND');
    if (!found.openid) return found;
    await t.collection('members').doc(memberId).update({ data: { openid: _.remove(), boundAt: _.remove(), updatedAt } });
    await t.collection('bindings').doc(found.openid).remove();
    const { openid: _openid, boundAt: _boundAt, ...rest } = found;
    return { ...rest, updatedAt };
  });
  return toMemberView(member);
};

/**
 * A one-time binding code for one member, issued by the chair or by that member's own group
 * leader, who hands it over in person. Shown once; it replaces any earlier code of the member.
 */
export const issueMemberBindCode: Handler<'member.issueBindCode'> = async ({ memberId }, caller) => {
  const issuer = (caller as BoundCaller).member;
  const member = await mustGetMember(memberId);
  if (!issuer.roles.includes('chair') && member.groupId !== issuer.groupId) throw new DomainError('NOT_YOUR_GROUP_MEMBER');
  const { code, expiresAt } = await issueBindCode(member, issuer._id, Date.now());
  return { code, expiresAt, memberName: member.name, tries: BIND_CODE_TRIES };
};
