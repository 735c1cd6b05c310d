import { db } from './cloud';
import type { CollectionName } from './collections';
import { DomainError } from './domain-error';

/**
 * What a transaction offers (the SDK types it as `any`): single documents only. The cloud allows
 * nothing else inside a transaction (no where, count or aggregate; 事务 guide:
 * https://developers.weixin.qq.com/miniprogram/dev/wxcloud/guide/database/transaction.html), so
 * queries run before it and each document is read again by id inside.
 */
export interface Transaction {
  collection(name: CollectionName): {
    doc(id: string): {
      get(): Promise<{ data: unknown }>;
      set(options: { data: object }): Promise<unknown>;
      update(options: { data: object }): Promise<unknown>;
      remove(): Promise<unknown>;
    };
    add(options: { data: object }): Promise<unknown>;
  };
}

const ATTEMPTS = 5;

/**
 * A write conflict with another transaction, in either shape the SDK reports it:
 * - from commit, node-sdk's raw error keeps the cloud's code;
 * - from a write inside the body (the cloud fails it at once), wx-server-sdk keeps only
 *   errCode -501001 (the code has no number in its table, so it is the generic "resource system
 *   error") and the cloud's message, which names the conflict.
 */
export function isTransactionConflict(error: unknown): boolean {
  const { code, errCode, errMsg } = (error ?? {}) as { code?: unknown; errCode?: unknown; errMsg?: unknown };
  if (code === 'DATABASE_TRANSACTION_CONFLICT') return true;
  return errCode === -501001 && typeof errMsg === 'string' && /transaction conflict/i.test(errMsg);
}

export interface TransactionOptions {
  /** How many times to run the body before answering CONFLICT (default 5). */
  attempts?: number;
  /**
   * For a hot document (an activity in a sign-up storm): pauses drawn at random below a bound that
   * doubles with each attempt up to this many ms, so contenders spread out instead of colliding
   * again in step, and a lone conflict costs almost nothing.
   */
  maxPauseMs?: number;
}

const pause = (attempt: number, maxPauseMs?: number) =>
  new Promise((resolve) => setTimeout(resolve, maxPauseMs ? Math.random() * Math.min(maxPauseMs, 10 * 2 ** attempt) : 20 * attempt + Math.random() * 30));

/**
 * Runs a transaction. A DomainError thrown inside rolls everything back and reaches the caller as
 * itself. A write conflict rolls back and runs the body again (on fresh reads), a few times; if
 * conflicts persist the caller sees CONFLICT. The SDK's own retry is off: it only sees conflicts
 * at commit, and one loop is enough.
 */
export async function runInTransaction<T>(body: (t: Transaction) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
  const attempts = options.attempts ?? ATTEMPTS;
  for (let attempt = 1; ; attempt++) {
    try {
      return (await db.runTransaction(body as (t: never) => Promise<unknown>, 0)) as T;
    } catch (error) {
      if (error instanceof DomainError) throw error;
      if (!isTransactionConflict(error)) throw error;
      if (attempt >= attempts) throw new DomainError('CONFLICT');
      await pause(attempt, options.maxPauseMs);
    }
  }
}
