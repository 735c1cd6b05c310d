import { db } from './cloud';
import type { CollectionName } from './collections';
import { DomainError } from './domain-error';

/** What a transaction offers (the SDK types it as `any`): document reads and writes, and where().get(). */
export interface Transaction {
  collection(name: CollectionName): {
    doc(id: string): {
      get(): Promise<{ data: unknown }>;
      set(options: { data: object }): Promise<unknown>;
      update(options: { data: object }): Promise<unknown>;
      remove(): Promise<unknown>;
    };
    where(query: object): { limit(n: number): { get(): Promise<{ data: unknown[] }> } };
    add(options: { data: object }): Promise<unknown>;
  };
}

/**
 * Runs a transaction. A DomainError thrown inside rolls everything back and reaches the caller as
 * itself; write conflicts are retried by the SDK, and if they persist the caller sees CONFLICT.
 */
export async function runInTransaction<T>(body: (t: Transaction) => Promise<T>): Promise<T> {
  try {
    return (await db.runTransaction(body as (t: never) => Promise<unknown>, 5)) as T;
  } catch (error) {
    if (error instanceof DomainError) throw error;
    const text = String((error as { errMsg?: unknown })?.errMsg ?? (error as Error)?.message ?? error);
    if (text.includes('CONFLICT')) throw new DomainError('CONFLICT');
    throw error;
  }
}
