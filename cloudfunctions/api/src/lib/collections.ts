import { db } from './cloud';

/** Every collection the functions use. Clients have no access to any of them (security rules). */
export const COLLECTIONS = ['members', 'groups', 'bindings', 'bindAttempts', 'bindCodes', 'settings', 'activities', 'signups', 'teams', 'teamSeats', 'subscriptions', 'votes',
  'congressSessions', 'departments', 'proposals', 'suggestions', 'suggestionGrants', 'suggestionSpent',
  'notices', 'noticeReads', 'plans', 'messages'] as const;
export type CollectionName = (typeof COLLECTIONS)[number];

export const collection = (name: CollectionName) => db.collection(name);

let ready: Promise<void> | undefined;

/**
 * Creates missing collections once per instance, so a fresh environment works without console
 * steps. The cloud answers an error for one that exists; that is the normal case.
 */
export function ensureCollections(): Promise<void> {
  ready ??= Promise.all(COLLECTIONS.map((name) => db.createCollection(name).catch(() => undefined))).then(() => undefined);
  return ready;
}
