/**
 * Snapshot transactions with per-document write locks, on top of the Store.
 *
 * - Snapshot: when a committed write changes a document, every open transaction that has not yet
 *   seen a change to it keeps the pre-image; its reads see pre-images, then its own buffered writes.
 * - Write locks: a transaction's write locks the document. Writing a document another open
 *   transaction has locked, or one committed by someone else after this transaction started, is a
 *   conflict, and the WRITE ITSELF fails at once with DATABASE_TRANSACTION_CONFLICT, as the cloud
 *   documents (事务 guide: "其它事务的写入会直接失败"). The transaction is then doomed: it drops its
 *   locks so it never blocks the winner, and its commit fails with the same conflict. Note that
 *   wx-server-sdk turns that write error into a plain Error without `code` (errCode -501001), so its
 *   runTransaction does not retry it: callers must recognise it by its message.
 * - Plain (non-transaction) writes to a locked document WAIT for the lock (up to lockWaitMs, then
 *   DATABASE_TRANSACTION_CONFLICT), as the cloud documents; see Engine.plainWrite.
 * - Transactions idle for idleMs of real time are aborted.
 */
import { randomBytes } from 'node:crypto';
import { CloudError, DbErrorCode } from '../errors';
import { Change, Entry, Store, View } from './store';

interface Tx {
  readonly id: string;
  /** Commit sequence number at start: a document written with a higher one changed under us. */
  readonly startSeq: number;
  lastActive: number;
  /** Pre-images of documents changed by others since start: coll → key → entry (null = absent). */
  readonly snapshot: Map<string, Map<string, Entry | null>>;
  /** Buffered writes: coll → key → entry (null = deleted). */
  readonly writes: Map<string, Map<string, Entry | null>>;
  readonly locks: Set<string>;
  /** Who started it (the invocation's wxCloudApiToken): batch operations from them are refused while it is open. */
  readonly owner: string;
  /** Set once a conflict is detected; commit then fails with it. */
  doomed: string | null;
}

const lockName = (coll: string, key: string) => `${coll}\u0000${key}`;

function nested<V>(outer: Map<string, Map<string, V>>, coll: string): Map<string, V> {
  let m = outer.get(coll);
  if (!m) outer.set(coll, (m = new Map()));
  return m;
}

/**
 * The text starts with the message @cloudbase/database itself gives this code
 * (ERRORS.DATABASE_TRANSACTION_CONFLICT): it is all that survives the SDK's error wrapping.
 */
function conflict(detail: string): CloudError {
  return new CloudError(DbErrorCode.TRANSACTION_CONFLICT, `database transaction conflict: ${detail}`);
}

export interface TxOptions {
  idleMs: number;
  realNow?: () => number;
}

export class Transactions {
  private seq = 0;
  private readonly lastWrite = new Map<string, number>();
  private readonly open = new Map<string, Tx>();
  /** Recently finished ids → how they ended, so a late abort is harmless and a late commit explains itself. */
  private readonly ended = new Map<string, string>();
  private readonly locks = new Map<string, string>();
  private waiters = new Set<() => void>();
  private readonly timer: NodeJS.Timeout;
  private readonly realNow: () => number;

  constructor(private readonly store: Store, private readonly opts: TxOptions) {
    this.realNow = opts.realNow ?? Date.now;
    this.timer = setInterval(() => this.reapIdle(), Math.max(10, Math.min(1000, opts.idleMs / 4)));
    this.timer.unref();
  }

  start(owner: string): string {
    const id = randomBytes(16).toString('hex');
    this.open.set(id, {
      id,
      startSeq: this.seq,
      lastActive: this.realNow(),
      snapshot: new Map(),
      writes: new Map(),
      locks: new Set(),
      owner,
      doomed: null,
    });
    return id;
  }

  /** An open transaction started by this owner, if any. */
  openBy(owner: string): string | undefined {
    for (const tx of this.open.values()) if (tx.owner === owner) return tx.id;
    return undefined;
  }

  private get(id: unknown): Tx {
    const tx = typeof id === 'string' ? this.open.get(id) : undefined;
    if (!tx) {
      const how = typeof id === 'string' ? this.ended.get(id) : undefined;
      throw new CloudError(DbErrorCode.TRANSACTION_FAIL, how ? `transaction ${id} is already ${how}` : `transaction ${String(id)} does not exist`);
    }
    tx.lastActive = this.realNow();
    return tx;
  }

  /** The state a transaction reads: its snapshot plus its own writes. */
  view(id: unknown): View {
    const tx = this.get(id);
    const store = this.store;
    return {
      hasCollection: (coll) => store.hasCollection(coll),
      get(coll, key) {
        const own = tx.writes.get(coll);
        if (own?.has(key)) return own.get(key) ?? undefined;
        const pre = tx.snapshot.get(coll);
        if (pre?.has(key)) return pre.get(key) ?? undefined;
        return store.get(coll, key);
      },
      list(coll) {
        const own = tx.writes.get(coll);
        const pre = tx.snapshot.get(coll);
        const out: Entry[] = [];
        const seen = new Set<string>();
        const pick = (key: string, current: Entry | null) => {
          seen.add(key);
          let e = current;
          if (own?.has(key)) e = own.get(key) ?? null;
          else if (pre?.has(key)) e = pre.get(key) ?? null;
          if (e) out.push(e);
        };
        for (const [key, e] of store.keyed(coll)) pick(key, e);
        // Documents deleted since the snapshot, then the transaction's own inserts.
        if (pre) for (const key of pre.keys()) if (!seen.has(key)) pick(key, null);
        if (own) for (const key of own.keys()) if (!seen.has(key)) pick(key, null);
        return out;
      },
    };
  }

  /** Buffer a transaction's writes and lock their documents; a conflict fails the write (and dooms the transaction). */
  record(id: unknown, changes: Change[]): void {
    const tx = this.get(id);
    if (tx.doomed) throw conflict(tx.doomed);
    for (const c of changes) {
      const name = lockName(c.coll, c.key);
      const holder = this.locks.get(name);
      if (holder !== undefined && holder !== tx.id) {
        throw this.doom(tx, `document ${c.key} in ${c.coll} is being written by another transaction`);
      }
      if ((this.lastWrite.get(name) ?? 0) > tx.startSeq) {
        throw this.doom(tx, `document ${c.key} in ${c.coll} was changed after the transaction started`);
      }
    }
    for (const c of changes) {
      const name = lockName(c.coll, c.key);
      this.locks.set(name, tx.id);
      tx.locks.add(name);
      nested(tx.writes, c.coll).set(c.key, c.after);
    }
  }

  commit(id: unknown): void {
    const tx = this.get(id);
    let outcome = 'aborted';
    try {
      if (tx.doomed) throw conflict(tx.doomed);
      const changes: Change[] = [];
      for (const [coll, writes] of tx.writes) {
        for (const [key, after] of writes) {
          // Defensive: locks make this impossible except for admin writes, which bypass them.
          if ((this.lastWrite.get(lockName(coll, key)) ?? 0) > tx.startSeq) {
            throw conflict(`document ${key} in ${coll} was changed after the transaction started`);
          }
          const before = this.store.get(coll, key) ?? null;
          if (before === null && after === null) continue;
          if (before !== null && after !== null && before.text === after.text) continue;
          changes.push({ coll, key, before, after });
        }
      }
      this.open.delete(tx.id); // its own snapshot needs no pre-images of its own commit
      this.persist(changes);
      outcome = 'committed';
    } finally {
      this.finish(tx, outcome);
    }
  }

  abort(id: unknown): void {
    // Aborting an already aborted transaction (doomed, reaped, rolled back) is harmless.
    if (typeof id === 'string' && !this.open.has(id) && this.ended.get(id)?.startsWith('aborted')) return;
    this.finish(this.get(id), 'aborted');
  }

  /** The transaction holding a write lock on the document, if any. */
  lockHolder(coll: string, key: string): string | undefined {
    return this.locks.get(lockName(coll, key));
  }

  /** Resolves true when some lock is released, false after `ms`. */
  waitForRelease(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(t);
        resolve(true);
      };
      const t = setTimeout(() => {
        this.waiters.delete(wake);
        resolve(false);
      }, ms);
      this.waiters.add(wake);
    });
  }

  /** Commit changes to the store and keep every open transaction's snapshot intact. */
  persist(changes: Change[]): void {
    if (changes.length === 0) return;
    this.store.apply(changes);
    this.seq++;
    if (this.open.size === 0) return;
    for (const c of changes) {
      this.lastWrite.set(lockName(c.coll, c.key), this.seq);
      for (const tx of this.open.values()) {
        const pre = nested(tx.snapshot, c.coll);
        if (!pre.has(c.key)) pre.set(c.key, c.before);
      }
    }
  }

  private doom(tx: Tx, reason: string): CloudError {
    tx.doomed = reason;
    this.release(tx);
    return conflict(reason);
  }

  private finish(tx: Tx, how: string): void {
    this.open.delete(tx.id);
    this.ended.set(tx.id, how);
    if (this.ended.size > 1000) this.ended.delete(this.ended.keys().next().value as string);
    this.release(tx);
    if (this.open.size === 0) this.lastWrite.clear(); // nobody left to compare against
  }

  private release(tx: Tx): void {
    if (tx.locks.size === 0) return;
    for (const name of tx.locks) if (this.locks.get(name) === tx.id) this.locks.delete(name);
    tx.locks.clear();
    const waiters = this.waiters;
    this.waiters = new Set();
    for (const wake of waiters) wake();
  }

  private reapIdle(): void {
    const now = this.realNow();
    for (const tx of [...this.open.values()]) {
      if (now - tx.lastActive > this.opts.idleMs) this.finish(tx, 'aborted (idle for too long)');
    }
  }

  close(): void {
    clearInterval(this.timer);
    for (const tx of [...this.open.values()]) this.finish(tx, 'aborted (database closed)');
  }
}
