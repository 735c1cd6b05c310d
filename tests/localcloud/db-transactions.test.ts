/**
 * Transactions through the real SDK: runTransaction commit/rollback, startTransaction, snapshot
 * reads, write locks (a conflicting write fails at once; a plain write waits), what a transaction
 * may not do, idle abort, and atomic conditional updates.
 *
 * The cloud's rules followed here are in 事务 (微信开放文档, 云开发 › 数据库 › 事务),
 * https://developers.weixin.qq.com/miniprogram/dev/wxcloud/guide/database/transaction.html :
 * snapshot isolation; "如果对象上存在事务锁，那么：1. 其它事务的写入会直接失败；2. 普通的更新操作会被阻塞";
 * "在事务中不支持批量操作(where 语句)，只支持单记录操作(collection.doc, collection.add)".
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
      const mine = await t.collection('acc').doc('y').get();
      expect(value('a').n).toBe(1); // nothing visible outside before commit
      return { got, upd, set, add, rem, again: again.data.n, mine: mine.data };
    });
    expect(out.got).toEqual({ data: { _id: 'a', n: 1 }, errMsg: 'document.get:ok' });
    expect(out.upd).toEqual({ stats: { updated: 1 }, errMsg: 'document.update:ok' });
    expect(out.set).toEqual({ _id: 'b', errMsg: 'document.set:ok', stats: { updated: 0, created: 0 } }); // SDK quirk in tx
    expect(out.add._id).toBe('y');
    expect(out.rem).toEqual({ stats: { removed: 1 }, errMsg: 'document.remove:ok' });
    expect(out.again).toBe(2);
    expect(out.mine).toEqual({ _id: 'y', y: 1 });
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

  // 事务 guide: a write to a document another transaction has locked "会直接失败". The SDK wraps that
  // failure into a plain Error without `code` (errCode -501001: DATABASE_TRANSACTION_CONFLICT has no
  // number in its table), and runTransaction retries only errors whose `code` is the conflict: so the
  // loser is NOT retried by the SDK, and only the message text says it was a conflict.
  test('two concurrent read-modify-write transactions on one counter: the second writer fails at once and the SDK does not retry it', async () => {
    engine.admin.insert('acc', [{ _id: 'counter', v: 0 }]);
    const bump = () => db.runTransaction(async (t: any) => {
      const { data } = await t.collection('acc').doc('counter').get();
      await t.collection('acc').doc('counter').update({ data: { v: data.v + 1 } });
      return data.v + 1;
    });
    const results = await Promise.allSettled([bump(), bump()]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0].reason.errCode).toBe(-501001);
    expect(lost[0].reason.errMsg).toMatch(/^document\.update:fail -501001 resource system error\. database transaction conflict: /);
    expect(lost[0].reason.code).toBeUndefined();
    expect(value('counter').v).toBe(1);
    expect(calls['database.startTransaction']).toBe(2); // no retry
    expect(calls['database.abortTransaction']).toBe(1); // the SDK rolled the loser back
  });

  test('t.collection().where().get() is refused with -502001', async () => {
    engine.admin.insert('acc', [{ _id: 'wg', tag: 'wg' }]);
    const err = await rejection(db.runTransaction(async (t: any) => {
      await t.collection('acc').where({ tag: 'wg' }).get();
    }));
    expect(err.errCode).toBe(-502001);
    expect(err.errMsg).toMatch(/^collection\.get:fail -502001 database request fail\. where\(\)\.get\(\) in a transaction: a transaction allows only single-document operations/);
  });

  // The SDK sends these WITHOUT the transaction's id (spec §2.6), so the cloud runs them outside the
  // transaction and a rollback leaves them in place. We refuse them while the invocation has a
  // transaction open, so such code fails here instead of half-working in production.
  test('where().update, where().remove, count and aggregate are refused while the caller has a transaction open, and change nothing', async () => {
    engine.admin.insert('acc', [{ _id: 'w', tag: 'w', b: 0 }]);
    const refused: any[] = [];
    const err = await rejection(db.runTransaction(async (t: any) => {
      refused.push(await rejection(t.collection('acc').where({ tag: 'w' }).update({ data: { b: 1 } })));
      refused.push(await rejection(t.collection('acc').where({ tag: 'w' }).remove()));
      refused.push(await rejection(t.collection('acc').where({ tag: 'w' }).count()));
      refused.push(await rejection(t.collection('acc').aggregate().match({ tag: 'w' }).end()));
      refused.push(await rejection(db.collection('acc').where({ tag: 'w' }).update({ data: { b: 2 } }))); // same invocation, same wire request
      // Another invocation (another wxCloudApiToken) is not held up by this one's transaction.
      const other = await engine.handle('database.modifyDocument', {
        collectionName: 'acc', queryType: 'WHERE', query: '{"tag":"w"}', data: '{"$set":{"other":1}}', multi: true, merge: true, upsert: false,
        wxCloudApiToken: 'another-invocation',
      });
      expect(other).toEqual({ data: { updated: 1 } });
      await t.rollback('no');
    }));
    expect(err).toBe('no');
    // aggregate().end() skips the SDK's code mapping: its errors carry errCode -1 and the raw message.
    expect(refused.map((e) => e.errCode)).toEqual([-502001, -502001, -502001, -1, -502001]);
    expect(refused[0].errMsg).toMatch(/^collection\.update:fail -502001 database request fail\. where\(\)\.update\(\)\/remove\(\) while transaction \w+ is open/);
    expect(refused[2].errMsg).toMatch(/count\(\) while transaction/);
    expect(refused[3].errMsg).toMatch(/^collection\.aggregate:fail aggregate\(\) while transaction/);
    expect(value('w')).toEqual({ _id: 'w', tag: 'w', b: 0, other: 1 });
    // Once the transaction is over the same update runs.
    expect((await db.collection('acc').where({ tag: 'w' }).update({ data: { b: 3 } })).stats.updated).toBe(1);
  });

  test('add() of several documents in a transaction is refused; add() of one is fine', async () => {
    const err = await rejection(db.runTransaction(async (t: any) => {
      await t.collection('acc').add({ data: { _id: 'one' } });
      await t.collection('acc').add({ data: [{ _id: 'two' }, { _id: 'three' }] });
    }));
    expect(err.errCode).toBe(-502001);
    expect(err.errMsg).toMatch(/add\(\) of several documents in a transaction/);
    expect(engine.admin.find('acc', { _id: { $in: ['one', 'two', 'three'] } })).toEqual([]);
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
    expect((await t.collection('acc').doc('s2').get()).data).toEqual({ _id: 's2', v: 0 }); // removed since, still in the snapshot
    expect((await rejection(t.collection('acc').doc('s3').get())).errMsg).toMatch(/s3 does not exist/); // added since: not in it

    const res = await t.commit();
    expect(Object.keys(res)).toEqual(['requestId']);
  });

  test('writing a document changed after the transaction started fails at the write; the commit fails with the conflict code', async () => {
    engine.admin.insert('acc', [{ _id: 'cc', v: 0 }]);
    const t = await db.startTransaction();
    await db.collection('acc').doc('cc').update({ data: { v: 1 } });
    const err = await rejection(t.collection('acc').doc('cc').update({ data: { v: 100 } }));
    expect(err.errCode).toBe(-501001);
    expect(err.errMsg).toMatch(/database transaction conflict: document cc in acc was changed after the transaction started/);
    expect((await rejection(t.commit())).code).toBe('DATABASE_TRANSACTION_CONFLICT');
    expect(value('cc').v).toBe(1);
  });

  test('a second transaction writing a locked document fails at once; the first commits', async () => {
    engine.admin.insert('acc', [{ _id: 'lk', v: 0 }, { _id: 'lk2', v: 0 }]);
    const t1 = await db.startTransaction();
    const t2 = await db.startTransaction();
    await t2.collection('acc').doc('lk2').update({ data: { v: 2 } });
    await t1.collection('acc').doc('lk').update({ data: { v: 1 } });
    const err = await rejection(t2.collection('acc').doc('lk').update({ data: { v: 2 } }));
    expect(err.errMsg).toMatch(/database transaction conflict: document lk in acc is being written by another transaction/);
    // The loser is doomed: its locks are gone at once (a plain write to lk2 does not wait), and it cannot commit.
    await db.collection('acc').doc('lk2').update({ data: { v: 5 } });
    expect((await rejection(t2.collection('acc').doc('lk2').update({ data: { v: 6 } }))).errMsg).toMatch(/database transaction conflict/);
    expect((await rejection(t2.commit())).code).toBe('DATABASE_TRANSACTION_CONFLICT');
    await t1.commit();
    expect(value('lk').v).toBe(1);
    expect(value('lk2').v).toBe(5);
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
