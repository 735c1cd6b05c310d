/**
 * Query, update, serverDate, aggregation and geo semantics through the real SDK (spec §2.4, §2.5, §3.2, §3.4).
 */
import { DatabaseEngine } from '../../localcloud/db';
import { database, useEngine } from './db-sdk-harness';

let engine: DatabaseEngine;
let db: any;
let _: any;
let clock = Date.UTC(2026, 0, 1);

beforeAll(() => {
  engine = useEngine({ now: () => clock });
  db = database();
  _ = db.command;
});
afterAll(() => engine.close());

const ids = (res: { data: { _id: string }[] }) => res.data.map((d) => d._id);

describe('query semantics', () => {
  beforeAll(() => {
    engine.admin.insert('people', [
      { _id: 'p1', name: 'Alice', age: 30, tags: ['x', 'y'], d: { e: 'x', f: 1 }, l: [{ x: 1 }, { x: 3 }], t: new Date(0), m: 7 },
      { _id: 'p2', name: 'alan', age: 25, tags: ['y'], d: { e: 'z' }, l: [{ x: 0 }], m: 8 },
      { _id: 'p3', name: 'Bob', age: 30, tags: ['x', 'y', 'z'], d: { e: 'x' }, n: null, m: 4 },
      { _id: 'p4', name: 'carol', age: 41, tags: [], m: 10 },
    ]);
  });
  const where = async (q: object) => ids(await db.collection('people').where(q).get());

  test('nested objects are flattened to dotted paths (partial match)', async () => {
    expect(await where({ d: { e: 'x' } })).toEqual(['p1', 'p3']);
  });

  test('arrays: element match vs exact array', async () => {
    expect(await where({ tags: 'z' })).toEqual(['p3']);
    expect(await where({ tags: ['x', 'y'] })).toEqual(['p1']);
    expect(await where({ 'l.x': _.gt(2) })).toEqual(['p1']);
    expect(await where({ l: _.elemMatch({ x: _.gt(0) }) })).toEqual(['p1']);
    expect(await where({ tags: _.all(['x', 'y']) })).toEqual(['p1', 'p3']);
    expect(await where({ tags: _.size(0) })).toEqual(['p4']);
  });

  test('regular expressions: JS literal and db.RegExp', async () => {
    expect(await where({ name: /^al/i })).toEqual(['p1', 'p2']);
    expect(await where({ name: db.RegExp({ regexp: '^b', options: 'i' }) })).toEqual(['p3']);
    expect(await where({ name: _.not(/^a/i) })).toEqual(['p3', 'p4']);
  });

  test('comparison, logic and element commands', async () => {
    expect(await where({ age: _.gt(25).and(_.lt(41)) })).toEqual(['p1', 'p3']);
    expect(await where({ age: _.lte(25).or(_.gte(41)) })).toEqual(['p2', 'p4']);
    expect(await where(_.or([{ name: 'Bob' }, { age: 41 }]))).toEqual(['p3', 'p4']);
    expect(await where(_.and({ age: 30 }, _.nor([{ name: 'Bob' }])))).toEqual(['p1']);
    expect(await where({ age: _.in([25, 41]) })).toEqual(['p2', 'p4']);
    expect(await where({ age: _.nin([25, 41]) })).toEqual(['p1', 'p3']);
    expect(await where({ age: _.neq(30) })).toEqual(['p2', 'p4']);
    expect(await where({ n: _.exists(true) })).toEqual(['p3']);
    expect(await where({ m: _.mod(4, 0) })).toEqual(['p2', 'p3']);
    expect(await where({ t: new Date(0) })).toEqual(['p1']);
    expect(await where(_.expr(_.aggregate.gt(['$m', '$age'])))).toEqual([]);
    expect(await where(_.expr(_.aggregate.lt(['$m', 9])))).toEqual(['p1', 'p2', 'p3']);
  });

  test('orderBy on several fields, skip and limit', async () => {
    const res = await db.collection('people').orderBy('age', 'desc').orderBy('name', 'asc').get();
    expect(ids(res)).toEqual(['p4', 'p1', 'p3', 'p2']); // ages tie at 30 → by name: Alice, Bob
    const page = await db.collection('people').orderBy('age', 'asc').orderBy('name', 'asc').skip(1).limit(2).get();
    expect(ids(page)).toEqual(['p1', 'p3']);
  });

  test('field() projection: inclusion keeps _id, exclusion drops fields, slice', async () => {
    const inc = await db.collection('people').where({ _id: 'p1' }).field({ name: true }).get();
    expect(inc.data).toEqual([{ _id: 'p1', name: 'Alice' }]);
    const exc = await db.collection('people').where({ _id: 'p2' }).field({ l: false, d: false, tags: false }).get();
    expect(exc.data).toEqual([{ _id: 'p2', name: 'alan', age: 25, m: 8 }]);
    const sl = await db.collection('people').where({ _id: 'p3' }).field({ tags: _.project.slice(1) }).get();
    expect(sl.data[0].tags).toEqual(['x']);
  });

  test('limit: default 100, the sent limit honoured, never more than 1000 (1200 documents)', async () => {
    engine.admin.insert('many', Array.from({ length: 1200 }, (_x, i) => ({ i })));
    expect((await db.collection('many').get()).data).toHaveLength(100);
    expect((await db.collection('many').limit(7).get()).data).toHaveLength(7);
    expect((await db.collection('many').limit(1000).get()).data).toHaveLength(1000);
    expect((await db.collection('many').limit(5000).get()).data).toHaveLength(1000); // SDK clamps
    const raw = await engine.handle('database.getDocument', { collectionName: 'many', queryType: 'WHERE', limit: 5000 });
    expect(raw.data.list).toHaveLength(1000); // engine caps too
    const tail = await db.collection('many').orderBy('i', 'asc').skip(1150).limit(1000).get();
    expect(tail.data.map((d: any) => d.i)).toEqual(Array.from({ length: 50 }, (_x, k) => 1150 + k));
    expect((await db.collection('many').count()).total).toBe(1200);
    expect((await db.collection('many').where({ i: _.gte(600) }).count()).total).toBe(600);
  });
});

describe('update commands (spec §3.2)', () => {
  test('the capture\'s full update applies like MongoDB', async () => {
    engine.admin.insert('upd', [{
      _id: 'a', n: 1, p: { q: 1 }, obj: { deep: 0, sub: 1, keep: 1 }, tags: ['x'], arr: [3, 4], un: [9], m: 1, r: 'R',
      pu: [1, 5, 6], pa: [1, 2, 3], pop: [1, 2, 3], sh: [1, 2, 3], mul: 3, mi: 5,
    }]);
    const res = await db.collection('upd').doc('a').update({
      data: {
        n: _.inc(1), 'p.q': 2, setobj: _.set({ a: 1 }), obj: { deep: 1, sub: _.remove() },
        tags: _.push('a', 'b'), arr: _.push({ each: [1], position: 0, sort: -1, slice: 5 }), un: _.unshift(1, 2),
        m: _.max(3), r: _.rename('rr'), pu: _.pull(_.gt(3)), pa: _.pullAll([1, 2]), ats: _.addToSet({ $each: [1] }),
        pop: _.pop(), sh: _.shift(), mul: _.mul(2), mi: _.min(0),
      },
    });
    expect(res).toEqual({ stats: { updated: 1 }, errMsg: 'document.update:ok' });
    const [doc] = engine.admin.find('upd', { _id: 'a' });
    expect(doc).toEqual({
      _id: 'a', n: 2, p: { q: 2 }, obj: { deep: 1, keep: 1 }, tags: ['x', 'a', 'b'], arr: [4, 3, 1], un: [1, 2, 9], m: 3, rr: 'R',
      pu: [1], pa: [3], pop: [1, 2], sh: [2, 3], mul: 6, mi: 0, setobj: { a: 1 }, ats: [1],
    });
  });

  test('merge (nested object) vs _.set (replace the object)', async () => {
    engine.admin.insert('upd', [{ _id: 'b', obj: { x: 1, y: 2 } }, { _id: 'c', obj: { x: 1, y: 2 } }]);
    await db.collection('upd').doc('b').update({ data: { obj: { x: 9 } } });
    await db.collection('upd').doc('c').update({ data: { obj: _.set({ x: 9 }) } });
    expect(engine.admin.find('upd', { _id: { $in: ['b', 'c'] } }).map((d) => d.obj)).toEqual([{ x: 9, y: 2 }, { x: 9 }]);
  });

  test('addToSet dedupes ($each on a missing field too), push/unshift, and counts only real changes', async () => {
    engine.admin.insert('upd', [{ _id: 'd', s: [1] }]);
    await db.collection('upd').doc('d').update({ data: { fresh: _.addToSet({ $each: [1, 1, 2] }), s: _.addToSet(1) } });
    expect(engine.admin.find('upd', { _id: 'd' })[0]).toEqual({ _id: 'd', s: [1], fresh: [1, 2] });
    const again = await db.collection('upd').doc('d').update({ data: { s: _.addToSet(1) } });
    expect(again.stats.updated).toBe(0);
  });

  // Command.push (微信开放文档, https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/database/command/Command.push.html):
  // "或字段原为空，则创建该字段并设数组为传入值", with sort/slice applied to 结果数组 (slice 0: 将字段更新为空数组).
  // The SDK sends MongoDB's $push modifiers, and MongoDB does the same on a missing field.
  test('push with sort/slice/position on a missing field creates the field, then sorts and slices it', async () => {
    engine.admin.insert('upd', [{ _id: 'ps', keep: 1 }]);
    await db.collection('upd').doc('ps').update({
      data: {
        top2: _.push({ each: [3, 1, 2], sort: 1, slice: 2 }),
        last2: _.push({ each: [3, 1, 2], slice: -2 }),
        byX: _.push({ each: [{ x: 1 }, { x: 3 }], sort: { x: -1 } }),
        'nested.first': _.push({ each: [3, 1, 2], position: 0, slice: 1 }),
        none: _.push({ each: [5], slice: 0 }),
      },
    });
    expect(engine.admin.find('upd', { _id: 'ps' })[0]).toEqual({
      _id: 'ps', keep: 1, top2: [1, 2], last2: [1, 2], byX: [{ x: 3 }, { x: 1 }], nested: { first: [3] }, none: [],
    });
  });

  test('$inc/$mul on a non-numeric field fail with -502001 and change nothing', async () => {
    engine.admin.insert('upd', [{ _id: 'e', s: 'text', k: 1 }]);
    const err = await db.collection('upd').doc('e').update({ data: { s: _.inc(1), k: _.inc(1) } }).catch((e: any) => e);
    expect(err.errCode).toBe(-502001);
    const err2 = await db.collection('upd').doc('e').update({ data: { s: _.mul(2) } }).catch((e: any) => e);
    expect(err2.errCode).toBe(-502001);
    expect(engine.admin.find('upd', { _id: 'e' })[0]).toEqual({ _id: 'e', s: 'text', k: 1 });
  });

  test('where().update with a condition updates only matching docs; remove() unsets', async () => {
    engine.admin.insert('upd2', [{ g: 1, v: 1 }, { g: 1, v: 5 }, { g: 2, v: 1 }]);
    const res = await db.collection('upd2').where({ g: 1, v: _.lt(3) }).update({ data: { v: _.inc(10), gone: _.remove() } });
    expect(res.stats.updated).toBe(1);
    expect(engine.admin.find('upd2', {}, { sort: { v: 1 } }).map((d) => d.v)).toEqual([1, 5, 11]);
  });
});

describe('serverDate', () => {
  test('substituted with the engine clock (+offset) in data, in update data and in queries', async () => {
    clock = Date.UTC(2026, 5, 1, 12);
    await db.createCollection('times');
    const { _id } = await db.collection('times').add({ data: { at: db.serverDate(), later: db.serverDate({ offset: 60_000 }) } });
    const doc = (await db.collection('times').doc(_id).get()).data;
    expect(doc.at).toEqual(new Date(clock));
    expect(doc.later).toEqual(new Date(clock + 60_000));

    clock += 1000;
    await db.collection('times').doc(_id).update({ data: { touched: db.serverDate({ offset: -1 }) } });
    expect((await db.collection('times').doc(_id).get()).data.touched).toEqual(new Date(clock - 1));

    expect((await db.collection('times').where({ at: _.lt(db.serverDate()) }).count()).total).toBe(1);
    expect((await db.collection('times').where({ later: _.lt(db.serverDate()) }).count()).total).toBe(0);
  });
});

describe('aggregation', () => {
  beforeAll(() => {
    engine.admin.insert('users', [{ _id: 'u1', name: 'Ann' }, { _id: 'u2', name: 'Ben' }]);
    engine.admin.insert('orders', [
      { uid: 'u1', cat: 'tea', amt: 3 },
      { uid: 'u2', cat: 'tea', amt: 5 },
      { uid: 'u1', cat: 'cake', amt: 10 },
      { uid: 'u2', cat: 'book', amt: 1 },
    ]);
  });

  test('$match → $group → $sort', async () => {
    const $ = _.aggregate;
    const res = await db.collection('orders').aggregate()
      .match({ amt: _.gt(1) })
      .group({ _id: '$cat', total: $.sum('$amt'), n: $.sum(1) })
      .sort({ total: -1 })
      .end();
    expect(res.list).toEqual([{ _id: 'cake', total: 10, n: 1 }, { _id: 'tea', total: 8, n: 2 }]);
  });

  test('$lookup joins another collection', async () => {
    const res = await db.collection('orders').aggregate()
      .match({ cat: 'cake' })
      .lookup({ from: 'users', localField: 'uid', foreignField: '_id', as: 'user' })
      .project({ _id: 0, cat: 1, user: 1 })
      .end();
    expect(res.list).toEqual([{ cat: 'cake', user: [{ _id: 'u1', name: 'Ann' }] }]);
    expect(engine.admin.find('users', { _id: 'u1' })).toEqual([{ _id: 'u1', name: 'Ann' }]);
  });

  test('without a $limit stage the cloud returns at most 20; with one, what was asked', async () => {
    engine.admin.insert('agg-many', Array.from({ length: 30 }, (_x, i) => ({ i })));
    expect((await db.collection('agg-many').aggregate().match({}).end()).list).toHaveLength(20);
    expect((await db.collection('agg-many').aggregate().match({}).limit(25).end()).list).toHaveLength(25);
  });
});

describe('geo (GeoJSON points)', () => {
  // Around People's Square, Shanghai. 0.01° of latitude ≈ 1.1 km.
  const center = [121.4737, 31.2304];
  beforeAll(() => {
    engine.admin.createCollection('places');
  });

  test('stored via the SDK as GeoJSON; read back as Geo.Point', async () => {
    await db.collection('places').add({
      data: [
        { _id: 'near', loc: db.Geo.Point(center[0], center[1] + 0.001) }, // ~111 m
        { _id: 'mid', loc: db.Geo.Point(center[0], center[1] + 0.02) }, // ~2.2 km
        { _id: 'far', loc: db.Geo.Point(center[0] + 1, center[1]) }, // ~95 km
        { _id: 'none', title: 'no location' },
      ],
    });
    const doc = (await db.collection('places').doc('near').get()).data;
    expect(doc.loc.latitude).toBeCloseTo(center[1] + 0.001);
  });

  test('geoNear ($nearSphere): distance window, nearest first', async () => {
    const P = db.Geo.Point(center[0], center[1]);
    const res = await db.collection('places').where({ loc: _.geoNear({ geometry: P, maxDistance: 5000 }) }).get();
    expect(ids(res)).toEqual(['near', 'mid']);
    const ring = await db.collection('places').where({ loc: _.geoNear({ geometry: P, maxDistance: 200_000, minDistance: 1000 }) }).get();
    expect(ids(ring)).toEqual(['mid', 'far']);
    // order is by distance even though 'far' is not last in natural order
    engine.admin.insert('places', [{ _id: 'closest', loc: { type: 'Point', coordinates: center } }]);
    const all = await db.collection('places').where({ loc: _.geoNear({ geometry: P }) }).get();
    expect(ids(all)).toEqual(['closest', 'near', 'mid', 'far']);
  });

  test('geoWithin: polygon and centerSphere', async () => {
    const { Point, LineString, Polygon } = db.Geo;
    const d = 0.01;
    const square = Polygon([LineString([
      Point(center[0] - d, center[1] - d), Point(center[0] + d, center[1] - d),
      Point(center[0] + d, center[1] + d), Point(center[0] - d, center[1] + d), Point(center[0] - d, center[1] - d),
    ])]);
    expect(ids(await db.collection('places').where({ loc: _.geoWithin({ geometry: square }) }).get()).sort()).toEqual(['closest', 'near']);
    const threeKm = 3000 / 6378100;
    const sphere = await db.collection('places').where({ loc: _.geoWithin({ centerSphere: [Point(center[0], center[1]), threeKm] }) }).get();
    expect(ids(sphere).sort()).toEqual(['closest', 'mid', 'near']);
  });

  test('geoIntersects for points', async () => {
    const { Point, LineString, Polygon } = db.Geo;
    const tri = Polygon([LineString([
      Point(center[0] + 0.9, center[1] - 0.1), Point(center[0] + 1.1, center[1] - 0.1), Point(center[0] + 1, center[1] + 0.1), Point(center[0] + 0.9, center[1] - 0.1),
    ])]);
    expect(ids(await db.collection('places').where({ loc: _.geoIntersects({ geometry: tri }) }).get())).toEqual(['far']);
    expect(ids(await db.collection('places').where({ loc: _.geoIntersects({ geometry: Point(center[0], center[1]) }) }).get())).toEqual(['closest']);
  });

  test('aggregate geoNear stage adds the distance and sorts', async () => {
    const res = await db.collection('places').aggregate()
      .geoNear({ near: db.Geo.Point(center[0], center[1]), distanceField: 'dist', maxDistance: 5000, spherical: true })
      .project({ dist: 1 })
      .end();
    expect(res.list.map((d: any) => d._id)).toEqual(['closest', 'near', 'mid']);
    expect(res.list[0].dist).toBe(0);
    expect(res.list[1].dist).toBeGreaterThan(100);
    expect(res.list[1].dist).toBeLessThan(120);
  });
});
