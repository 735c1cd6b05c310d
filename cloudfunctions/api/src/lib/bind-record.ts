import type { Member } from '../../../../types/member';
import { DomainError } from './domain-error';
import { runInTransaction } from './transaction';

/** What proves the caller is this member: WeChat's phone number, or the code issued for them. */
export type BindProof = { kind: 'phone' } | { kind: 'code'; hash: string };

/**
 * Binds the caller's WeChat identity to this roster record, in one transaction over the record,
 * the identity's binding document and (for a code) the code, so neither a record nor an identity
 * is bound twice and a code opens one binding only, however many people try at once.
 * A code may move a bound record to a new WeChat (a changed phone): the old one loses access at once.
 * A phone number binds only a record no one holds.
 */
export function bindRecord(openid: string, memberId: string, proof: BindProof, now: number): Promise<Member> {
  return runInTransaction(async (t) => {
    if ((await t.collection('bindings').doc(openid).get()).data) throw new DomainError('ALREADY_BOUND');
    const found = (await t.collection('members').doc(memberId).get()).data as Member | null;
    if (proof.kind === 'code') {
      const code = (await t.collection('bindCodes').doc(memberId).get()).data as { hash?: string } | null;
      // Replaced or spent by a parallel request since it was compared.
      if (!code || code.hash !== proof.hash) throw new DomainError('BIND_CODE_EXPIRED');
      await t.collection('bindCodes').doc(memberId).remove();
      if (!found) throw new DomainError('BIND_CODE_WRONG');
      if (found.openid) await t.collection('bindings').doc(found.openid).remove();
    } else {
      if (!found) throw new DomainError('BIND_PHONE_NO_MATCH');
      if (found.openid) throw new DomainError('BIND_TAKEN');
    }
    await t.collection('members').doc(memberId).update({ data: { openid, boundAt: now, updatedAt: now } });
    await t.collection('bindings').doc(openid).set({ data: { memberId, at: now } });
    return { ...found, openid, boundAt: now, updatedAt: now };
  });
}
