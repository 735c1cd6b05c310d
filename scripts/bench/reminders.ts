/**
 * One reminders run (the hourly timer function, through the real SDK on a local cloud) for a union
 * of N members and E events due tomorrow: activities starting (their participants), sign-up
 * deadlines (the audience not signed up) and votes closing (the electorate not voted). Reports the
 * database requests, the time, and the messages (by WeChat / in the app only).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startLocalCloud } from '../../localcloud';
import { SUBSCRIPTION_TEMPLATES } from '../../types/subscriptions';
import { emptyTally } from '../../cloudfunctions/api/src/domain/vote-rules';
import { markdownTable } from './table';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const SHANGHAI = 8 * HOUR;
const root = path.resolve(__dirname, '../..');

export interface ReminderBench {
  members: number;
  events: number;
  recipients: number;
  messages: number;
  wechat: number;
  inAppOnly: number;
  /** Reminders the run left for the next one (it stops starting new ones after 45 s). */
  unfinished: number;
  dbRequests: number;
  seconds: number;
}

/** `members` bound members, one in ten consenting to each kind of reminder; `events` split 50/25/25 over starts, deadlines and votes. */
export async function benchReminders(members: number, events: number): Promise<ReminderBench> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'jgzj-bench-reminders-'));
  const cloud = await startLocalCloud({ dataDir, port: 0, functionsDir: path.join(root, 'cloudfunctions'), autoTriggers: false, instancesPerFunction: 1, log: () => undefined });
  try {
    // 10:00 in Shanghai on a day that is not the 1st (no digest): the day-before reminders are due.
    const now = Date.UTC(2026, 11, 10, 10) - SHANGHAI;
    const tomorrow = Date.UTC(2026, 11, 11) - SHANGHAI;
    cloud.clock.set(now);
    const ids = Array.from({ length: members }, (_, i) => `M${String(i).padStart(5, '0')}`);
    cloud.db.admin.insert('groups', [{ _id: 'g1', name: '压测组', createdAt: now }]);
    cloud.db.admin.insert(
      'members',
      ids.map((staffNo, i) => ({
        _id: staffNo, staffNo, name: `会员${i}`, gender: i % 2 ? 'female' : 'male', status: i % 10 === 9 ? 'retired' : 'active', groupId: 'g1', groupName: '压测组',
        roles: [], isDelegate: i % 5 === 0, openid: `o-${staffNo}`, boundAt: now, createdAt: now, updatedAt: now,
      })),
    );
    const templates = Object.values(SUBSCRIPTION_TEMPLATES).map((t) => t.id);
    cloud.db.admin.insert(
      'subscriptions',
      ids.filter((_, i) => i % 10 === 3).flatMap((staffNo) => templates.map((templateId) => ({ _id: `o-${staffNo}_${templateId}`, openid: `o-${staffNo}`, templateId, credits: 1, lastResult: 'accept', updatedAt: now }))),
    );
    const starts = Math.ceil(events / 2);
    const deadlines = Math.floor(events / 4);
    const votes = events - starts - deadlines;
    const base = { category: 'sports', description: '', place: '体育馆', capacity: null, cancelRule: 'untilDeadline', audience: {}, companionsMax: 0, choices: [], status: 'published', taken: 0, waiting: 0, checkedIn: 0, createdBy: 'M00000', createdAt: now, updatedAt: now };
    const activities = [
      ...Array.from({ length: starts }, (_, i) => ({ _id: `start-${i}`, ...base, title: `明天开始的活动${i}`, startAt: tomorrow + 15 * HOUR, endAt: tomorrow + 17 * HOUR, signupOpensAt: now - 5 * DAY, signupDeadline: now - DAY })),
      ...Array.from({ length: deadlines }, (_, i) => ({ _id: `deadline-${i}`, ...base, title: `明天截止报名的活动${i}`, startAt: tomorrow + 5 * DAY, endAt: tomorrow + 5 * DAY + HOUR, signupOpensAt: now - DAY, signupDeadline: tomorrow + 18 * HOUR })),
    ];
    cloud.db.admin.insert('activities', activities);
    // Each starting activity has 100 participants; each deadline activity has 100 already signed up.
    cloud.db.admin.insert(
      'signups',
      activities.flatMap((a, k) => ids.slice((k * 37) % Math.max(1, members - 100), ((k * 37) % Math.max(1, members - 100)) + 100).map((memberId) => ({ _id: `${a._id}_${memberId}`, activityId: a._id, memberId, memberName: memberId, groupId: 'g1', groupName: '压测组', companions: 0, seats: 1, answers: {}, status: 'confirmed', arrivedAt: now - DAY }))),
    );
    const content = { kind: 'election' as const, candidates: [{ id: 'c1', name: '甲' }, { id: 'c2', name: '乙' }], minPicks: 1, maxPicks: 1 };
    cloud.db.admin.insert(
      'votes',
      Array.from({ length: votes }, (_, i) => {
        const voted = ids.slice(0, members / 2).filter((_, j) => j % (i + 2) === 0).sort();
        return {
          _id: `vote-${i}`, title: `明天截止的投票${i}`, description: '', content, opensAt: now - 3 * DAY, closesAt: tomorrow + 18 * HOUR, electorate: {}, secret: true, resultVisibility: 'afterClose', allowChange: false,
          status: 'published', rev: 1, turnout: voted.length, tally: { ...emptyTally(content), c1: voted.length }, voterIds: voted, otherTexts: [], createdBy: 'M00000', createdAt: now, updatedAt: now,
        };
      }),
    );
    for (const name of ['messages', 'plans', 'notices', 'noticeReads']) cloud.db.admin.createCollection(name);

    const requestsBefore = cloud.db.requestCount;
    const started = process.hrtime.bigint();
    const answer = (await cloud.fireTrigger('reminders', 'hourly')) as { ok: boolean; report: { unfinished: number; reminders: Array<{ recipients: number; created: number; wechat: number; inAppOnly: number }> } };
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const dbRequests = cloud.db.requestCount - requestsBefore;
    if (!answer?.ok) throw new Error(`the reminders run failed: ${JSON.stringify(answer)}`);
    const rows = answer.report.reminders;
    const sum = (key: 'recipients' | 'created' | 'wechat' | 'inAppOnly') => rows.reduce((n, r) => n + r[key], 0);
    return { members, events: rows.length, recipients: sum('recipients'), messages: sum('created'), wechat: sum('wechat'), inAppOnly: sum('inAppOnly'), unfinished: answer.report.unfinished, dbRequests, seconds };
  } finally {
    await cloud.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export function reminderTable(rows: ReminderBench[]): string {
  return markdownTable(
    ['members', 'events', 'recipients', 'messages', 'by WeChat', 'in app only', 'left for the next run', 'database requests', 'seconds'],
    rows.map((r) => [r.members, r.events, r.recipients, r.messages, r.wechat, r.inAppOnly, r.unfinished, r.dbRequests, r.seconds.toFixed(1)]),
  );
}
