/**
 * Smoke test of the database over the HTTP path: a function's add/get/update/transaction go
 * through the real SDK to POST /admin and the engine; requests are counted per call.
 */
import { postJson, startTestCloud, type TestCloud } from './helpers';

let t: TestCloud;
beforeAll(async () => {
  t = await startTestCloud();
  t.cloud.db.admin.createCollection('smoke');
});
afterAll(() => t.stop());

test('add, update with a command, get, runTransaction and a missing collection, through a function', async () => {
  const at = Date.UTC(2026, 8, 1, 2, 0, 0);
  t.cloud.clock.set(at);
  try {
    const { result, dbRequests } = await t.cloud.call('db-smoke', {}, { openid: 'o-db' });
    expect(result.id).toEqual(expect.any(String));
    expect(result.got).toMatchObject({ _id: result.id, owner: 'o-db', count: 2 });
    expect(result.atIsDate).toBe(true);
    expect(result.atMs).toBe(at); // serverDate follows the local clock
    expect(result.txResult).toBe(2);
    expect(result.after.count).toBe(12);
    expect(result.missing).toEqual({ errCode: -502005 });
    // add, update, get, start, tx get, tx update, commit, get, get(missing collection)
    expect(dbRequests).toBe(9);
    expect(t.cloud.db.admin.find('smoke', { _id: result.id })[0]).toMatchObject({ owner: 'o-db', count: 12 });
  } finally {
    t.cloud.clock.reset();
  }
});

test('database requests made by a nested call count for the outer call too', async () => {
  const { result, dbRequests } = await t.cloud.call('caller', { target: 'db-smoke' }, { openid: 'o-db' });
  expect(result.ok).toBe(true);
  expect(dbRequests).toBe(9);
});

test('the /admin endpoint answers errors as {code, message, requestId} with HTTP 200', async () => {
  const unknown = await postJson(`${t.cloud.url}/admin?env=local-dev&seqId=1`, { action: 'nothing.here' });
  expect(unknown.status).toBe(200);
  expect(unknown.body).toEqual({ code: 'INVALID_PARAM', message: expect.stringContaining('nothing.here'), requestId: expect.stringMatching(/^[0-9a-f]{32}$/) });
  const missing = await postJson(`${t.cloud.url}/admin`, { action: 'database.getDocument', collectionName: 'nope', queryType: 'WHERE', limit: 10 });
  expect(missing.body).toMatchObject({ code: 'DATABASE_COLLECTION_NOT_EXIST', requestId: expect.any(String) });
  const garbage = await fetch(`${t.cloud.url}/admin`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' });
  expect(await garbage.json()).toMatchObject({ code: 'INVALID_PARAM' });
});
