/**
 * The ledger of subscription-message consents (订阅消息). A one-time subscription allows exactly
 * one message per consent, and WeChat offers no way to read how many are left, so we count them:
 * `subscriptions/${openid}_${templateId}` holds `credits` (+1 per accept, -1 per message sent),
 * the last answer and when. Nothing else: not what the member was doing when asked.
 */
import type { SubscribeResult } from '../../../../types/subscriptions';
import { _ } from './cloud';
import { collection } from './collections';
import { DomainError } from './domain-error';
import { isDuplicateKey } from './duplicate-key';

export const ledgerId = (openid: string, templateId: string): string => `${openid}_${templateId}`;

/** Records one answer to a subscription request: an accept adds one credit (with `_.inc`, safe under concurrency). */
export async function recordConsent(openid: string, templateId: string, result: SubscribeResult, now = Date.now()): Promise<void> {
  const _id = ledgerId(openid, templateId);
  const accepted = result === 'accept';
  for (let attempt = 0; attempt < 3; attempt++) {
    const { stats } = await collection('subscriptions')
      .where({ _id })
      .update({ data: { lastResult: result, updatedAt: now, ...(accepted ? { credits: _.inc(1) } : {}) } });
    if (stats.updated === 1) return;
    try {
      await collection('subscriptions').add({ data: { _id, openid, templateId, credits: accepted ? 1 : 0, lastResult: result, updatedAt: now } });
      return;
    } catch (error) {
      // A parallel report created it first: update that one.
      if (!isDuplicateKey(error)) throw error;
    }
  }
  throw new DomainError('CONFLICT');
}

/**
 * Spends one credit before sending one message: true when there was one to spend. A conditional
 * update (`credits > 0` → -1), so concurrent senders never spend the same consent twice nor go below zero.
 */
export async function spendCredit(openid: string, templateId: string): Promise<boolean> {
  const { stats } = await collection('subscriptions')
    .where({ _id: ledgerId(openid, templateId), credits: _.gt(0) })
    .update({ data: { credits: _.inc(-1), updatedAt: Date.now() } });
  return stats.updated === 1;
}
