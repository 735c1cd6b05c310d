import { announceNotice } from '../../api/src/actions/notice';
import { cloud } from '../../api/src/lib/cloud';
import { ensureCollections } from '../../api/src/lib/collections';
import { RUN_BUDGET_MS, runReminders } from '../../api/src/lib/reminder-run';

/**
 * The reminders timer (its one trigger is in config.json: every hour, on the hour). Only the timer
 * may run it: a call from the mini-program carries an OPENID and is refused.
 */
export async function main(event: { Type?: string }) {
  const { OPENID } = cloud.getWXContext();
  if (OPENID || event?.Type !== 'Timer') return { ok: false, message: '只由定时触发器运行' };
  await ensureCollections();
  // The budget can be lowered by configuration (REMINDER_RUN_BUDGET_MS), never raised past the timeout's margin.
  const budget = Math.min(Number(process.env.REMINDER_RUN_BUDGET_MS) || RUN_BUDGET_MS, RUN_BUDGET_MS);
  const report = await runReminders(Date.now(), announceNotice, budget);
  // Counts only: who was reminded stays in the messages collection, not in the log.
  const done = report.reminders.map((r) => `${r.reason} ${r.recipients}→微信${r.wechat}/站内${r.inAppOnly}`).join('; ') || 'nothing due';
  console.log(`[reminders] ${done}${report.unfinished ? `; ${report.unfinished} left for the next run` : ''}`);
  return { ok: true, report };
}
