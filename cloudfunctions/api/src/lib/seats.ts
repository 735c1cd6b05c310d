/**
 * Places in an activity, held by conditional updates only (never count-then-write, never a
 * transaction on the activity document):
 *
 * - `activities.taken` (seats of confirmed sign-ups) and `activities.waiting` (people waitlisted)
 *   are the truth for places; every change is an `update` whose `where` says when it may happen.
 * - A person's place in the activity is the sign-up document `${activityId}_${memberId}`: `add`
 *   fails for a second one, so nobody signs up twice however many requests race.
 * - Seats are taken only while nobody waits (`waiting: 0`), so newcomers never jump the queue;
 *   the waitlist moves strictly first-come first-served (the head must fit before anyone else).
 * - Every take is also conditional on the capacity this request read, so an organiser lowering
 *   the capacity at the same moment cannot be overtaken by a sign-up computed on the old figure.
 */
import type { Activity, ActivityStatus, Answers, MyStanding } from '../../../../types/activity';
import type { Member } from '../../../../types/member';
import { signupId, toStanding, type StoredSignup } from '../domain/activity-view';
import { _ } from './cloud';
import { collection } from './collections';
import { DomainError } from './domain-error';
import { getActivity, getSignup, waitPositionOf } from './activities-repo';
import { tellMember } from './tell-member';
import { isDuplicateKey } from './duplicate-key';

/** Sign-ups and promotions happen while the activity takes them. */
const TAKING: ActivityStatus[] = ['published', 'closed'];

/** The part of the activity document's `where` that pins the capacity this request computed with. */
const fits = (capacity: number | null, seats: number) => (capacity === null ? { capacity: null } : { capacity, taken: _.lte(capacity - seats) });

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
  let activity = request.activity;
  const now = Date.now();
  const _id = signupId(activity._id, member._id);
  const seats = 1 + companions;
  const fields = {
    activityId: activity._id,
    memberId: member._id,
    memberName: member.name,
    groupId: member.groupId,
    groupName: member.groupName,
    companions,
    seats,
    status: 'pending' as const,
    arrivedAt: now,
  };

  // 1. Reserve the person: one sign-up per person per activity, by its _id.
  let reused = false;
  try {
    await collection('signups').add({ data: { _id, ...fields, answers, ...(signedUpBy ? { signedUpBy } : {}) } });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    // Someone who cancelled may come back; anyone else already holds a place.
    const { stats } = await collection('signups')
      .where({ _id, status: 'cancelled' })
      .update({
        data: {
          ...fields,
          answers: _.set(answers),
          signedUpBy: signedUpBy ?? _.remove(),
          confirmedAt: _.remove(),
          cancelledAt: _.remove(),
          promotedAt: _.remove(),
          cancelReason: _.remove(),
          removedBy: _.remove(),
        },
      });
    if (stats.updated !== 1) throw new DomainError('ALREADY_SIGNED_UP');
    reused = true;
  }

  for (let attempt = 0; ; attempt++) {
    // 2. Take the seats, if they are free and nobody is waiting.
    const open = { _id: activity._id, status: _.in(statuses) };
    const took = await collection('activities')
      .where({ ...open, waiting: 0, ...fits(activity.capacity, seats) })
      .update({ data: { taken: _.inc(seats) } });
    if (took.stats.updated === 1) {
      await collection('signups').where({ _id, status: 'pending' }).update({ data: { status: 'confirmed', confirmedAt: now } });
      return { status: 'confirmed', companions };
    }
    // 3. Full, or people are waiting: join the waitlist (on the capacity we read), then let it move once,
    //    since a cancellation may have freed seats in between.
    const queued = await collection('activities')
      .where({ ...open, capacity: activity.capacity })
      .update({ data: { waiting: _.inc(1) } });
    if (queued.stats.updated === 1) {
      await collection('signups').where({ _id, status: 'pending' }).update({ data: { status: 'waitlisted' } });
      // The capacity read is pinned in the promotion's condition, so a stale read cannot overbook.
      await promote(activity._id, activity, { quietFor: member._id });
      const mine = await getSignup(activity._id, member._id);
      if (mine?.status === 'waitlisted') return { status: 'waitlisted', companions, waitPosition: await waitPositionOf(mine) };
      return toStanding(mine) ?? { status: 'waitlisted', companions };
    }
    // Neither: the activity stopped taking sign-ups, or its capacity changed under us.
    const fresh = await getActivity(activity._id);
    if (!fresh || !statuses.includes(fresh.status) || attempt >= 4) {
      await release(_id, reused);
      throw new DomainError(fresh && attempt >= 4 ? 'CONFLICT' : 'SIGNUP_NOT_OPEN');
    }
    activity = fresh;
  }
}

/** Gives back a reservation that got no seat and no waitlist place. */
async function release(_id: string, reused: boolean): Promise<void> {
  if (reused) await collection('signups').where({ _id, status: 'pending' }).update({ data: { status: 'cancelled', cancelledAt: Date.now() } });
  else await collection('signups').where({ _id, status: 'pending' }).remove();
}

/**
 * Moves the waitlist: while the first in line fits, confirm them. Strictly first-come first-served:
 * if the head does not fit, nobody behind them is promoted. Returns the promoted sign-up ids.
 */
export async function promote(activityId: string, known?: Activity, options: { quietFor?: string } = {}): Promise<string[]> {
  const promoted: string[] = [];
  const activity = known ?? (await getActivity(activityId));
  if (!activity || !TAKING.includes(activity.status)) return promoted;
  for (let round = 0; round < 1000; round++) {
    const { data } = await collection('signups').where({ activityId, status: 'waitlisted' }).orderBy('arrivedAt', 'asc').orderBy('_id', 'asc').limit(1).get();
    const head = data[0] as StoredSignup | undefined;
    if (!head) break;
    const took = await collection('activities')
      .where({ _id: activityId, status: _.in(TAKING), ...fits(activity.capacity, head.seats) })
      .update({ data: { taken: _.inc(head.seats), waiting: _.inc(-1) } });
    // No room for the head (or the capacity changed: whoever changed it moves the waitlist).
    if (took.stats.updated !== 1) break;
    const now = Date.now();
    const confirmed = await collection('signups')
      .where({ _id: head._id, status: 'waitlisted' })
      .update({ data: { status: 'confirmed', confirmedAt: now, promotedAt: now } });
    if (confirmed.stats.updated === 1) {
      promoted.push(head._id);
      // The one whose own request moved the line sees the answer; everyone else is told.
      if (head.memberId !== options.quietFor) await tellMember(head.memberId, activity, '候补已递补为正式报名');
    }
    // The head cancelled, or a parallel promotion confirmed them first: give the seats back and look again.
    else await collection('activities').doc(activityId).update({ data: { taken: _.inc(-head.seats), waiting: _.inc(1) } });
  }
  return promoted;
}

/**
 * Cancels one person's sign-up (themselves, or an organiser removing them), frees what it held
 * and moves the waitlist. NOT_SIGNED_UP when there is nothing to cancel.
 */
export async function cancel(activityId: string, memberId: string, record: { cancelReason?: string; removedBy?: string } = {}): Promise<StoredSignup> {
  const _id = signupId(activityId, memberId);
  for (let attempt = 0; attempt < 5; attempt++) {
    const signup = await getSignup(activityId, memberId);
    if (!signup || (signup.status !== 'confirmed' && signup.status !== 'waitlisted')) throw new DomainError('NOT_SIGNED_UP');
    // Conditional on what we read: a promotion in between (waitlisted → confirmed) makes us read again.
    const { stats } = await collection('signups')
      .where({ _id, status: signup.status, arrivedAt: signup.arrivedAt })
      .update({ data: { status: 'cancelled', cancelledAt: Date.now(), ...record } });
    if (stats.updated !== 1) continue;
    const freed = signup.status === 'confirmed' ? { taken: _.inc(-signup.seats) } : { waiting: _.inc(-1) };
    await collection('activities').doc(activityId).update({ data: freed });
    await promote(activityId);
    return signup;
  }
  throw new DomainError('CONFLICT');
}
