import type { DatabaseEngine } from '../../localcloud/db';
import { buildDemoActivities } from './activities';
import { buildDemoUnion } from './union';
import { buildDemoVotes } from './votes';

/**
 * Fills an empty local database with the demo union (and, unless told not to, its activities and votes).
 * Returns false when there was data already.
 */
export function seedDemoUnion(db: DatabaseEngine, now = Date.now(), options: { activities?: boolean; votes?: boolean } = {}): boolean {
  if (!db.admin.isEmpty()) return false;
  const { groups, members, bindings } = buildDemoUnion(now);
  db.admin.insert('groups', groups);
  db.admin.insert('members', members);
  db.admin.insert('bindings', bindings);
  for (const name of ['bindAttempts', 'settings']) db.admin.createCollection(name);
  db.admin.insert('settings', [{ _id: 'setup', claimedBy: members[0]._id, at: now }]);
  if (options.activities !== false) db.admin.insert('activities', buildDemoActivities(now, members[0]._id));
  if (options.votes !== false) db.admin.insert('votes', buildDemoVotes(now, members, members[0]._id));
  for (const name of ['activities', 'signups', 'votes']) db.admin.createCollection(name);
  return true;
}
