/**
 * The daily limit on suggestions, without a per-member write at the moment of sending.
 *
 * - Granting (when the member opens 写建议, long before any send): the phone makes
 *   SUGGESTIONS_PER_DAY random tickets and keeps them; the cloud stores their `grant:` hashes in ONE
 *   document per member per day, `suggestionGrants/${工号}_${YYYYMMDD}`, inserted once (its `_id`
 *   is the lock: a second grant that day is a duplicate key). Every member who opens the page gets
 *   the same document, whether they later send nothing, named suggestions or anonymous ones.
 * - Spending (at each send, named or anonymous): the ticket must be in the caller's grant of today
 *   (read, never written), and its `spent:` hash is added to the day's spent list by ONE
 *   conditional update (`spent ≠ hash`), so a ticket is spent once however many sends race.
 *   The spent list names nobody: its entries cannot be matched to grant hashes without the tickets,
 *   and it is kept sorted, so it does not keep the order of the sends either.
 *
 * So at rest a grant says only "opened the page that day"; the spent list says only how many
 * suggestions were sent that day; and nothing member-specific changes when a suggestion is sent.
 */
import type { SuggestionTickets } from '../../../../types/suggestion';
import { grantHashOf, grantId, shanghaiDayKey, shanghaiDayStart, spentHashOf } from '../domain/suggestion-rules';
import { openAnonymousDay } from './anonymous-slots';
import { _ } from './cloud';
import { collection } from './collections';
import { DomainError } from './domain-error';
import { isDuplicateKey } from './duplicate-key';

interface Grant {
  _id: string;
  day: number;
  hashes: string[];
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

async function readGrant(_id: string): Promise<Grant | null> {
  const { data } = await collection('suggestionGrants').where({ _id }).limit(1).get();
  return (data[0] as Grant | undefined) ?? null;
}

/** The day's spent list exists from the day's first grant on, so no send ever inserts it. */
async function ensureSpentList(now: number): Promise<boolean> {
  try {
    await collection('suggestionSpent').add({ data: { _id: shanghaiDayKey(now), day: shanghaiDayStart(now), spent: [] } });
    return true;
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    throw error;
  }
}

/** Grants today's tickets, once. Asking again with the same tickets (a lost answer) answers granted again. */
export async function grantTickets(memberId: string, tickets: string[], now: number): Promise<SuggestionTickets> {
  const day = shanghaiDayKey(now);
  const _id = grantId(memberId, now);
  // Sorted: the order the phone made them in is not kept.
  const hashes = tickets.map(grantHashOf).sort();
  const existing = await readGrant(_id);
  if (existing) return { day, granted: sameSet(existing.hashes, hashes) };
  const { data: lists } = await collection('suggestionSpent').where({ _id: day }).limit(1).get();
  if (lists.length === 0) {
    // The day's first grant: before anyone can send today, fix the day's anonymous places, then
    // open the spent list. Earlier days' grants and lists are no longer needed by anyone.
    await openAnonymousDay();
    if (await ensureSpentList(now)) await forgetEarlierDays(now);
  }
  try {
    await collection('suggestionGrants').add({ data: { _id, day: shanghaiDayStart(now), hashes } });
    return { day, granted: true };
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    const raced = await readGrant(_id);
    return { day, granted: Boolean(raced && sameSet(raced.hashes, hashes)) };
  }
}

/**
 * Spends one of the caller's tickets for today, or refuses SUGGESTION_TICKET_INVALID (not one of
 * today's tickets, or spent already). Writes only the day's spent list.
 */
export async function spendTicket(memberId: string, ticket: string, now: number): Promise<void> {
  const grant = await readGrant(grantId(memberId, now));
  if (!grant?.hashes.includes(grantHashOf(ticket))) throw new DomainError('SUGGESTION_TICKET_INVALID');
  const spent = spentHashOf(ticket);
  const { stats } = await collection('suggestionSpent').where({ _id: shanghaiDayKey(now), spent: _.neq(spent) }).update({ data: { spent: _.push({ each: [spent], sort: 1 }) } });
  if (stats.updated !== 1) throw new DomainError('SUGGESTION_TICKET_INVALID');
}

/** Gives a spent ticket back, when the suggestion could not be stored after all. */
export async function refundTicket(ticket: string, now: number): Promise<void> {
  await collection('suggestionSpent').where({ _id: shanghaiDayKey(now) }).update({ data: { spent: _.pull(spentHashOf(ticket)) } });
}

/** Deletes grants and spent lists of days before today (best effort: the next day's first grant tries again). */
async function forgetEarlierDays(now: number): Promise<void> {
  const before = { day: _.lt(shanghaiDayStart(now)) };
  await Promise.all([collection('suggestionGrants').where(before).remove(), collection('suggestionSpent').where(before).remove()]).catch(() => undefined);
}
