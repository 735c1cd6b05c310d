/**
 * Transactions through the real SDK: runTransaction commit/rollback/retry, startTransaction,
 * snapshot reads, write locks against plain writes, idle abort, and atomic conditional updates.
 */
import { DatabaseEngine } from '../../localcloud/db';
import { database, rejection, routeTo, useEngine } from './db-sdk-harness';

let engine: DatabaseEngine;
let db: any;
let _: any;
const calls: Record<string, number> = {};

/** Route the SDK through a counter so tests can see how many transactions were started. */
function countingRoute(e: DatabaseEngine): void {
  routeTo({
    handle: (action: string, params: Record<string, any>) => {
      calls[action] = (calls[action] ?? 0) + 1;
      return e.handle(action, params);
    },
  } as DatabaseEngine);
}

beforeAll(() => {
  engine = useEngine();
  countingRoute(engine);
  db = database();
  _ = db.command;
  engine.admin.createCollection('acc');
});
afterAll(() => engine.close());
beforeEach(() => {
  for (const k of Object.keys(calls)) delete calls[k];
});

const value = (id: string) => engine.admin.find('acc', { _id: id })[0];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('runTransaction', () => {
  test('commits every kind of write and resolves with the callback value', async () => {
    engine.admin.insert('acc', [{ _id: 'a', n: 1 }, { _id: 'c', gone: true }]);
    const out = await db.runTransaction(async (t: any) => {
      const got = await t.collection('acc').doc('a').get();
      const upd = await t.collection('acc').doc('a').update({ data: { n: _.inc(1) } });
      const set = await t.collection('acc').doc('b').set({ data: { z: 1 } });
      const add = await t.collection('acc').add({ data: { _id: 'y', y: 1 } });
      const rem = await t.collection('acc').doc('c').remove();
      // reads inside see the transaction's own writes
      const again = await t.collection('acc').doc('a').get();
      const mine = await t.collection('acc').where({ y: 1 }).get();
      expect(value('a').n).toBe(1); // nothing visible outside before commit
      return { got, upd, set, add, rem, again: again.data.n, mine: mine.data.map((d: any) => d._id) };
    });
    expect(out.got).toEqual({ data: { _id: 'a', n: 1 }, errMsg: 'document.get:ok' });
    expect(out.upd).toEqual({ stats: { updated: 1 }, errMsg: 'document.update:ok' });
    expect(out.set).toEqual({ _id: 'b', errMsg: 'document.set:ok', stats: { updated: 0, created: 0 } }); // SDK quirk in tx
    expect(out.add._id).toBe('y');
    expect(out.rem).toEqual({ stats: { removed: 1 }, errMsg: 'document.remove:ok' });
    expect(out.again).toBe(2);
    expect(out.mine).toEqual(['y']);
    expect(value('a').n).toBe(2);
    expect(value('b')).toEqual({ _id: 'b', z: 1 });
    expect(value('y')).toEqual({ _id: 'y', y: 1 });
    expect(value('c')).toBeUndefined();
    expect(calls['database.commitTransaction']).toBe(1);
  });

  test('t.rollback(reason) rejects with the raw reason and discards the writes', async () => {
    engine.admin.insert('acc', [{ _id: 'r', n: 1 }]);
    const err = await rejection(db.runTransaction(async (t: any) => {
      await t.collection('acc').doc('r').update({ data: { n: 99 } });
      await t.collection('acc').add({ data: { _id: 'r2' } });
      await t.rollback('custom-reason');
    }));
    expect(err).toBe('custom-reason');
    expect(value('r').n).toBe(1);
    expect(value('r2')).toBeUndefined();
    expect(calls['database.abortTransaction']).toBe(1);
  });

  test('an error thrown in the callback aborts and is rethrown', async () => {
    engine.admin.insert('acc', [{ _id: 'e', n: 1 }]);
    const boom = new Error('boom');
    const err = await rejection(db.runTransaction(async (t: any) => {
      await t.collection('acc').doc('e').update({ data: { n: 2 } });
      throw boom;
    }));
    expect(err).toBe(boom);
    expect(value('e').n).toBe(1);
    // the lock was released: a plain write goes straight through
    await db.collection('acc').doc('e').update({ data: { n: 3 } });
    expect(value('e').n).toBe(3);
  });

  test('two concurrent read-modify-write transactions on one counter: one retries, both land exactly once', async () => {
    engine.admin.insert('acc', [{ _id: 'counter', v: 0 }]);
    const bump = () => db.runTransaction(async (t: any) => {
      const { data } = await t.collection('acc').doc('counter').get();
      await t.collection('acc').doc('counter').update({ data: { v: data.v + 1 } });
      return data.v + 1;
    });
    const results = await Promise.all([bump(), bump()]);
    expect(results.sort()).toEqual([1, 2]);
    expect(value('counter').v).toBe(2);
    expect(calls['database.startTransaction']).toBe(3); // the loser ran twice
    expect(calls['database.commitTransaction']).toBe(3); // 2 commits + 1 conflicting commit
  });

  test('five concurrent transactions all land (retries cover repeated conflicts)', async () => {
    engine.admin.insert('acc', [{ _id: 'counter5', v: 0 }]);
    const bump = () => db.runTransaction(async (t: any) => {
      const { data } = await t.collection('acc').doc('counter5').get();
      await t.collection('acc').doc('counter5').update({ data: { v: data.v + 1 } });
    }, 10);
    await Promise.all(Array.from({ length: 5 }, bump));
    expect(value('counter5').v).toBe(5);
  });

  test('where().update inside a transaction runs outside it (as the SDK sends it) and survives a rollback', async () => {
    engine.admin.insert('acc', [{ _id: 'w', tag: 'w', b: 0 }]);
    const err = await rejection(db.runTransaction(async (t: any) => {
      const g = await t.collection('acc').where({ tag: 'w' }).get();
      expect(g.data).toHaveLength(1);
      await t.collection('acc').where({ tag: 'w' }).update({ data: { b: 1 } });
      await t.rollback('no');
    }));
    expect(err).toBe('no');
    expect(value('w').b).toBe(1);
  });
});

describe('startTransaction', () => {
  test('commit resolves {requestId}; reads are a snapshot taken at start plus own writes', async () => {
    engine.admin.insert('acc', [{ _id: 's1', v: 0 }, { _id: 's2', v: 0 }]);
    const t = await db.startTransaction();
    expect((await t.collection('acc').doc('s1').get()).data.v).toBe(0);

    await db.collection('acc').doc('s1').update({ data: { v: 5 } }); // plain write, s1 is not locked
    await db.collection('acc').add({ data: { _id: 's3', v: 0 } });
    await db.collection('acc').doc('s2').remove();

    expect((await t.collection('acc').doc('s1').get()).data.v).toBe(0);
    const seen = await t.collection('acc').where({ _id: _.in(['s1', 's2', 's3']) }).get();
    expect(seen.data.map((d: any) => [d._id, d.v]).sort()).toEqual([['s1', 0], ['s2', 0]]);

    const res = await t.commit();
    expect(Object.keys(res)).toEqual(['requestId']);
  });

  test('writing a document changed after the transaction started fails at commit with the conflict code', async () => {
    engine.admin.insert('acc', [{ _id: 'cc', v: 0 }]);
    const t = await db.startTransaction();
    await db.collection('acc').doc('cc').update({ data: { v: 1 } });
    await t.collection('acc').doc('cc').update({ data: { v: 100 } });
    const err = await rejection(t.commit());
    expect(err.code).toBe('DATABASE_TRANSACTION_CONFLICT');
    expect(value('cc').v).toBe(1);
  });

  test('a second transaction writing a locked document is the one that fails', async () => {
    engine.admin.insert('acc', [{ _id: 'lk', v: 0 }]);
    const t1 = await db.startTransaction();
    const t2 = await db.startTransaction();
    await t1.collection('acc').doc('lk').update({ data: { v: 1 } });
    await t2.collection('acc').doc('lk').update({ data: { v: 2 } });
    expect((await rejection(t2.commit())).code).toBe('DATABASE_TRANSACTION_CONFLICT');
    await t1.commit();
    expect(value('lk').v).toBe(1);
  });

  test('a plain write to a locked document waits for the commit, then applies on top', async () => {
    engine.admin.insert('acc', [{ _id: 'pw', v: 0 }]);
    const t = await db.startTransaction();
    await t.collection('acc').doc('pw').update({ data: { v: 10 } });
    let done = false;
    const plain = db.collection('acc').doc('pw').update({ data: { v: _.inc(1) } }).then((r: any) => {
      done = true;
      return r;
    });
    await sleep(50);
    expect(done).toBe(false);
    await t.commit();
    expect((await plain).stats.updated).toBe(1);
    expect(value('pw').v).toBe(11);
  });

  test('rollback resolves {requestId}; unknown or finished transactions are refused', async () => {
    const t = await db.startTransaction();
    expect(Object.keys(await t.rollback())).toEqual(['requestId']);
    expect((await rejection(t.commit())).code).toBe('DATABASE_TRANSACTION_FAIL');
    await expect(engine.handle('database.commitTransaction', { transactionId: 'nope' })).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_FAIL' });
    await expect(engine.handle('database.getDocument', { collectionName: 'acc', transactionId: 'nope', queryType: 'DOC', query: '{"_id":"a"}' }))
      .rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_FAIL' });
  });
});

describe('timeouts', () => {
  test('a plain write gives up with a conflict after lockWaitMs; an idle transaction is aborted', async () => {
    const e2 = useEngine({ lockWaitMs: 100, txIdleMs: 300 });
    try {
      e2.admin.insert('acc', [{ _id: 'x', v: 0 }]);
      const db2 = database();
      const t = await db2.startTransaction();
      await t.collection('acc').doc('x').update({ data: { v: 1 } });

      const started = Date.now();
      const err = await rejection(db2.collection('acc').doc('x').update({ data: { v: 2 } }));
      expect(Date.now() - started).toBeGreaterThanOrEqual(90);
      expect(err.errCode).toBe(-501001); // DATABASE_TRANSACTION_CONFLICT has no numeric mapping in the SDK

      await sleep(700); // > txIdleMs: reaped, lock released
      expect((await rejection(t.commit())).code).toBe('DATABASE_TRANSACTION_FAIL');
      await db2.collection('acc').doc('x').update({ data: { v: 3 } });
      expect(e2.admin.find('acc', { _id: 'x' })[0].v).toBe(3);
    } finally {
      e2.close();
      countingRoute(engine);
    }
  });
});

describe('atomic conditional updates', () => {
  test('50 parallel where({_id, left > 0}).update(left - 1) on left=10: exactly 10 succeed', async () => {
    engine.admin.insert('acc', [{ _id: 'seat', left: 10 }]);
    const results = await Promise.all(
      Array.from({ length: 50 }, () => db.collection('acc').where({ _id: 'seat', left: _.gt(0) }).update({ data: { left: _.inc(-1) } })),
    );
    const updated = results.map((r: any) => r.stats.updated);
    expect(updated.filter((n: number) => n === 1)).toHaveLength(10);
    expect(updated.filter((n: number) => n === 0)).toHaveLength(40);
    expect(value('seat').left).toBe(0);
  });
});
