/**
 * Benchmark (not a test): 1000 people race for 100 places, through the real request function on a
 * local cloud, beside a naive count-then-insert function against the same local cloud.
 *
 *   npx tsx scripts/bench-signup.ts [people=1000] [capacity=100] [inFlight=50] [instancesPerFunction=8]
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startLocalCloud, type LocalCloud } from '../localcloud';
import { buildFunctions } from './build-functions';
import { bounded } from './bench/bounded';

const [PEOPLE, CAPACITY, IN_FLIGHT, INSTANCES] = [1000, 100, 50, 8].map((fallback, i) => Number(process.argv[2 + i] ?? fallback));
/** People who tap twice at once: a duplicate sign-up is the other way to overbook. */
const DOUBLE_TAPPERS = 20;
const root = path.resolve(__dirname, '..');

/** The naive way: count the confirmed seats, then insert if there is room. Two people can both see room. */
const NAIVE_FUNCTION = `
const cloud = require('wx-server-sdk');
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
const db = cloud.database();
const $ = db.command.aggregate;
exports.main = async (event) => {
  const { OPENID } = cloud.getWXContext();
  const { activityId, capacity, companions } = event;
  const signups = db.collection('naive_signups');
  const mine = await signups.where({ activityId, memberId: OPENID }).count();
  if (mine.total > 0) return { ok: false, code: 'ALREADY_SIGNED_UP' };
  const { list } = await signups.aggregate().match({ activityId, status: 'confirmed' }).group({ _id: null, seats: $.sum('$seats') }).end();
  const taken = list.length ? list[0].seats : 0;
  const seats = 1 + companions;
  const status = taken + seats <= capacity ? 'confirmed' : 'waitlisted';
  await signups.add({ data: { activityId, memberId: OPENID, seats, status, arrivedAt: Date.now() } });
  return { ok: true, data: { status } };
};
`;


function seedPeople(cloud: LocalCloud): string[] {
  const now = Date.now();
  const people = Array.from({ length: PEOPLE }, (_, i) => `B${String(i).padStart(5, '0')}`);
  cloud.db.admin.insert('groups', [{ _id: 'bench-g', name: '压测组', createdAt: now }]);
  cloud.db.admin.insert(
    'members',
    people.map((staffNo, i) => ({
      _id: staffNo, staffNo, name: `压测${i}`, gender: i % 2 ? 'female' : 'male', status: 'active', groupId: 'bench-g', groupName: '压测组',
      roles: [], isDelegate: false, openid: `bench-${staffNo}`, boundAt: now, createdAt: now, updatedAt: now,
    })),
  );
  cloud.db.admin.insert('bindings', people.map((staffNo) => ({ _id: `bench-${staffNo}`, memberId: staffNo, at: now })));
  return people;
}

interface Row {
  variant: string;
  perSecond: number;
  taken: number;
  overbooked: number;
  duplicates: number;
  waitlisted: number;
}

/** Sends everyone (companions for every third person, double taps for the first few), 50 in flight. */
async function race(send: (staffNo: string, companions: number) => Promise<unknown>, people: string[]): Promise<number> {
  const tasks = [
    ...people.map((p, i) => () => send(p, i % 3 === 0 ? 1 : 0)),
    ...people.slice(0, DOUBLE_TAPPERS).map((p) => () => send(p, 0)),
  ];
  // Interleave the double taps with the first wave.
  const order = tasks.map((task, i) => ({ task, key: i < people.length ? i : (i - people.length) * 2 + 0.5 })).sort((a, b) => a.key - b.key);
  const started = process.hrtime.bigint();
  await bounded(order.map((o) => o.task), IN_FLIGHT);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

function tally(variant: string, ms: number, signups: Array<{ memberId: string; status: string; seats: number }>): Row {
  const confirmed = signups.filter((s) => s.status === 'confirmed');
  const taken = confirmed.reduce((sum, s) => sum + s.seats, 0);
  const active = signups.filter((s) => s.status === 'confirmed' || s.status === 'waitlisted');
  return {
    variant,
    perSecond: Math.round((PEOPLE / ms) * 1000),
    taken,
    overbooked: Math.max(0, taken - CAPACITY),
    duplicates: active.length - new Set(active.map((s) => s.memberId)).size,
    waitlisted: signups.filter((s) => s.status === 'waitlisted').length,
  };
}

async function main() {
  await buildFunctions();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'jgzj-bench-'));
  const functionsDir = path.join(dataDir, 'functions');
  for (const file of ['index.js', 'config.json', 'package.json']) {
    mkdirSync(path.join(functionsDir, 'api'), { recursive: true });
    copyFileSync(path.join(root, 'cloudfunctions/api', file), path.join(functionsDir, 'api', file));
  }
  mkdirSync(path.join(functionsDir, 'naive'), { recursive: true });
  writeFileSync(path.join(functionsDir, 'naive', 'index.js'), NAIVE_FUNCTION);
  writeFileSync(path.join(functionsDir, 'naive', 'config.json'), JSON.stringify({ timeout: 60 }));

  const cloud = await startLocalCloud({ dataDir: path.join(dataDir, 'data'), functionsDir, port: 0, instancesPerFunction: INSTANCES, autoTriggers: false, log: () => undefined });
  try {
    const people = seedPeople(cloud);
    const now = Date.now();
    const activity = {
      title: '压测活动', category: 'other', description: '', place: '', startAt: now + 86400_000, endAt: now + 90000_000,
      signupOpensAt: now - 60_000, signupDeadline: now + 3600_000, capacity: CAPACITY, cancelRule: 'untilDeadline', audience: {},
      companionsMax: 1, choices: [], status: 'published', taken: 0, waiting: 0, createdBy: 'bench', createdAt: now, updatedAt: now,
    };
    const [realId, naiveId] = cloud.db.admin.insert('activities', [activity, { ...activity, title: '压测活动（朴素）' }]);
    cloud.db.admin.createCollection('signups');
    cloud.db.admin.createCollection('naive_signups');

    const realMs = await race(
      (staffNo, companions) => cloud.call('api', { action: 'activity.signUp', input: { activityId: realId, companions, answers: {} } }, { openid: `bench-${staffNo}` }),
      people,
    );
    const naiveMs = await race(
      (staffNo, companions) => cloud.call('naive', { activityId: naiveId, capacity: CAPACITY, companions }, { openid: `bench-${staffNo}` }),
      people,
    );
    const real = tally('activity.signUp (conditional updates)', realMs, cloud.db.admin.find('signups', { activityId: realId }));
    const naive = tally('naive count-then-insert', naiveMs, cloud.db.admin.find('naive_signups', { activityId: naiveId }).map((s) => ({ ...s, memberId: s.memberId })));
    const counter = cloud.db.admin.find('activities', { _id: realId })[0];

    console.log(`\n${PEOPLE} people (every third with one companion, ${DOUBLE_TAPPERS} tapping twice) for ${CAPACITY} places, ${IN_FLIGHT} in flight, ${INSTANCES} instances per function\n`);
    const header = ['variant', 'sign-ups/s', 'places taken / capacity', 'overbooked places', 'duplicates', 'waitlisted'];
    const rows = [real, naive].map((r) => [r.variant, String(r.perSecond), `${r.taken} / ${CAPACITY}`, String(r.overbooked), String(r.duplicates), String(r.waitlisted)]);
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
    console.log([line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n'));
    console.log(`\nactivity counter: taken ${counter.taken}, waiting ${counter.waiting}`);
  } finally {
    await cloud.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
