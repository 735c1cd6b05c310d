/**
 * The daily limit on suggestions: one counter document per member per Asia/Shanghai day,
 * `${memberId}_${YYYYMMDD}` in `suggestionQuota`, spent by ONE conditional update (`count < limit`
 * in its `where`), never by counting and then writing. However many sends race, the database
 * applies each update to the document atomically, so at most `limit` of them get through.
 *
 * Named and anonymous suggestions spend the same counter, and the counter stores no time and no
 * kind, so it does not say which of the day's suggestions were anonymous. It does say how many a
 * member sent that day; less their named ones, that is how many anonymous ones they sent. So the
 * first send of each day deletes the counters of earlier days: nothing at rest ties a member to an
 * anonymous suggestion once its day is over.
 */
import { DAILY_SUGGESTION_LIMIT, quotaId, shanghaiDayKey } from '../domain/suggestion-rules';
import { _ } from './cloud';
import { collection } from './collections';
import { DomainError } from './domain-error';
import { isDuplicateKey } from './duplicate-key';

/** Spends one of the member's suggestions for today, or refuses SUGGESTION_DAILY_LIMIT. */
export async function spendSuggestionQuota(memberId: string, now: number, limit = DAILY_SUGGESTION_LIMIT): Promise<void> {
  const quota = collection('suggestionQuota');
  const _id = quotaId(memberId, now);
  const spend = () => quota.where({ _id, count: _.lt(limit) }).update({ data: { count: _.inc(1) } });
  if ((await spend()).stats.updated === 1) return;
  try {
    // First send of the day. `day` (a number) lets later days find and delete this counter.
    await quota.add({ data: { _id, day: Number(shanghaiDayKey(now)), count: 1 } });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    // The counter exists: the limit is reached, or a parallel first send just created it.
    if ((await spend()).stats.updated === 1) return;
    throw new DomainError('SUGGESTION_DAILY_LIMIT');
  }
  await forgetEarlierDays(now);
}

/** Gives a spent suggestion back, when the suggestion could not be stored after all. */
export async function refundSuggestionQuota(memberId: string, now: number): Promise<void> {
  await collection('suggestionQuota').where({ _id: quotaId(memberId, now), count: _.gt(0) }).update({ data: { count: _.inc(-1) } });
}

/** Deletes every member's counters of days before today (best effort: tomorrow's first send tries again). */
async function forgetEarlierDays(now: number): Promise<void> {
  try {
    await collection('suggestionQuota').where({ day: _.lt(Number(shanghaiDayKey(now))) }).remove();
  } catch {
    // Not this request's business: the suggestion is fine either way.
  }
}
