import { exportFileName, participantWorkbook } from '../domain/activity-export';
import { publicActivity } from '../domain/activity-checkin';
import { splitParticipants, type StoredSignup } from '../domain/activity-view';
import { mustGetActivity, readAll } from '../lib/activities-repo';
import { _ } from '../lib/cloud';
import type { Handler } from '../lib/dispatch';
import { storeExport } from '../lib/storage';

/**
 * 导出名单: the participants and the waitlist as an .xlsx in cloud storage, with a download URL
 * valid for minutes. Nothing is written to the database.
 */
export const exportActivity: Handler<'activity.export'> = async ({ activityId }) => {
  const activity = publicActivity(await mustGetActivity(activityId));
  const signups = await readAll<StoredSignup>({ activityId, status: _.in(['confirmed', 'waitlisted']) }, [['seq', 'asc']]);
  const { confirmed, waitlist } = splitParticipants(signups);
  const content = await participantWorkbook(activity.choices, confirmed, waitlist);
  return storeExport('activity', content, exportFileName(activity.title));
};
