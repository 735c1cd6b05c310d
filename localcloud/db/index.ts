/**
 * The local cloud's database engine: serves the wire actions of wx-server-sdk's database layer
 * (spec §3.3) from one durable SQLite file. The HTTP server and the in-process SDK hook both call
 * `handle(action, params)`; seeding, dev pages and tests use `admin`.
 *
 * Open one engine per file: the engine keeps the committed documents in memory (SQLite stays the
 * source of truth at open), so a second engine on the same file would not see the first one's writes.
 */
import { randomBytes } from 'node:crypto';
import { CloudError, DbErrorCode } from '../errors';
import {
  ActionContext, Body, Params, Plan, aggregateDocuments, calculateDocument, getDocument, insertDocument,
  modifyDocument, planInsertDocs, removeDocument, requireCollection,
} from './actions';
import { Doc, cloneValue, decodeStored, encodeDoc, isPlainObject } from './ejson';
import { compileQuery, sortDocs, toCloudError } from './query';
import { Store, View } from './store';
import { Transactions } from './transactions';

export interface DatabaseEngine {
  /** One wire action ('database.insertDocument', ...) with the request body's params. Resolves to the response body WITHOUT requestId,
   *  exactly as the SDK expects it at top level, e.g. {data:{insertedIds:[...]}} or {transactionId:'...'} ; rejects with CloudError. */
  handle(action: string, params: Record<string, any>): Promise<Record<string, any>>;
  /** Direct access for seeding, dev pages and tests (plain JS docs in/out, Dates as Date). */
  admin: {
    createCollection(name: string): void; // idempotent
    insert(collection: string, docs: object[]): string[]; // creates the collection if missing; returns ids
    find(collection: string, query?: object, opts?: { sort?: object; limit?: number }): any[];
    collections(): string[];
    isEmpty(): boolean; // no documents at all
  };
  /**
   * For tests: just before the next `action` on `collection` is served, await `hook(params)`, e.g.
   * to stage what a concurrent request would do at that moment. If it returns a CloudError, the
   * request fails with it (as the cloud's own failures would) instead of being served.
   */
  interceptNext(action: string, collection: string, hook: (params: Record<string, any>) => unknown): void;
  /** number of handle() calls served so far (benchmarks count database requests) */
  readonly requestCount: number;
  close(): void;
}

export interface OpenDatabaseOptions {
  /** SQLite file path, or ':memory:'. */
  file: string;
  /** Controllable clock for serverDate / $currentDate; default Date.now. */
  now?: () => number;
  /** Real-time idle limit after which an open transaction is aborted (default 30 000 ms). */
  txIdleMs?: number;
  /** How long a plain write waits for a transaction's lock before failing with a conflict (default 5 000 ms). */
  lockWaitMs?: number;
  /** Result cap for aggregations without a $limit stage (default 20, as the cloud reportedly does). */
  aggregateDefaultLimit?: number;
}

/** Who sent a request: the invocation's token (empty for callers without one, e.g. a test using the SDK directly). */
const ownerOf = (p: Params): string => (typeof p.wxCloudApiToken === 'string' ? p.wxCloudApiToken : '');

export function openDatabase(opts: OpenDatabaseOptions): DatabaseEngine {
  return new Engine(opts);
}

const newId = () => randomBytes(16).toString('hex');

/**
 * Inside a transaction the cloud allows only single-document operations: doc().get/set/update/
 * remove and add (事务 guide: "在事务中不支持批量操作(where 语句),只支持单记录操作").
 */
const TX_SINGLE_ONLY =
  'a transaction allows only single-document operations (doc().get/set/update/remove and add of one document); where, count, aggregate and batch writes are not supported';

function refusedInTransaction(what: string): CloudError {
  return new CloudError(DbErrorCode.REQUEST_FAILED, `${what}: ${TX_SINGLE_ONLY}`);
}

interface Interception {
  action: string;
  collection: string;
  hook: (params: Record<string, any>) => unknown;
}

class Engine implements DatabaseEngine {
  private readonly store: Store;
  private readonly tx: Transactions;
  private readonly ctx: ActionContext;
  private readonly lockWaitMs: number;
  private served = 0;
  private closed = false;
  private interceptions: Interception[] = [];

  constructor(opts: OpenDatabaseOptions) {
    this.store = new Store(opts.file);
    this.tx = new Transactions(this.store, { idleMs: opts.txIdleMs ?? 30_000 });
    this.lockWaitMs = opts.lockWaitMs ?? 5_000;
    this.ctx = { now: opts.now ?? Date.now, newId, aggregateDefaultLimit: opts.aggregateDefaultLimit ?? 20 };
  }

  get requestCount(): number {
    return this.served;
  }

  interceptNext(action: string, collection: string, hook: (params: Record<string, any>) => unknown): void {
    this.interceptions.push({ action, collection, hook });
  }

  async handle(action: string, params: Record<string, any>): Promise<Record<string, any>> {
    this.served++;
    try {
      if (this.closed) throw new CloudError('SYS_ERR', 'database engine is closed');
      const at = this.interceptions.findIndex((i) => i.action === action && i.collection === params?.collectionName);
      if (at >= 0) {
        const [{ hook }] = this.interceptions.splice(at, 1);
        const failure = await hook(params);
        if (failure instanceof CloudError) throw failure;
      }
      return await this.dispatch(action, params ?? {});
    } catch (e) {
      if (e instanceof Error && e.name === 'SqliteError') throw new CloudError('SYS_ERR', e.message);
      throw toCloudError(e);
    }
  }

  private async dispatch(action: string, p: Params): Promise<Body> {
    // One instant per request: every serverDate / $currentDate in it gets the same time.
    const at = this.ctx.now();
    const ctx: ActionContext = { ...this.ctx, now: () => at };
    this.checkTransactionScope(action, p);
    switch (action) {
      case 'database.getDocument':
        return getDocument(this.viewFor(p), p, ctx);
      case 'database.calculateDocument':
        return calculateDocument(this.viewFor(p), p, ctx);
      case 'database.aggregateDocuments':
        return aggregateDocuments(this.viewFor(p), p, ctx);
      case 'database.insertDocument':
        return this.write(p, (v) => insertDocument(v, p, ctx));
      case 'database.modifyDocument':
        return this.write(p, (v) => modifyDocument(v, p, ctx));
      case 'database.removeDocument':
        return this.write(p, (v) => removeDocument(v, p, ctx));
      case 'database.addCollection': {
        const name = p.collectionName;
        if (typeof name !== 'string' || name === '') throw new CloudError(DbErrorCode.INVALID_PARAM, 'collectionName is required');
        if (!this.store.createCollection(name)) {
          throw new CloudError(DbErrorCode.COLLECTION_ALREADY_EXIST, `Table exist: collection ${name} already exists`);
        }
        return {};
      }
      case 'database.startTransaction':
        return { transactionId: this.tx.start(ownerOf(p)) };
      case 'database.commitTransaction':
        this.tx.commit(p.transactionId);
        return {};
      case 'database.abortTransaction':
        this.tx.abort(p.transactionId);
        return {};
      default:
        throw new CloudError(DbErrorCode.INVALID_PARAM, `unsupported database action: ${action}`);
    }
  }

  /**
   * Refuses what a transaction may not do. With a transactionId: anything but a single-document
   * operation. Without one: the SDK sends where().update/remove, count and aggregate of
   * `t.collection(...)` WITHOUT the transaction's id, so they would silently run outside it and
   * survive a rollback; we refuse them while the same invocation (its wxCloudApiToken) has a
   * transaction open. Stricter than the cloud, which runs them outside the transaction.
   */
  private checkTransactionScope(action: string, p: Params): void {
    const single = p.queryType === 'DOC';
    if (this.hasTx(p)) {
      if (action === 'database.getDocument' && !single) throw refusedInTransaction('where().get() in a transaction');
      if ((action === 'database.modifyDocument' || action === 'database.removeDocument') && !single) {
        throw refusedInTransaction('where().update()/remove() in a transaction');
      }
      if (action === 'database.insertDocument' && Array.isArray(p.data) && p.data.length > 1) {
        throw refusedInTransaction('add() of several documents in a transaction');
      }
      return;
    }
    const batch =
      action === 'database.calculateDocument' ||
      action === 'database.aggregateDocuments' ||
      ((action === 'database.modifyDocument' || action === 'database.removeDocument') && !single);
    if (!batch) return;
    const open = this.tx.openBy(ownerOf(p));
    if (open) {
      const what = action === 'database.calculateDocument' ? 'count()' : action === 'database.aggregateDocuments' ? 'aggregate()' : 'where().update()/remove()';
      throw refusedInTransaction(`${what} while transaction ${open} is open (it would run outside the transaction)`);
    }
  }

  private hasTx(p: Params): boolean {
    return p.transactionId !== undefined && p.transactionId !== null && p.transactionId !== '';
  }

  private viewFor(p: Params): View {
    return this.hasTx(p) ? this.tx.view(p.transactionId) : this.store;
  }

  private async write(p: Params, plan: (view: View) => Plan): Promise<Body> {
    if (this.hasTx(p)) {
      const planned = plan(this.tx.view(p.transactionId));
      this.tx.record(p.transactionId, planned.changes);
      if (planned.error) throw planned.error;
      return planned.result;
    }
    return this.plainWrite(plan);
  }

  /**
   * A write outside any transaction. Planning and committing are synchronous (no request can
   * interleave), so conditional updates are atomic. If a matched document is locked by an open
   * transaction we wait for a release and re-plan from scratch, failing with a conflict after
   * lockWaitMs.
   */
  private async plainWrite(plan: (view: View) => Plan): Promise<Body> {
    const deadline = Date.now() + this.lockWaitMs;
    for (;;) {
      if (this.closed) throw new CloudError('SYS_ERR', 'database engine is closed');
      const planned = plan(this.store);
      const locked = planned.changes.find((c) => this.tx.lockHolder(c.coll, c.key) !== undefined);
      if (!locked) {
        this.tx.persist(planned.changes);
        if (planned.error) throw planned.error;
        return planned.result;
      }
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new CloudError(DbErrorCode.TRANSACTION_CONFLICT, `document ${locked.key} in ${locked.coll} is locked by a transaction`);
      }
      await this.tx.waitForRelease(left);
    }
  }

  readonly admin: DatabaseEngine['admin'] = {
    createCollection: (name) => {
      this.store.createCollection(name);
    },
    insert: (collection, docs) => {
      this.store.createCollection(collection);
      // Round-trip through EJSON: strips undefined, normalises regexes, exactly as a wire insert would store it.
      const plain = docs.map((d) => decodeStored(encodeDoc(d)));
      const planned = planInsertDocs(this.store, requireCollection(this.store, collection), plain, this.ctx);
      if (planned.error) throw planned.error; // seeding is all or nothing
      this.tx.persist(planned.changes);
      const ids = (planned.result.data as { insertedIds: unknown[] }).insertedIds;
      return ids.map((id) => (typeof id === 'string' ? id : String(id)));
    },
    find: (collection, query, opts) => {
      if (!this.store.hasCollection(collection)) return [];
      const test = compileQuery(query);
      let docs: Doc[] = this.store.list(collection).map((e) => e.obj).filter(test);
      if (opts?.sort && isPlainObject(opts.sort)) docs = sortDocs(docs, opts.sort as Record<string, 1 | -1>);
      if (opts?.limit !== undefined && opts.limit > 0) docs = docs.slice(0, opts.limit);
      return docs.map((d) => cloneValue(d));
    },
    collections: () => this.store.collections().sort(),
    isEmpty: () => this.store.isEmpty(),
  };

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.tx.close();
    this.store.close();
  }
}

export { CloudError } from '../errors';
