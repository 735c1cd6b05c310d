/**
 * Where an anonymous suggestion is stored, so that its place in the database says nothing.
 *
 * A database keeps documents in the order they were inserted (MongoDB's natural order, the local
 * cloud's SQLite rowid). A suggestion inserted at the moment it is sent sits between whatever was
 * written just before and after — the sender's own other writes among them. So anonymous
 * suggestions are never inserted: `suggestions` holds a stock of vacant places (`{_id, vacant: true}`,
 * random ids, no time, no member), and a send fills one chosen uniformly at random by ONE
 * conditional update (`vacant: true` in its `where`).
 *
 * The stock is topped up only by the day's first grant of send tickets (suggestion-tickets.ts),
 * before anyone can send that day, to SUGGESTIONS_PER_DAY places per roster member: no member can
 * send more anonymous suggestions in a day than their tickets, so the day never runs out unless the
 * roster grows during the day. Since the places a day's sends choose from are all fixed before its
 * first send, and each send picks one at random, where a suggestion lands depends neither on who
 * sent it nor on when.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { SUGGESTIONS_PER_DAY, type Suggestion } from '../../../../types/suggestion';
import { _ } from './cloud';
import { collection } from './collections';
import { DomainError } from './domain-error';

/** Inserted this many per request, and this many requests at once. */
const BATCH = 100;
const PARALLEL = 5;
/** Tries at a place that another send filled first, before giving up. */
const ATTEMPTS = 8;

const VACANT = { vacant: true };
const newPlaceId = () => randomBytes(16).toString('hex');

/** Tops the stock of vacant places up to SUGGESTIONS_PER_DAY per roster member. */
export async function openAnonymousDay(): Promise<void> {
  const [{ total: members }, { total: vacant }] = await Promise.all([collection('members').count(), collection('suggestions').where(VACANT).count()]);
  const missing = SUGGESTIONS_PER_DAY * members - vacant;
  const batches = Array.from({ length: Math.max(0, Math.ceil(missing / BATCH)) }, (_unused, i) => Math.min(BATCH, missing - i * BATCH));
  // A few batches at a time: a large roster's first day is a few hundred inserts, not one per request.
  for (let i = 0; i < batches.length; i += PARALLEL) {
    await Promise.all(batches.slice(i, i + PARALLEL).map((n) => collection('suggestions').add({ data: Array.from({ length: n }, () => ({ _id: newPlaceId(), vacant: true })) })));
  }
}

/** Stores an anonymous suggestion in a vacant place chosen at random; answers its id. */
export async function fillAnonymousPlace(record: Omit<Suggestion, '_id'>): Promise<string> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const { total } = await collection('suggestions').where(VACANT).count();
    if (total === 0) break;
    const { data } = await collection('suggestions').where(VACANT).skip(randomInt(total)).limit(1).field({ _id: true }).get();
    const place = (data[0] as { _id: string } | undefined)?._id;
    if (!place) continue;
    const { stats } = await collection('suggestions').where({ _id: place, vacant: true }).update({ data: { ...record, vacant: _.remove() } });
    if (stats.updated === 1) return place;
  }
  throw new DomainError('SUGGESTION_ANONYMOUS_FULL');
}
