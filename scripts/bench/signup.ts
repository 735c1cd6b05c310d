/**
 * The sign-up race: N people race for C places, through the real request function on a local
 * cloud, beside a naive count-then-insert function against the same local cloud. Every third
 * person brings a companion and the first few tap twice (a duplicate is the other way to overbook).
 * Expects the functions built (scripts/build-functions.ts).
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startLocalCloud, type LocalCloud } from '../../localcloud';
import { bounded } from './bounded';
import { markdownTable } from './table';
import { warmUp } from './warm';

const root = path.resolve(__dirname, '../..');

/** The naive way: count the confirmed seats, then insert if there is room. Two people can both see room. */
const NAIVE_FUNCTION = `
const cloud = require('wx-server-sdk');
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
const db = cloud.database();
const $ = db.command.aggregate;
exports.main = async (event) => {
  if (event.warmUp) return { ok: true };
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

export interface SignupOptions {
  people: number;
  capacity: number;
  inFlight: number;
  instancesPerFunction: number;
  /** People who tap twice at once. */
  doubleTappers: number;
}

export const SIGNUP_DEFAULTS: SignupOptions = { people: 1000, capacity: 100, inFlight: 50, instancesPerFunction: 8, doubleTappers: 20 };

export interface SignupRow {
  variant: string;
  perSecond: number;
  seconds: number;
  taken: number;
  overbooked: number;
  duplicates: number;
  waitlisted: number;
  /** Sign-ups whose status breaks first come, first served along the variant's own order of arrival. */
  outOfOrder: number;
  /** Sign-ups neither confirmed nor waitlisted (half made). */
  stranded: number;
}

export interface SignupBench {
  options: SignupOptions;
  /** The real function, then the naive one. */
  rows: [SignupRow, SignupRow];
  /** The real activity's counters afterwards. */
  counter: { taken: number; waiting: number };
}

function seedPeople(cloud: LocalCloud, count: number): string[] {
  const now = Date.now();
  const people = Array.from({ length: count }, (_, i) => `B${String(i).padStart(5, '0')}`);
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

/** Sends everyone (companions for every third person, double taps for the first few), `inFlight` at a time. Returns ms. */
async function race(send: (staffNo: string, companions: number) => Promise<unknown>, people: string[], o: SignupOptions): Promise<number> {
  const tasks = [
    ...people.map((p, i) => () => send(p, i % 3 === 0 ? 1 : 0)),
    ...people.slice(0, o.doubleTappers).map((p) => () => send(p, 0)),
  ];
  // Interleave the double taps with the first wave.
  const order = tasks.map((task, i) => ({ task, key: i < people.length ? i : (i - people.length) * 2 + 0.5 })).sort((a, b) => a.key - b.key);
  const started = process.hrtime.bigint();
  await bounded(order.map((x) => x.task), o.inFlight);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

type Stored = { memberId: string; status: string; seats: number; seq?: number; arrivedAt: number };

/**
 * Along the order of arrival (the number the real function gives each sign-up; the naive one has
 * only its clock), sign-ups are confirmed while their seats fit and everyone from the first that
 * does not fit waits. Counts those whose status says otherwise.
 */
function outOfOrder(signups: Stored[], capacity: number): number {
  const held = signups.filter((s) => s.status === 'confirmed' || s.status === 'waitlisted');
  const order = [...held].sort((a, b) => (a.seq ?? a.arrivedAt) - (b.seq ?? b.arrivedAt));
  let seats = 0;
  let full = false;
  return order.filter((s) => {
    full ||= seats + s.seats > capacity;
    if (!full) seats += s.seats;
    return s.status !== (full ? 'waitlisted' : 'confirmed');
  }).length;
}

function tally(variant: string, ms: number, signups: Stored[], o: SignupOptions): SignupRow {
  const confirmed = signups.filter((s) => s.status === 'confirmed');
  const taken = confirmed.reduce((sum, s) => sum + s.seats, 0);
  const active = signups.filter((s) => s.status === 'confirmed' || s.status === 'waitlisted');
  return {
    variant,
    perSecond: Math.round((o.people / ms) * 1000),
    seconds: ms / 1000,
    taken,
    overbooked: Math.max(0, taken - o.capacity),
    duplicates: active.length - new Set(active.map((s) => s.memberId)).size,
    waitlisted: signups.filter((s) => s.status === 'waitlisted').length,
    outOfOrder: outOfOrder(signups, o.capacity),
    stranded: signups.length - active.length,
  };
}

export async function benchSignup(options: Partial<SignupOptions> = {}): Promise<SignupBench> {
  const o: SignupOptions = { ...SIGNUP_DEFAULTS, ...options };
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'jgzj-bench-signup-'));
  const functionsDir = path.join(dataDir, 'functions');
  mkdirSync(path.join(functionsDir, 'api'), { recursive: true });
  for (const file of ['index.js', 'config.json', 'package.json']) copyFileSync(path.join(root, 'cloudfunctions/api', file), path.join(functionsDir, 'api', file));
  mkdirSync(path.join(functionsDir, 'naive'), { recursive: true });
  writeFileSync(path.join(functionsDir, 'naive', 'index.js'), NAIVE_FUNCTION);
  writeFileSync(path.join(functionsDir, 'naive', 'config.json'), JSON.stringify({ timeout: 60 }));

  const cloud = await startLocalCloud({ dataDir: path.join(dataDir, 'data'), functionsDir, port: 0, instancesPerFunction: o.instancesPerFunction, autoTriggers: false, log: () => undefined });
  try {
    const people = seedPeople(cloud, o.people);
    const now = Date.now();
    const activity = {
      title: '压测活动', category: 'other', description: '', place: '', startAt: now + 86400_000, endAt: now + 90000_000,
      signupOpensAt: now - 60_000, signupDeadline: now + 3600_000, capacity: o.capacity, cancelRule: 'untilDeadline', audience: {},
      companionsMax: 1, choices: [], status: 'published', taken: 0, waiting: 0, checkedIn: 0, createdBy: 'bench', createdAt: now, updatedAt: now,
    };
    const [realId, naiveId] = cloud.db.admin.insert('activities', [activity, { ...activity, title: '压测活动（朴素）' }]);
    cloud.db.admin.createCollection('signups');
    cloud.db.admin.createCollection('naive_signups');
    await warmUp(cloud, 'api', { action: 'me.get', input: {} }, o.instancesPerFunction, `bench-${people[0]}`);
    await warmUp(cloud, 'naive', { warmUp: true }, o.instancesPerFunction, `bench-${people[0]}`);

    const realMs = await race(
      (staffNo, companions) => cloud.call('api', { action: 'activity.signUp', input: { activityId: realId, companions, answers: {} } }, { openid: `bench-${staffNo}` }),
      people,
      o,
    );
    const naiveMs = await race(
      (staffNo, companions) => cloud.call('naive', { activityId: naiveId, capacity: o.capacity, companions }, { openid: `bench-${staffNo}` }),
      people,
      o,
    );
    const real = tally('activity.signUp (one transaction per sign-up)', realMs, cloud.db.admin.find('signups', { activityId: realId }) as never, o);
    const naive = tally('naive count-then-insert', naiveMs, cloud.db.admin.find('naive_signups', { activityId: naiveId }) as never, o);
    const counter = cloud.db.admin.find('activities', { _id: realId })[0] as { taken: number; waiting: number };
    return { options: o, rows: [real, naive], counter: { taken: counter.taken, waiting: counter.waiting } };
  } finally {
    await cloud.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export function signupHeading(b: SignupBench): string {
  const o = b.options;
  return `${o.people} people (every third with one companion, ${o.doubleTappers} tapping twice) for ${o.capacity} places, ${o.inFlight} in flight, ${o.instancesPerFunction} instances per function`;
}

export function signupTable(b: SignupBench): string {
  const { capacity } = b.options;
  return markdownTable(
    ['variant', 'places taken / capacity', 'waitlisted', 'overbooked places', 'duplicates', 'out of arrival order', 'stranded', 'sign-ups/s'],
    b.rows.map((r) => [r.variant, `${r.taken} / ${capacity}`, r.waitlisted, r.overbooked, r.duplicates, r.outOfOrder, r.stranded, r.perSecond]),
  );
}
