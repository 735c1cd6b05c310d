import type { DatabaseEngine } from '../../localcloud/db';
import { buildDemoUnion } from './union';

/** Fills an empty local database with the demo union. Returns false when there was data already. */
export function seedDemoUnion(db: DatabaseEngine, now = Date.now()): boolean {
  if (!db.admin.isEmpty()) return false;
  const { groups, members, bindings } = buildDemoUnion(now);
  db.admin.insert('groups', groups);
  db.admin.insert('members', members);
  db.admin.insert('bindings', bindings);
  for (const name of ['bindAttempts', 'settings']) db.admin.createCollection(name);
  db.admin.insert('settings', [{ _id: 'setup', claimedBy: members[0]._id, at: now }]);
  return true;
}
