/**
 * Places in an activity. Every change to a person's place is ONE transaction over two documents:
 * the activity (its counters `taken`, `waiting` and `arrivals`) and the person's sign-up
 * `${activityId}_${memberId}`. Both are written or neither, so however a request ends (an answer, a
 * timeout, kill -9 of its instance or of the database) no sign-up is left half made and no counter
 * runs ahead of the sign-ups. Transactions hold single documents only (lib/transaction.ts): the one
 * query, the head of the waitlist, runs before its transaction, which reads the head again by id.
 *
 * Arrival order is the server's: the transaction that records a sign-up first takes the next number
 * (`inc` of the activity's `arrivals`, read back) and then decides it on the spot: confirmed while
 * its seats are free and nobody waits, else waitlisted. The number is taken once, by the attempt
 * that commits, so the confirmed sign-ups are the first numbers and the waitlist is the rest, in
 * number order; it moves strictly by number (the head must fit before anyone behind it).
 */
import type { Activity, ActivityStatus, Answers, MyStanding } from '../../../../types/activity';
import type { Member } from '../../../../types/member';
import { signupId, type StoredSignup } from '../domain/activity-view';
import { _ } from './cloud';
import { collection } from './collections';
import { DomainError } from './domain-error';
import { getSignup, waitPositionOf } from './activities-repo';
import { tellMember } from './tell-member';
import { runInTransaction, type Transaction } from './transaction';

/** Sign-ups and promotions happen while the activity takes them. */
const TAKING: ActivityStatus[] = ['published', 'closed'];
const HOLDING = ['confirmed', 'waitlisted'];

/**
 * Everyone signing up for one activity writes its document: under a storm most attempts conflict
 * and run again, so give them many tries with random pauses rather than answering CONFLICT.
 */
const HOT = { attempts: 60, maxPauseMs: 400 };

/** The activity as its counters are stored; `arrivals` (sign-ups numbered so far) is absent until the first. */
type Counted = Activity & { arrivals?: number };

const fits = (activity: Activity, seats: number) => activity.capacity === null || activity.taken + seats <= activity.capacity;

async function readActivity(t: Transaction, activityId: string): Promise<Counted | null> {
  return ((await t.collection('activities').doc(activityId).get()).data as Counted | null) ?? null;
}

async function readSignup(t: Transaction, id: string): Promise<StoredSignup | null> {
  return ((await t.collection('signups').doc(id).get()).data as StoredSignup | null) ?? null;
}

export interface SignUpRequest {
  activity: Activity;
  member: Member;
  companions: number;
  answers: Answers;
  /** 代报名: the organiser or group leader acting. */
  signedUpBy?: string;
  /** Statuses the activity may be in: members need 'published'; organisers may add to a closed one. */
  statuses: ActivityStatus[];
}

/** Signs one person up: confirmed if their seats are free and nobody waits, else waitlisted. */
export async function signUp(request: SignUpRequest): Promise<MyStanding> {
  const { member, companions, answers, signedUpBy, statuses } = request;
  const activityId = request.activity._id;
  const _id = signupId(activityId, member._id);
  const seats = 1 + companions;
  const stored = await runInTransaction(async (t) => {
    // The number first: `inc` locks the activity for this transaction (any other transaction writing
    // it now fails at once and runs again), and the read that follows sees our own write.
    await t.collection('activities').doc(activityId).update({ data: { arrivals: _.inc(1) } });
    const activity = await readActivity(t, activityId);
    if (!activity || !statuses.includes(activity.status)) throw new DomainError('SIGNUP_NOT_OPEN');
    const seq = activity.arrivals!;
    const confirmed = activity.waiting === 0 && fits(activity, seats);
    await t.collection('activities').doc(activityId).update({ data: confirmed ? { taken: activity.taken + seats } : { waiting: activity.waiting + 1 } });
    // A cancelled sign-up (or one left 'pending' by an older version) is replaced; a held one is not.
    const before = await readSignup(t, _id);
    if (before && HOLDING.includes(before.status)) throw new DomainError('ALREADY_SIGNED_UP');
    const now = Date.now();
    const signup: Omit<StoredSignup, '_id'> = {
      activityId,
      memberId: member._id,
      memberName: member.name,
      groupId: member.groupId,
      groupName: member.groupName,
      companions,
      seats,
      answers,
      status: confirmed ? 'confirmed' : 'waitlisted',
      seq,
      arrivedAt: now,
      ...(confirmed ? { confirmedAt: now } : {}),
      ...(signedUpBy ? { signedUpBy } : {}),
    };
    await t.collection('signups').doc(_id).set({ data: signup });
    // Waitlisted behind everyone already waiting. Seats free while people wait: the head needs more,
    // or a cancellation's own promotion has not run yet (or never will: its request died).
    return { confirmed, waitPosition: activity.waiting + 1, free: activity.capacity === null ? Infinity : activity.capacity - activity.taken };
  }, HOT);

  if (stored.confirmed) return { status: 'confirmed', companions };
  if (stored.free <= 0) return { status: 'waitlisted', companions, waitPosition: stored.waitPosition };
  await promote(activityId, { quietFor: member._id, free: stored.free });
  const mine = await getSignup(activityId, member._id);
  if (mine?.status === 'confirmed') return { status: 'confirmed', companions };
  return { status: 'waitlisted', companions, waitPosition: mine?.status === 'waitlisted' ? await waitPositionOf(mine) : stored.waitPosition };
}

/** The first in line: the waitlisted sign-up with the lowest number. */
async function waitlistHead(activityId: string): Promise<StoredSignup | null> {
  const { data } = await collection('signups').where({ activityId, status: 'waitlisted' }).orderBy('seq', 'asc').limit(1).get();
  return (data[0] as StoredSignup | undefined) ?? null;
}

/**
 * Moves the waitlist: while the first in line fits, confirm them. Strictly in number order: if the
 * head does not fit, nobody behind them is promoted. Returns the promoted sign-up ids.
 *
 * The head found by the query is the head for as long as it is still waitlisted: newcomers only
 * ever join behind it (their numbers are higher), and nobody goes back from confirmed to waiting.
 * `free`: the seats the caller just saw free; a head that needs more is left without a transaction
 * (whoever frees seats after that moves the line themselves).
 */
export async function promote(activityId: string, options: { quietFor?: string; free?: number } = {}): Promise<string[]> {
  const promoted: string[] = [];
  for (let round = 0; round < 1000; round++) {
    const head = await waitlistHead(activityId);
    if (!head || (round === 0 && head.seats > (options.free ?? Infinity))) break;
    const outcome = await runInTransaction(async (t): Promise<{ moved: Activity } | 'stop' | 'again'> => {
      const activity = await readActivity(t, activityId);
      if (!activity || !TAKING.includes(activity.status) || !fits(activity, head.seats)) return 'stop';
      const current = await readSignup(t, head._id);
      // Cancelled, or promoted by a parallel request, since the query: look again.
      if (current?.status !== 'waitlisted' || current.seq !== head.seq) return 'again';
      const now = Date.now();
      await t.collection('activities').doc(activityId).update({ data: { taken: activity.taken + head.seats, waiting: activity.waiting - 1 } });
      await t.collection('signups').doc(head._id).update({ data: { status: 'confirmed', confirmedAt: now, promotedAt: now } });
      return { moved: activity };
    }, HOT);
    if (outcome === 'stop') break;
    if (outcome === 'again') continue;
    promoted.push(head._id);
    // The one whose own request moved the line sees the answer; everyone else is told.
    if (head.memberId !== options.quietFor) await tellMember(head.memberId, outcome.moved, '候补已递补为正式报名');
  }
  return promoted;
}

/**
 * Cancels one person's sign-up (themselves, or an organiser removing them), frees what it held
 * and moves the waitlist. NOT_SIGNED_UP when there is nothing to cancel.
 */
export async function cancel(activityId: string, memberId: string, record: { cancelReason?: string; removedBy?: string } = {}): Promise<StoredSignup> {
  const _id = signupId(activityId, memberId);
  const signup = await runInTransaction(async (t) => {
    const held = await readSignup(t, _id);
    if (!held || !HOLDING.includes(held.status)) throw new DomainError('NOT_SIGNED_UP');
    const activity = await readActivity(t, activityId);
    if (!activity) throw new DomainError('NOT_FOUND');
    const freed = held.status === 'confirmed' ? { taken: activity.taken - held.seats } : { waiting: activity.waiting - 1 };
    await t.collection('activities').doc(activityId).update({ data: freed });
    await t.collection('signups').doc(_id).update({ data: { status: 'cancelled', cancelledAt: Date.now(), ...record } });
    return held;
  }, HOT);
  await promote(activityId);
  return signup;
}
