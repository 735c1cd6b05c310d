/**
 * The local cloud: runs the real wx-server-sdk inside our cloud functions against a local server
 * that speaks the cloud's wire protocol (see README.md). Tests and scripts start it from here.
 */
import { openDatabase } from './db';
import { createLocalCloud, type LocalCloud, type LocalCloudOptions } from './local-cloud';

export type { CallIdentity, LocalCloud, LocalCloudOptions, LocalCloudScript } from './local-cloud';
export type { Clock } from './clock';
export type { OutboxEntry } from './openapi/outbox';
export { CloudError } from './errors';
export { parseCron, type CronSchedule } from './triggers/cron';

export function startLocalCloud(options: LocalCloudOptions): Promise<LocalCloud> {
  return createLocalCloud(options, openDatabase);
}
