import type { Activity, ActivityDetail } from '../../../../types/activity';
import type { Member } from '../../../../types/member';
import {
  assertCompanions, assertMaySignUp, cancelRefusal, checkAnswers, inAudience, isOrganiser, monthBounds, signupRefusal, VISIBLE_TO_MEMBERS,
} from '../domain/activity-rules';
import { publicActivity } from '../domain/activity-checkin';
import { orderMine, toStanding, toSummary, type StoredSignup } from '../domain/activity-view';
import { PAGE, getSignup, getVisibleActivity, mustGetActivity, readAll, waitPositionOf, waitlistAhead } from '../lib/activities-repo';
import type { BoundCaller, Caller } from '../lib/caller';
import { _ } from '../lib/cloud';
import { collection } from '../lib/collections';
import { DomainError } from '../lib/domain-error';
import type { Handler } from '../lib/dispatch';
import { cancel, signUp } from '../lib/seats';
import { teamBoard } from './team';

const me = (caller: Caller): Member => (caller as BoundCaller).member;
const ACTIVE = ['confirmed', 'waitlisted'];

/** Summaries with the viewer's own standing: two more requests (their sign-ups, their waitlist positions), whatever the count. */
async function withMine(activities: Activity[], memberId: string, known?: StoredSignup[]) {
  const ids = activities.map((a) => a._id);
  const signups =
    known ?? (ids.length ? await readAll<StoredSignup>({ memberId, activityId: _.in(ids) }) : []);
  const byActivity = new Map(signups.map((s) => [s.activityId, s]));
  const ahead = await waitlistAhead(signups.filter((s) => s.status === 'waitlisted'));
  return activities.map((a) => toSummary(a, toStanding(byActivity.get(a._id), ahead.get(a._id))));
}

/**
 * Activities by month (Asia/Shanghai), or those not yet ended, soonest first. Members see what is
 * published (or closed, or cancelled) for their audience; organisers see everything, drafts too.
 */
export const listActivities: Handler<'activity.list'> = async ({ month, category }, caller) => {
  const viewer = me(caller);
  const organiser = isOrganiser(viewer);
  const now = Date.now();
  const when = month ? { startAt: _.gte(monthBounds(month)[0]).and(_.lt(monthBounds(month)[1])) } : { endAt: _.gte(now) };
  const where = { ...when, ...(category ? { category } : {}), ...(organiser ? {} : { status: _.in(VISIBLE_TO_MEMBERS) }) };
  const { data } = await collection('activities').where(where).orderBy('startAt', 'asc').orderBy('_id', 'asc').limit(PAGE).get();
  const activities = (data as Activity[]).filter((a) => organiser || inAudience(a.audience, viewer));
  return { activities: await withMine(activities, viewer._id), canManage: organiser };
};

/** My sign-ups (also those cancelled, so a removal shows), what is coming first. */
export const myActivities: Handler<'activity.mine'> = async (_input, caller) => {
  const viewer = me(caller);
  const signups = (await readAll<StoredSignup>({ memberId: viewer._id, status: _.in([...ACTIVE, 'cancelled']) })).slice(0, PAGE);
  if (signups.length === 0) return [];
  const { data } = await collection('activities').where({ _id: _.in(signups.map((s) => s.activityId)) }).limit(PAGE).get();
  return withMine(orderMine(data as Activity[], Date.now()), viewer._id, signups);
};

export const getActivityDetail: Handler<'activity.get'> = async ({ activityId }, caller): Promise<ActivityDetail> => {
  const viewer = me(caller);
  const activity = await getVisibleActivity(activityId, viewer);
  const signup = await getSignup(activityId, viewer._id);
  const standing = toStanding(signup);
  const now = Date.now();
  const active = Boolean(standing && standing.status !== 'cancelled');
  if (standing?.status === 'waitlisted') standing.waitPosition = await waitPositionOf(signup!);
  const refusal = active ? { reason: '你已经报名了' } : signupRefusal(activity, viewer, now);
  return {
    // The check-in token is for the code the organiser shows, never for members' phones.
    activity: publicActivity(activity),
    mine: standing ? { ...standing, answers: signup!.answers } : null,
    canSignUp: refusal ? { ok: false, reason: refusal.reason } : { ok: true },
    canCancel: active && !cancelRefusal(activity, now),
    canManage: isOrganiser(viewer),
    ...(activity.teams ? { teamBoard: await teamBoard(activity, viewer) } : {}),
  };
};

export const signUpSelf: Handler<'activity.signUp'> = async ({ activityId, companions, answers }, caller) => {
  const viewer = me(caller);
  const activity = await getVisibleActivity(activityId, viewer);
  if (activity.teams) throw new DomainError('TEAM_ACTIVITY');
  assertMaySignUp(activity, viewer, Date.now());
  assertCompanions(activity, companions);
  const tidy = checkAnswers(activity.choices, answers);
  return signUp({ activity, member: viewer, companions, answers: tidy, statuses: ['published'] });
};

/** A member cancels their own sign-up, within the activity's rule and before the deadline. */
export const cancelOwnSignup: Handler<'activity.cancelSignup'> = async ({ activityId }, caller) => {
  const viewer = me(caller);
  const activity = await mustGetActivity(activityId);
  const refusal = cancelRefusal(activity, Date.now());
  if (refusal) throw new DomainError(refusal.code, refusal.reason);
  const cancelled = await cancel(activityId, viewer._id);
  return { status: 'cancelled', companions: cancelled.companions };
};
