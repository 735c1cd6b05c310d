import type { Activity } from '../../../../types/activity';
import type { Member } from '../../../../types/member';
import { inAudience, isOrganiser } from '../domain/activity-rules';
import { signupId, type StoredSignup } from '../domain/activity-view';
import { _ } from './cloud';
import { collection } from './collections';
import { DomainError } from './domain-error';
import { PAGE, readPages } from './read-pages';

export { PAGE };

export async function getActivity(activityId: string): Promise<Activity | null> {
  const { data } = await collection('activities').doc(activityId).get();
  return (data as Activity | null) ?? null;
}

export async function mustGetActivity(activityId: string): Promise<Activity> {
  const activity = await getActivity(activityId);
  if (!activity) throw new DomainError('NOT_FOUND');
  return activity;
}

/**
 * An activity as this member may see it: drafts are hidden from members (NOT_FOUND), and an
 * activity outside their audience is refused (NOT_IN_AUDIENCE). Organisers see everything.
 */
export async function getVisibleActivity(activityId: string, viewer: Member): Promise<Activity> {
  const activity = await mustGetActivity(activityId);
  if (isOrganiser(viewer)) return activity;
  if (activity.status === 'draft') throw new DomainError('NOT_FOUND');
  if (!inAudience(activity.audience, viewer)) throw new DomainError('NOT_IN_AUDIENCE');
  return activity;
}

export async function getSignup(activityId: string, memberId: string): Promise<StoredSignup | null> {
  const { data } = await collection('signups').doc(signupId(activityId, memberId)).get();
  return (data as StoredSignup | null) ?? null;
}

/** Reads every page of a query ordered by _id: one request up to 1000 rows. */
export async function readAll<T>(where: object, order: [string, 'asc' | 'desc'][] = [], name: 'signups' | 'activities' = 'signups'): Promise<T[]> {
  return readPages<T>(() => {
    let query = collection(name).where(where);
    for (const [field, direction] of order) query = query.orderBy(field, direction);
    return query.orderBy('_id', 'asc');
  });
}

/**
 * How many people wait ahead of each of these waitlisted sign-ups, per activity: one aggregation,
 * whatever the number of sign-ups.
 */
export async function waitlistAhead(waiting: StoredSignup[]): Promise<Map<string, number>> {
  const ahead = new Map<string, number>(waiting.map((s) => [s.activityId, 0]));
  if (waiting.length === 0) return ahead;
  const earlier = waiting.map((s) => ({ activityId: s.activityId, status: 'waitlisted', seq: _.lt(s.seq) }));
  const { list } = await collection('signups')
    .aggregate()
    .match(_.or(earlier))
    .group({ _id: '$activityId', count: _.aggregate.sum(1) })
    .limit(PAGE)
    .end();
  for (const row of list as Array<{ _id: string; count: number }>) ahead.set(row._id, row.count);
  return ahead;
}

/** The 1-based position of one waitlisted sign-up. */
export async function waitPositionOf(signup: StoredSignup): Promise<number> {
  const { total } = await collection('signups').where({ activityId: signup.activityId, status: 'waitlisted', seq: _.lt(signup.seq) }).count();
  return total + 1;
}
