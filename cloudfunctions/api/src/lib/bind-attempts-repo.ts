import { BIND_ATTEMPT_LIMIT, BIND_ATTEMPT_WINDOW_MS } from '../domain/bind-attempts';
import { _ } from './cloud';
import { collection } from './collections';
import { DomainError } from './domain-error';
import { isDuplicateKey } from './duplicate-key';

/**
 * Spends one binding attempt for this WeChat user, or refuses when the window's attempts are used up.
 * Held by conditional updates on one document, so parallel attempts cannot overspend.
 */
export async function spendBindAttempt(openid: string, now: number): Promise<void> {
  const attempts = collection('bindAttempts');
  // A window that has passed starts again.
  await attempts.where({ _id: openid, windowStart: _.lt(now - BIND_ATTEMPT_WINDOW_MS) }).update({ data: { failures: 0, windowStart: now } });
  const spent = await attempts.where({ _id: openid, failures: _.lt(BIND_ATTEMPT_LIMIT) }).update({ data: { failures: _.inc(1) } });
  if (spent.stats.updated === 1) return;
  try {
    await attempts.add({ data: { _id: openid, failures: 1, windowStart: now } });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    // The document exists: either the limit is reached, or a parallel first attempt created it.
    const retry = await attempts.where({ _id: openid, failures: _.lt(BIND_ATTEMPT_LIMIT) }).update({ data: { failures: _.inc(1) } });
    if (retry.stats.updated !== 1) throw new DomainError('BIND_TOO_MANY_ATTEMPTS');
  }
}

/** A successful binding forgets the attempts. */
export async function clearBindAttempts(openid: string): Promise<void> {
  await collection('bindAttempts').doc(openid).remove();
}
