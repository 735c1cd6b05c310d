import { randomBytes } from 'node:crypto';
import type { Activity } from '../../../../types/activity';
import type { Refusal } from './activity-rules';

const HOUR = 60 * 60 * 1000;

/** Check-in is open from two hours before the start until two hours after the end. */
export const CHECKIN_MARGIN = 2 * HOUR;

/** Why nobody may check in to this activity now, or null when they may. */
export function checkinRefusal(activity: Pick<Activity, 'status' | 'startAt' | 'endAt'>, now: number): Refusal | null {
  if (activity.status !== 'published' && activity.status !== 'closed') return { code: 'CHECKIN_CLOSED', reason: '活动未开放签到' };
  if (now < activity.startAt - CHECKIN_MARGIN || now > activity.endAt + CHECKIN_MARGIN) return { code: 'CHECKIN_CLOSED', reason: '现在不在签到时间内' };
  return null;
}

/**
 * The activity's secret check-in token, which is the whole `scene` of its mini-program code:
 * 22 URL-safe characters (132 random bits), within the 32 that `scene` allows.
 */
export const newCheckinToken = (): string => randomBytes(16).toString('base64url').slice(0, 22);

/** Fields of the activity document that only the check-in code and its organisers may know. */
export interface CheckinSecrets {
  checkinToken?: string;
  checkinCodeFileID?: string;
}

/** The activity as clients see it: without its check-in secrets, and with every counter present. */
export function publicActivity<T extends Partial<Activity>>(activity: T & CheckinSecrets): T & { checkedIn: number } {
  const { checkinToken: _token, checkinCodeFileID: _file, ...rest } = activity;
  return { ...(rest as T), checkedIn: activity.checkedIn ?? 0 };
}
