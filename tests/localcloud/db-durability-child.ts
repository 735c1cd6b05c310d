/**
 * Child process for db-durability.test.ts (not a test itself): writes through handle() as fast as
 * it can and prints "ACK <id>" after each acknowledged request, until the parent kills it -9.
 */
import { openDatabase } from '../../localcloud/db';

const file = process.argv[2];
const engine = openDatabase({ file });
engine.admin.createCollection('log');
engine.admin.insert('log', [{ _id: 'counter', last: -1 }]);

async function run(): Promise<void> {
  for (let i = 0; ; i++) {
    await engine.handle('database.insertDocument', {
      collectionName: 'log',
      data: [JSON.stringify({ _id: `doc-${i}`, i, at: { $date: { $numberLong: String(Date.now()) } } })],
    });
    process.stdout.write(`ACK doc-${i}\n`);
    await engine.handle('database.modifyDocument', {
      collectionName: 'log', queryType: 'DOC', query: '{"_id":"counter"}',
      data: JSON.stringify({ $set: { last: i } }), multi: false, merge: true, upsert: false,
    });
    process.stdout.write(`SET ${i}\n`);
  }
}

void run();
