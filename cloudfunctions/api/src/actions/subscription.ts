import type { Handler } from '../lib/dispatch';
import { recordConsent } from '../lib/subscriptions';

/** The member's answer to a subscription request, for the ledger. `context` is checked, not stored. */
export const reportSubscription: Handler<'subscription.report'> = async ({ templateId, result }, caller) => {
  await recordConsent(caller.openid, templateId, result);
  return { recorded: true };
};
