/**
 * Tells a member that their sign-up changed without them (promoted from the waitlist, signed up by
 * someone else, removed), by a one-time subscription message when they consented to one.
 * Best effort by design: the change is already written and shows in the app; a missing consent,
 * an unbound member or WeChat's refusal (e.g. 43101) is logged, never an error for the caller.
 */
import type { Activity } from '../../../../types/activity';
import { SUBSCRIPTION_TEMPLATES } from '../../../../types/subscriptions';
import { cloud } from './cloud';
import { getMember } from './members-repo';
import { spendCredit } from './subscriptions';

export type Told = 'sent' | 'no-consent' | 'unbound' | 'refused';

const SHANGHAI = 8 * 60 * 60 * 1000;

/** 2026年12月4日 14:30, in Asia/Shanghai whatever the server's zone. */
function shanghaiTime(ms: number): string {
  const d = new Date(ms + SHANGHAI);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** WeChat caps `thing` values at 20 characters. */
const thing = (text: string) => (text.length > 20 ? `${text.slice(0, 19)}…` : text);

export async function tellMember(memberId: string, activity: Pick<Activity, '_id' | 'title' | 'startAt'>, note: string): Promise<Told> {
  const template = SUBSCRIPTION_TEMPLATES.activityReminder;
  const member = await getMember(memberId);
  if (!member?.openid) return 'unbound';
  // Spend the consent first: two changes at once can never send on one consent twice.
  if (!(await spendCredit(member.openid, template.id))) return 'no-consent';
  try {
    await cloud.openapi.subscribeMessage.send({
      touser: member.openid,
      templateId: template.id,
      page: `pages/activity/index?id=${encodeURIComponent(activity._id)}`,
      data: {
        [template.fields.title]: { value: thing(activity.title) },
        [template.fields.time]: { value: shanghaiTime(activity.startAt) },
        [template.fields.note]: { value: thing(note) },
      },
    });
    return 'sent';
  } catch (error) {
    console.warn(`[api] activity ${activity._id}: message to ${memberId} refused`, (error as { errCode?: number }).errCode ?? error);
    return 'refused';
  }
}
