/**
 * Result and error shapes as the real wx-server-sdk hands them to user code (spec §2.2, §4.2 and
 * the `### name => OK/THROW` blocks of the wire capture), with the engine behind the SDK.
 */
import { DatabaseEngine } from '../../localcloud/db';
import { database, rejection, useEngine } from './db-sdk-harness';

const HEX32 = /^[0-9a-f]{32}$/;
const NOT_EXIST =
  '[ResourceNotFound] Db or Table not exist. Please check your request, but if the problem cannot be solved, contact us.';

let engine: DatabaseEngine;
let db: any;
let _: any;
const NOW = Date.UTC(2026, 10, 25, 8, 0, 0);

beforeAll(() => {
  engine = useEngine({ now: () => NOW });
  db = database();
  _ = db.command;
});
afterAll(() => engine.close());

describe('collection.add', () => {
  beforeAll(() => engine.admin.createCollection('todos'));

  test('single add resolves {_id, errMsg}; the document keeps Date, Point, serverDate and RegExp', async () => {
    const res = await db.collection('todos').add({
      data: { title: 'x', due: new Date(0), loc: db.Geo.Point(113, 23), at: db.serverDate({ offset: 1000 }), re: /^a/i },
    });
    expect(Object.keys(res).sort()).toEqual(['_id', 'errMsg']);
    expect(res._id).toMatch(HEX32);
    expect(res.errMsg).toBe('collection.add:ok');

    const got = await db.collection('todos').doc(res._id).get();
    expect(got.errMsg).toBe('document.get:ok');
    expect(got.data.title).toBe('x');
    expect(got.data.due).toEqual(new Date(0));
    expect(got.data.at).toEqual(new Date(NOW + 1000));
    expect(got.data.loc.constructor.name).toBe('Point');
    expect([got.data.loc.longitude, got.data.loc.latitude]).toEqual([113, 23]);
    // Stored as a real regex: the raw document reads back as a RegExp.
    expect(engine.admin.find('todos', { _id: res._id })[0].re).toEqual(/^a/i);
  });

  test('batch add resolves {_ids, errMsg} with one id per document', async () => {
    const res = await db.collection('todos').add({ data: [{ a: 1 }, { a: 2 }] });
    expect(Object.keys(res).sort()).toEqual(['_ids', 'errMsg']);
    expect(res._ids).toHaveLength(2);
    res._ids.forEach((id: string) => expect(id).toMatch(HEX32));
    expect(res.errMsg).toBe('collection.add:ok');
  });

  test('add with an explicit _id keeps it; a duplicate _id fails with -502001', async () => {
    expect(await db.collection('todos').add({ data: { _id: 'fixed', v: 1 } })).toEqual({ _id: 'fixed', errMsg: 'collection.add:ok' });
    const err = await rejection(db.collection('todos').add({ data: { _id: 'fixed', v: 2 } }));
    expect(err).toBeInstanceOf(Error);
    expect(err.errCode).toBe(-502001);
    expect(err.errMsg).toMatch(/^collection\.add:fail -502001 database request fail\. E11000 duplicate key/);
    expect(engine.admin.find('todos', { _id: 'fixed' })).toEqual([{ _id: 'fixed', v: 1 }]);
  });

  // 云开发 documents adding several records at once ("插入多条数据", server SDK only:
  // 插入数据, https://docs.cloudbase.net/database/insert ; HTTP API 批量插入文档,
  // https://docs.cloudbase.net/http-api/nosql/insert-documents, answers "插入成功的文档 ID 列表") but
  // never promises all-or-nothing. The database is MongoDB, whose insertMany is ordered by default:
  // the documents before the failing one stay inserted and nothing after it is tried
  // (db.collection.insertMany(), https://www.mongodb.com/docs/manual/reference/method/db.collection.insertMany/).
  test('a batch with a duplicate keeps the documents before it and stops there, failing with the duplicate key', async () => {
    const err = await rejection(db.collection('todos').add({ data: [{ _id: 'n1' }, { _id: 'n2' }, { _id: 'fixed' }, { _id: 'n3' }] }));
    expect(err.errCode).toBe(-502001);
    expect(err.errMsg).toMatch(/E11000 duplicate key error collection: todos index: _id_ dup key: \{ _id: "fixed" \}/);
    expect(engine.admin.find('todos', { _id: { $in: ['n1', 'n2', 'n3'] } }).map((d) => d._id)).toEqual(['n1', 'n2']);
    expect(engine.admin.find('todos', { _id: 'fixed' })).toEqual([{ _id: 'fixed', v: 1 }]);
  });

  test('a batch repeating an _id of its own stops at the repeat; a malformed document refuses the whole batch', async () => {
    const err = await rejection(db.collection('todos').add({ data: [{ _id: 'r1' }, { _id: 'r1', again: true }, { _id: 'r2' }] }));
    expect(err.errMsg).toMatch(/duplicate key.*"r1"/);
    expect(engine.admin.find('todos', { _id: { $in: ['r1', 'r2'] } })).toEqual([{ _id: 'r1' }]);
    await rejection(db.collection('todos').add({ data: [{ _id: 'm1' }, { $bad: 1 }] }));
    expect(engine.admin.find('todos', { _id: 'm1' })).toEqual([]);
  });
});

describe('document get/update/set/remove', () => {
  beforeEach(() => {
    engine.admin.createCollection('docs');
    engine.admin.insert('docs', [{ _id: 'a', n: 1, d: new Date(0), p: { type: 'Point', coordinates: [113, 23] }, x: 'hidden' }]);
  });
  afterEach(async () => {
    await db.collection('docs').where({ _id: _.exists(true) }).remove();
  });

  test('doc.get resolves {data, errMsg} like the capture', async () => {
    const res = await db.collection('docs').doc('a').get();
    expect(Object.keys(res).sort()).toEqual(['data', 'errMsg']);
    expect(res.errMsg).toBe('document.get:ok');
    expect(res.data).toMatchObject({ _id: 'a', n: 1, d: new Date(0), x: 'hidden' });
    expect(res.data.p.constructor.name).toBe('Point');
  });

  test('doc.field().get() applies the projection', async () => {
    const res = await db.collection('docs').doc('a').field({ n: true }).get();
    expect(res.data).toEqual({ _id: 'a', n: 1 });
  });

  test('missing document: -1 "does not exist" error, or data:null with throwOnNotFound:false', async () => {
    const err = await rejection(db.collection('docs').doc('zzz').get());
    expect(err).toBeInstanceOf(Error);
    expect(err.errCode).toBe(-1);
    expect(err.errMsg).toBe('document.get:fail document with _id zzz does not exist');
    expect(Object.keys(err)).toEqual(['errCode', 'errMsg']);

    const lenient = database({ throwOnNotFound: false });
    expect(await lenient.collection('docs').doc('zzz').get()).toEqual({ data: null, errMsg: 'document.get:ok' });
  });

  test('doc.update resolves {stats:{updated}, errMsg}; 0 when nothing matched or nothing changed', async () => {
    expect(await db.collection('docs').doc('a').update({ data: { n: _.inc(1) } })).toEqual({
      stats: { updated: 1 },
      errMsg: 'document.update:ok',
    });
    expect(await db.collection('docs').doc('zzz').update({ data: { n: 1 } })).toEqual({ stats: { updated: 0 }, errMsg: 'document.update:ok' });
    expect(await db.collection('docs').doc('a').update({ data: { n: 2 } })).toEqual({ stats: { updated: 0 }, errMsg: 'document.update:ok' });
  });

  test('doc.set replaces the document: updated:1 created:0 when it exists, updated:0 created:1 when not', async () => {
    expect(await db.collection('docs').doc('a').set({ data: { a: 1, nested: { b: 2 } } })).toEqual({
      _id: 'a',
      errMsg: 'document.set:ok',
      stats: { updated: 1, created: 0 },
    });
    expect(engine.admin.find('docs', { _id: 'a' })).toEqual([{ _id: 'a', a: 1, nested: { b: 2 } }]);

    expect(await db.collection('docs').doc('new').set({ data: { z: 1 } })).toEqual({
      _id: 'new',
      errMsg: 'document.set:ok',
      stats: { updated: 0, created: 1 },
    });
    expect(engine.admin.find('docs', { _id: 'new' })).toEqual([{ _id: 'new', z: 1 }]);
  });

  test('doc.remove resolves {stats:{removed}, errMsg}', async () => {
    expect(await db.collection('docs').doc('a').remove()).toEqual({ stats: { removed: 1 }, errMsg: 'document.remove:ok' });
    expect(await db.collection('docs').doc('a').remove()).toEqual({ stats: { removed: 0 }, errMsg: 'document.remove:ok' });
  });

  test('client-side validation errors of the SDK still surface unchanged', async () => {
    const empty = await rejection(db.collection('docs').doc('a').update({ data: {} }));
    expect(empty.errMsg).toBe('options.data must not be empty');
    const idUpdate = await rejection(db.collection('docs').doc('a').update({ data: { _id: 'b' } }));
    expect(idUpdate.errCode).toBe(-501007);
    const setOp = await rejection(db.collection('docs').doc('a').set({ data: { n: _.inc(1) } }));
    expect(setOp.errMsg).toBe('document.set:fail -502001 database request fail. update operator complicit');
  });
});

describe('query-level calls', () => {
  beforeAll(() => {
    engine.admin.createCollection('q');
    engine.admin.insert('q', [
      { _id: '1', a: 1, b: 1 },
      { _id: '2', a: 1, b: 2 },
      { _id: '3', a: 2, b: 3 },
    ]);
  });

  test('where().get() and collection.get() resolve {data:[...], errMsg} (no total/limit/offset)', async () => {
    const res = await db.collection('q').where({ a: 1 }).get();
    expect(Object.keys(res).sort()).toEqual(['data', 'errMsg']);
    expect(res.errMsg).toBe('collection.get:ok');
    expect(res.data.map((d: any) => d._id)).toEqual(['1', '2']);
    expect((await db.collection('q').get()).data).toHaveLength(3);
  });

  test('count resolves {total, errMsg}', async () => {
    expect(await db.collection('q').where({ a: 1 }).count()).toEqual({ total: 2, errMsg: 'collection.count:ok' });
    expect(await db.collection('q').count()).toEqual({ total: 3, errMsg: 'collection.count:ok' });
  });

  test('where().update() is multi by default; {multi:false} touches one document', async () => {
    expect(await db.collection('q').where({ a: 1 }).update({ data: { c: 1 } })).toEqual({
      stats: { updated: 2 },
      errMsg: 'collection.update:ok',
    });
    // wx-server-sdk does not expose options({multiple}); send the capture's multi:false request directly.
    const res = await engine.handle('database.modifyDocument', {
      collectionName: 'q', queryType: 'WHERE', multi: false, merge: true, upsert: false,
      data: '{"$set":{"c":{"$numberInt":"2"}}}', query: '{"a":{"$numberInt":"1"}}',
    });
    expect(res).toEqual({ data: { updated: 1 } });
    expect(engine.admin.find('q', { c: 2 })).toHaveLength(1);
  });

  test('where().remove() and collection-wide remove resolve {stats:{removed}, errMsg}', async () => {
    engine.admin.createCollection('r');
    engine.admin.insert('r', [{ k: 1 }, { k: 1 }, { k: 2 }]);
    expect(await db.collection('r').where({ k: 1 }).remove()).toEqual({ stats: { removed: 2 }, errMsg: 'collection.remove:ok' });
    expect(await db.collection('r').where({}).remove()).toEqual({ stats: { removed: 1 }, errMsg: 'collection.remove:ok' });
    // collection.remove() with no where sends query '' (all documents)
    engine.admin.insert('r', [{ k: 3 }, { k: 4 }]);
    const raw = await engine.handle('database.removeDocument', { collectionName: 'r', query: '', queryType: 'WHERE', multi: true });
    expect(raw).toEqual({ data: { deleted: 2 } });
  });

  test('aggregate().end() resolves {list, errMsg}', async () => {
    const $ = _.aggregate;
    const res = await db.collection('q').aggregate().match({ a: _.gte(1) }).group({ _id: null, c: $.sum(1) }).end();
    expect(res).toEqual({ list: [{ _id: null, c: 3 }], errMsg: 'collection.aggregate:ok' });
  });

  test('createCollection resolves {errMsg, requestId}; creating it again fails', async () => {
    const res = await db.createCollection('brand-new');
    expect(res.errMsg).toBe('createCollection:ok');
    expect(typeof res.requestId).toBe('string');
    expect(engine.admin.collections()).toContain('brand-new');
    const again = await rejection(db.createCollection('brand-new'));
    expect(again.errMsg).toMatch(/^createCollection:fail/);
  });
});

describe('missing collection: -502005 with the cloud message, for every action', () => {
  const expectMissing = (err: any, api: string) => {
    expect(err).toBeInstanceOf(Error);
    expect(err.errCode).toBe(-502005);
    expect(err.errMsg).toBe(`${api}:fail -502005 database collection not exists. ${NOT_EXIST}`);
  };

  test('SDK calls', async () => {
    expectMissing(await rejection(db.collection('nocoll').get()), 'collection.get');
    expectMissing(await rejection(db.collection('nocoll').doc('x').get()), 'document.get');
    expectMissing(await rejection(db.collection('nocoll').add({ data: { a: 1 } })), 'collection.add');
    expectMissing(await rejection(db.collection('nocoll').doc('x').update({ data: { a: 1 } })), 'document.update');
    expectMissing(await rejection(db.collection('nocoll').doc('x').set({ data: { a: 1 } })), 'document.set');
    expectMissing(await rejection(db.collection('nocoll').doc('x').remove()), 'document.remove');
    expectMissing(await rejection(db.collection('nocoll').where({ a: 1 }).update({ data: { a: 2 } })), 'collection.update');
    expectMissing(await rejection(db.collection('nocoll').where({ a: 1 }).remove()), 'collection.remove');
    expectMissing(await rejection(db.collection('nocoll').count()), 'collection.count');
    // The SDK's aggregate wrapper does not map codes (no maybeTransformError there): -1 with the message.
    const aggErr = await rejection(db.collection('nocoll').aggregate().match({ a: 1 }).end());
    expect(aggErr.errCode).toBe(-1);
    expect(aggErr.errMsg).toBe(`collection.aggregate:fail ${NOT_EXIST}`);
    // add did not create it (the cloud never auto-creates on add)
    expect(engine.admin.collections()).not.toContain('nocoll');
  });

  test('engine-level: the CloudError code and message', async () => {
    await expect(engine.handle('database.getDocument', { collectionName: 'nocoll', queryType: 'WHERE', limit: 100 })).rejects.toMatchObject({
      code: 'DATABASE_COLLECTION_NOT_EXIST',
      message: NOT_EXIST,
    });
  });
});

describe('engine responses at the wire level', () => {
  test('response bodies carry exactly what the SDK reads', async () => {
    engine.admin.createCollection('wire');
    const ins = await engine.handle('database.insertDocument', { collectionName: 'wire', data: ['{"_id":"w","a":{"$numberInt":"1"}}'] });
    expect(ins).toEqual({ data: { insertedIds: ['w'] } });
    const get = await engine.handle('database.getDocument', { collectionName: 'wire', query: '{"_id":"w"}', queryType: 'DOC', multi: false });
    expect(get).toEqual({ data: { list: ['{"_id":"w","a":{"$numberInt":"1"}}'] } });
    const up = await engine.handle('database.modifyDocument', {
      collectionName: 'wire', queryType: 'DOC', data: '{"b":{"$numberInt":"2"}}', multi: false, merge: false, upsert: true, query: '{"_id":"v"}',
    });
    expect(up).toEqual({ data: { updated: 0, upsert_id: 'v' } });
    const start = await engine.handle('database.startTransaction', {});
    expect(Object.keys(start)).toEqual(['transactionId']);
    expect(await engine.handle('database.abortTransaction', { transactionId: start.transactionId })).toEqual({});
  });

  test('unknown query/update operators and update conflicts map to the cloud codes', async () => {
    engine.admin.createCollection('ops');
    engine.admin.insert('ops', [{ _id: 'o', a: [1, 2, 3], s: 'str' }]);
    await expect(engine.handle('database.getDocument', { collectionName: 'ops', queryType: 'WHERE', query: '{"a":{"$foo":1}}' })).rejects.toMatchObject({
      code: 'DATABASE_INVALID_OPERRATOR',
    });
    const modify = (data: string) =>
      engine.handle('database.modifyDocument', { collectionName: 'ops', queryType: 'DOC', query: '{"_id":"o"}', data, multi: false, merge: true, upsert: false });
    await expect(modify('{"$foo":{"a":1}}')).rejects.toMatchObject({ code: 'DATABASE_INVALID_OPERRATOR' });
    await expect(modify('{"$pull":{"a":1},"$pop":{"a":1}}')).rejects.toMatchObject({ code: 'DATABASE_REQUEST_FAILED' });
    await expect(modify('{"$inc":{"s":1}}')).rejects.toMatchObject({ code: 'DATABASE_REQUEST_FAILED' });
    await expect(modify('{"$set":{"s.x":1}}')).rejects.toMatchObject({ code: 'DATABASE_REQUEST_FAILED' });
    await expect(modify('{"$push":{"s":1}}')).rejects.toMatchObject({ code: 'DATABASE_REQUEST_FAILED' });
    await expect(engine.handle('database.nope', {})).rejects.toMatchObject({ code: 'INVALID_PARAM' });
    expect(engine.admin.find('ops')).toEqual([{ _id: 'o', a: [1, 2, 3], s: 'str' }]);
  });

  test("the capture's where.get query (every query operator the SDK emits) evaluates", async () => {
    engine.admin.createCollection('cap');
    engine.admin.insert('cap', [
      {
        _id: 'hit', a: 1, f: 2, g: 0, h: true, i: [1, 2], j: 7, k: [1, 3], l: [{ x: 2 }], m: 'xABy', n: 'z', o: 4, p: 2,
        t: new Date(0), d: { e: 'x' }, b: { c: 3 }, q: -5,
      },
      { _id: 'miss', a: 1, f: 2, g: 0, h: true, i: [1, 2], j: 7, k: [1, 3], l: [{ x: 2 }], m: 'xABy', n: 'z', o: 4, p: 2, t: new Date(0), d: { e: 'x' }, b: { c: 9 }, q: 0 },
    ]);
    const res = await engine.handle('database.getDocument', {
      collectionName: 'cap',
      queryType: 'WHERE',
      query: '{"a":{"$numberInt":"1"},"f":{"$in":[{"$numberInt":"1"},{"$numberInt":"2"}]},"g":{"$ne":null},"h":{"$exists":true},"i":{"$size":{"$numberInt":"2"}},"j":{"$mod":[{"$numberInt":"3"},{"$numberInt":"1"}]},"k":{"$all":[{"$numberInt":"1"}]},"l":{"$elemMatch":{"x":{"$gt":{"$numberInt":"1"}}}},"m":{"$regularExpression":{"pattern":"ab","options":"i"}},"n":{"$regularExpression":{"pattern":"z","options":"m"}},"o":{"$nin":[{"$numberInt":"3"}]},"p":{"$not":{"$eq":{"$numberInt":"1"}}},"t":{"$date":{"$numberLong":"0"}},"d.e":"x","$and":[{"b.c":{"$gt":{"$numberInt":"1"}}},{"b.c":{"$lt":{"$numberInt":"5"}}}],"$or":[{"q":{"$gte":{"$numberInt":"1"}}},{"q":{"$lte":{"$numberInt":"-1"}}}]}',
      order: '{"a":{"$numberInt":"-1"},"b":{"$numberInt":"1"}}',
      offset: 0,
      limit: 1000,
      projection: '{"a":{"$numberInt":"1"}}',
    });
    expect(res).toEqual({ data: { list: ['{"_id":"hit","a":{"$numberInt":"1"}}'] } });
  });

  test('requestCount counts every handle() call', async () => {
    const before = engine.requestCount;
    await db.collection('q').count();
    await rejection(db.collection('nocoll').count());
    expect(engine.requestCount).toBe(before + 2);
  });
});
