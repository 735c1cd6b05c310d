import { ACTIVITY_REMINDER_TEMPLATE, type SubscribeResult } from '../../../types/subscriptions';
import { call, requestSubscribe } from '../../gateway/cloud';

/**
 * Asks whether the member wants a reminder before the activity. WeChat opens its sheet only inside
 * a tap, before anything asynchronous: call this first thing in the 报名 handler. Null: not asked.
 */
export function askReminderConsent(): Promise<SubscribeResult | null> {
  try {
    return requestSubscribe([ACTIVITY_REMINDER_TEMPLATE])
      .then((answers) => answers[ACTIVITY_REMINDER_TEMPLATE] ?? null)
      .catch(() => null);
  } catch {
    return Promise.resolve(null);
  }
}

/** Tells the cloud's ledger what the member answered, once the sign-up went through. Quietly: it is not their concern. */
export async function reportReminderConsent(consent: Promise<SubscribeResult | null>, activityId: string): Promise<void> {
  const result = await consent;
  if (!result) return;
  await call('subscription.report', { templateId: ACTIVITY_REMINDER_TEMPLATE, result, context: { kind: 'activity', id: activityId } }, { silent: true }).catch(() => undefined);
}
