import type { Activity, CheckInResult } from '../../../../types/activity';
import type { Member } from '../../../../types/member';
import { checkinRefusal, newCheckinToken, type CheckinSecrets } from '../domain/activity-checkin';
import { signupId, type StoredSignup } from '../domain/activity-view';
import { getSignup, mustGetActivity } from '../lib/activities-repo';
import type { BoundCaller, Caller } from '../lib/caller';
import { _, cloud } from '../lib/cloud';
import { collection } from '../lib/collections';
import { DomainError } from '../lib/domain-error';
import type { Handler } from '../lib/dispatch';
import { tempUrlOf, uploadBytes } from '../lib/storage';

const me = (caller: Caller): Member => (caller as BoundCaller).member;
type SecretActivity = Activity & CheckinSecrets;

/** The page the check-in code opens; `scene` carries the token. */
export const CHECKIN_PAGE = 'pages/checkin/index';

/** The activity's check-in token, made on first need; a conditional update keeps the first one made. */
async function ensureToken(activity: SecretActivity): Promise<string> {
  if (activity.checkinToken) return activity.checkinToken;
  const token = newCheckinToken();
  const { stats } = await collection('activities').where({ _id: activity._id, checkinToken: _.exists(false) }).update({ data: { checkinToken: token } });
  if (stats.updated === 1) return token;
  const fresh = (await mustGetActivity(activity._id)) as SecretActivity;
  if (!fresh.checkinToken) throw new DomainError('CONFLICT');
  return fresh.checkinToken;
}

/** The mini-program code image in storage: generated once per activity, then served from storage. */
async function ensureCodeImage(activity: SecretActivity, token: string): Promise<string> {
  if (activity.checkinCodeFileID) return activity.checkinCodeFileID;
  const code = (await cloud.openapi.wxacode.getUnlimited({ scene: token, page: CHECKIN_PAGE, checkPath: false })) as { buffer: Buffer | Uint8Array };
  // The path depends on the token only, so two organisers opening it at once write the same file.
  const fileID = await uploadBytes(`checkin/${activity._id}/${token}.png`, Buffer.from(code.buffer));
  await collection('activities').where({ _id: activity._id, checkinCodeFileID: _.exists(false) }).update({ data: { checkinCodeFileID: fileID } });
  return fileID;
}

/** 签到码 for organisers: the code image (temp URL) and the live counts. */
export const activityCheckinCode: Handler<'activity.checkinCode'> = async ({ activityId }) => {
  const activity = (await mustGetActivity(activityId)) as SecretActivity;
  const token = await ensureToken(activity);
  const fileID = await ensureCodeImage(activity, token);
  const [confirmed, scanned, imageUrl] = await Promise.all([
    collection('signups').where({ activityId, status: 'confirmed' }).count(),
    collection('signups').where({ activityId, status: 'confirmed', checkedInBy: 'scan' }).count(),
    tempUrlOf(fileID),
  ]);
  return { imageUrl, scanCount: scanned.total, checkedIn: activity.checkedIn ?? 0, confirmed: confirmed.total };
};

/**
 * Marks one confirmed sign-up checked in, once: the update is conditional on not being checked in
 * yet, and the activity's counter moves only when that update hit.
 */
async function markCheckedIn(activity: Activity, memberId: string, by: string): Promise<CheckInResult & { memberName: string }> {
  const answer = (signup: StoredSignup, checkedInAt: number, already: boolean) => ({ activityTitle: activity.title, memberName: signup.memberName, checkedInAt, already });
  const signup = await getSignup(activity._id, memberId);
  if (!signup || signup.status !== 'confirmed') throw new DomainError('NOT_SIGNED_UP');
  if (signup.checkedInAt) return answer(signup, signup.checkedInAt, true);
  const now = Date.now();
  const { stats } = await collection('signups')
    .where({ _id: signupId(activity._id, memberId), status: 'confirmed', checkedInAt: _.exists(false) })
    .update({ data: { checkedInAt: now, checkedInBy: by } });
  if (stats.updated === 1) {
    await collection('activities').doc(activity._id).update({ data: { checkedIn: _.inc(1) } });
    return answer(signup, now, false);
  }
  // Someone checked them in at the same moment, or the sign-up was cancelled in between.
  const again = await getSignup(activity._id, memberId);
  if (again?.status === 'confirmed' && again.checkedInAt) return answer(again, again.checkedInAt, true);
  throw new DomainError('NOT_SIGNED_UP');
}

function assertOpen(activity: Activity): void {
  const refusal = checkinRefusal(activity, Date.now());
  if (refusal) throw new DomainError(refusal.code, refusal.reason);
}

/** A member scanned the activity's code: their confirmed sign-up is checked in. */
export const checkIn: Handler<'activity.checkIn'> = async ({ scene }, caller) => {
  const { data } = await collection('activities').where({ checkinToken: scene }).limit(1).get();
  const activity = data[0] as Activity | undefined;
  if (!activity) throw new DomainError('NOT_FOUND');
  assertOpen(activity);
  const { activityTitle, checkedInAt, already } = await markCheckedIn(activity, me(caller)._id, 'scan');
  return { activityTitle, checkedInAt, already };
};

/** An organiser checks a member in by 工号 (the member forgot their phone, or the code would not scan). */
export const checkInMember: Handler<'activity.checkInMember'> = async ({ activityId, memberId }, caller) => {
  const activity = await mustGetActivity(activityId);
  assertOpen(activity);
  return markCheckedIn(activity, memberId, me(caller)._id);
};
