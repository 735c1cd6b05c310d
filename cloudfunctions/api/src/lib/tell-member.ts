/**
 * Tells a member that their sign-up changed without them (promoted from the waitlist, signed up by
 * someone else, removed): a message in the app, and by WeChat when they consented to one.
 * Best effort by design: the change is already written and shows in the app; a missing consent,
 * an unbound member or WeChat's refusal is never an error for the caller.
 */
import type { Activity } from '../../../../types/activity';
import { getMember } from './members-repo';
import { remind } from './messenger';

export type Told = 'sent' | 'no-consent' | 'unbound' | 'refused';

export async function tellMember(memberId: string, activity: Pick<Activity, '_id' | 'title' | 'startAt'>, note: string): Promise<Told> {
  const member = await getMember(memberId);
  if (!member?.openid) return 'unbound';
  const delivery = await remind(
    {
      // Each change is its own reason: a later promotion is news again.
      reason: `signup-change:${activity._id}:${Date.now()}`,
      kind: 'signupChange',
      topic: `activity:${activity._id}`,
      template: 'activityReminder',
      title: activity.title,
      body: note,
      page: `pages/activity/index?id=${encodeURIComponent(activity._id)}`,
      at: activity.startAt,
      note,
    },
    [member],
  );
  return delivery.wechat ? 'sent' : delivery.refused ? 'refused' : 'no-consent';
}
