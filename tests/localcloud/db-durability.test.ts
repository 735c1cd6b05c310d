/**
 * Durability: what handle() acknowledged survives kill -9, and everything round-trips a restart.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from '../../localcloud/db';
import { database, rejection, routeTo } from './db-sdk-harness';

const ROOT = path.resolve(__dirname, '../..');
const tempFile = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lc-durable-')), 'db.sqlite');

test('every write acknowledged before SIGKILL is there after reopening', async () => {
  const file = tempFile();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'db-durability-child.ts'), file], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const acked: string[] = [];
  let lastSet = -1;
  let stderr = '';
  child.stderr.on('data', (b) => (stderr += b));
  await new Promise<void>((resolve, reject) => {
    let buf = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buf += chunk.toString();
      const lines = buf.split('\n');
      buf = lines.pop() ?? '';
      for (const line of lines) {
        if (line.startsWith('ACK ')) acked.push(line.slice(4));
        if (line.startsWith('SET ')) lastSet = Number(line.slice(4));
      }
      if (acked.length >= 300 && child.exitCode === null) {
        child.kill('SIGKILL');
      }
    });
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`child exited ${code}: ${stderr}`))));
  });

  const engine = openDatabase({ file });
  try {
    const stored = new Set(engine.admin.find('log', { _id: { $regex: '^doc-' } }).map((d) => d._id));
    const missing = acked.filter((id) => !stored.has(id));
    expect(missing).toEqual([]);
    expect(acked.length).toBeGreaterThanOrEqual(300);
    expect(engine.admin.find('log', { _id: 'counter' })[0].last).toBeGreaterThanOrEqual(lastSet);
    expect(engine.admin.find('log', { _id: 'doc-0' })[0].at).toBeInstanceOf(Date);
  } finally {
    engine.close();
  }
}, 20_000);

test('documents, types, order and collections round-trip a restart; the file is WAL', async () => {
  const file = tempFile();
  const first = openDatabase({ file });
  routeTo(first);
  const db = database();
  await db.createCollection('keep');
  await db.createCollection('empty');
  await db.collection('keep').add({
    data: [
      { _id: 'b', when: new Date(Date.UTC(2026, 0, 2)), re: /^x/im, n: 1.5, big: 2 ** 40, nested: { arr: [1, 'two', { three: 3 }] }, nil: null },
      { _id: 'a', order: 2 },
    ],
  });
  await db.collection('keep').doc('b').update({ data: { n: db.command.inc(1) } });
  // a batch stops at a duplicate; what came before it is inserted, on disk too
  expect((await rejection(db.collection('keep').add({ data: [{ _id: 'c' }, { _id: 'a' }, { _id: 'd' }] }))).errCode).toBe(-502001);
  first.close();

  const raw = new Database(file, { readonly: true });
  expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
  expect((raw.prepare('SELECT body FROM documents WHERE id = ?').get('a') as { body: string }).body).toBe('{"_id":"a","order":{"$numberInt":"2"}}');
  raw.close();

  const second = openDatabase({ file });
  try {
    routeTo(second);
    expect(second.admin.collections()).toEqual(['empty', 'keep']);
    const docs = (await db.collection('keep').get()).data;
    expect(docs.map((d: any) => d._id)).toEqual(['b', 'a', 'c']); // natural order survives updates and restarts
    expect(docs[0]).toEqual({ _id: 'b', when: new Date(Date.UTC(2026, 0, 2)), re: expect.anything(), n: 2.5, big: 2 ** 40, nested: { arr: [1, 'two', { three: 3 }] }, nil: null });
    expect(second.admin.find('keep', { _id: 'b' })[0].re).toEqual(/^x/im);
    expect(second.admin.find('keep', { _id: 'c' })).toEqual([{ _id: 'c' }]);
    expect(second.admin.find('keep', { _id: 'd' })).toEqual([]);
    expect(second.admin.isEmpty()).toBe(false);
  } finally {
    second.close();
  }
});

test('admin API: idempotent createCollection, insert auto-creates, find with sort/limit, isEmpty', () => {
  const engine = openDatabase({ file: ':memory:' });
  try {
    expect(engine.admin.isEmpty()).toBe(true);
    engine.admin.createCollection('x');
    engine.admin.createCollection('x');
    expect(engine.admin.isEmpty()).toBe(true);
    const ids = engine.admin.insert('y', [{ v: 2 }, { v: 1, at: new Date(5) }, { _id: 'own', v: 3 }]);
    expect(ids).toHaveLength(3);
    expect(ids[2]).toBe('own');
    expect(engine.admin.collections()).toEqual(['x', 'y']);
    expect(engine.admin.find('y', { v: { $gte: 2 } }, { sort: { v: -1 } }).map((d) => d.v)).toEqual([3, 2]);
    expect(engine.admin.find('y', {}, { sort: { v: 1 }, limit: 1 })[0]).toEqual({ _id: ids[1], v: 1, at: new Date(5) });
    expect(engine.admin.find('nothing')).toEqual([]);
    // returned documents are copies
    engine.admin.find('y', { _id: 'own' })[0].v = 100;
    expect(engine.admin.find('y', { _id: 'own' })[0].v).toBe(3);
    expect(() => engine.admin.insert('y', [{ _id: 'own' }])).toThrow(/duplicate key/);
    expect(engine.admin.isEmpty()).toBe(false);
  } finally {
    engine.close();
  }
});
