import { announceNotice } from '../../api/src/actions/notice';
import { cloud } from '../../api/src/lib/cloud';
import { ensureCollections } from '../../api/src/lib/collections';
import { runReminders } from '../../api/src/lib/reminder-run';

/**
 * The reminders timer (its one trigger is in config.json: every hour, on the hour). Only the timer
 * may run it: a call from the mini-program carries an OPENID and is refused.
 */
export async function main(event: { Type?: string }) {
  const { OPENID } = cloud.getWXContext();
  if (OPENID || event?.Type !== 'Timer') return { ok: false, message: '只由定时触发器运行' };
  await ensureCollections();
  const report = await runReminders(Date.now(), announceNotice);
  // Counts only: who was reminded stays in the messages collection, not in the log.
  console.log(`[reminders] ${report.reminders.map((r) => `${r.reason} ${r.recipients}→微信${r.wechat}/站内${r.inAppOnly}`).join('; ') || 'nothing due'}`);
  return { ok: true, report };
}
