/**
 * The kill -9 drill. The local cloud runs as its own process (`localcloud/main.ts`, as `npm start`
 * runs it) on a seeded throwaway data folder. 300 members sign up for 50 places and cast ballots
 * in a secret election at the same time, 40 requests in flight, through the H5 endpoint exactly as
 * the browser build calls it. After 100 acknowledged answers the process is killed with SIGKILL.
 *
 * Then, reading the SQLite file itself: every answer acknowledged before the kill is stored as it
 * was acknowledged, no sign-up is stranded (each is confirmed or waitlisted, none half made), the
 * counters agree exactly with the documents, and the confirmed and waitlisted sign-ups follow the
 * order of their numbers (lib/seats.ts: a sign-up, its number and its seat are one transaction, so
 * a request cut off at any point leaves all of it or none). The process is started again on the
 * same folder, the storm resumes there, and the same holds at the end.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase, type DatabaseEngine } from '../../localcloud/db';
import { decodeStored } from '../../localcloud/db/ejson';
import type { LocalCloud } from '../../localcloud';
import { seedDemoUnion } from '../../scripts/demo/seed';
import { bounded } from '../../scripts/bench/bounded';
import type { Activity } from '../../types/activity';
import type { Vote } from '../../types/vote';
import type { Envelope } from '../../types/envelope';
import type { StoredSignup } from '../../cloudfunctions/api/src/domain/activity-view';
import { activityDraft, demo, root, seedBoundMembers } from './support/harness';
import { election, voteDraft } from './support/votes';
import { expectArrivalOrder } from './support/arrival-order';

jest.setTimeout(240_000);

const PEOPLE = 300;
const CAPACITY = 50;
const IN_FLIGHT = 40;
const KILL_AFTER = 100;
const CANDIDATES = 6;
const chair = demo.openid(demo.chair.staffNo);

// ---------------------------------------------------------------------------------------------
// The local cloud as a process of its own

interface CloudProcess {
  child: ChildProcess;
  pid: number;
  url: string;
  /** Resolves when the process has exited, with how. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output: () => string;
}

const started: CloudProcess[] = [];

async function startCloudProcess(dataDir: string): Promise<CloudProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'localcloud/main.ts'),
      '--data', dataDir, '--port', '0', '--instances', '4',
      '--functions', path.join(root, 'cloudfunctions'), '--static', path.join(dataDir, 'no-h5-build')],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const running: CloudProcess = { child, pid: child.pid!, url: '', exited, output: () => output };
  started.push(running);
  running.url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the local cloud did not start within 30 s:\n${output}`)), 30_000);
    const look = () => {
      const match = /本地云已启动：(http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        child.stdout!.off('data', look);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', look);
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`the local cloud exited (${code ?? signal}) before it started:\n${output}`));
    });
  });
  return running;
}

/** The function instances (child processes) of the local cloud process. */
function childPidsOf(pid: number): number[] {
  try {
    return execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' }).split('\n').map((s) => Number(s.trim())).filter((n) => n > 0);
  } catch {
    return []; // ps exits 1 when there are none
  }
}

/** Whether a process is still running (a zombie waiting to be reaped has ended). */
function isRunning(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** Function instances of our processes: each runs with our temp folder on its command line, which guards against a reused pid. */
const instancePids = new Set<number>();
const isOurInstance = (pid: number): boolean => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(dataDir);
  } catch {
    return false;
  }
};

async function waitUntil(condition: () => boolean, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > until) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
}

/** Stops a process cleanly (SIGTERM: main.ts closes the cloud and exits 0). */
async function stopCloudProcess(p: CloudProcess): Promise<void> {
  if (p.child.exitCode !== null || p.child.signalCode !== null) return;
  p.child.kill('SIGTERM');
  const { code, signal } = await p.exited;
  if (code !== 0) throw new Error(`the local cloud did not stop cleanly (${code ?? signal}):\n${p.output()}`);
}

// ---------------------------------------------------------------------------------------------
// The H5 gateway's request: POST /api/functions/api {data} with the lc_openid cookie → {result}

type Outcome =
  | { kind: 'answer'; status: number; envelope: Envelope<any> | null; body: string }
  | { kind: 'connection'; code: string }
  | { kind: 'not sent' };

const agent = new http.Agent({ keepAlive: true, maxSockets: IN_FLIGHT + 10 });

function callApi(url: string, openid: string, action: string, input: object): Promise<Outcome> {
  const body = JSON.stringify({ data: { action, input } });
  return new Promise((resolve) => {
    const req = http.request(`${url}/api/functions/api`, {
      method: 'POST',
      agent,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), cookie: `lc_openid=${encodeURIComponent(openid)}` },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', (err: NodeJS.ErrnoException) => resolve({ kind: 'connection', code: err.code ?? err.message }));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let envelope: Envelope<any> | null = null;
        try {
          envelope = (JSON.parse(text) as { result?: Envelope<any> }).result ?? null;
        } catch {
          // not JSON: left null, the caller reports the body
        }
        resolve({ kind: 'answer', status: res.statusCode ?? 0, envelope, body: text });
      });
      res.on('aborted', () => resolve({ kind: 'connection', code: 'ABORTED' }));
    });
    req.setTimeout(30_000, () => req.destroy(Object.assign(new Error('timed out'), { code: 'TIMEOUT' })));
    req.on('error', (err: NodeJS.ErrnoException) => resolve({ kind: 'connection', code: err.code ?? err.message }));
    req.end(body);
  });
}

const acknowledged = (o: Outcome): o is Extract<Outcome, { kind: 'answer' }> & { envelope: { ok: true; data: any } } =>
  o.kind === 'answer' && o.status === 200 && o.envelope?.ok === true;

async function act(url: string, openid: string, action: string, input: object): Promise<any> {
  const outcome = await callApi(url, openid, action, input);
  if (!acknowledged(outcome)) throw new Error(`${action} as ${openid}: ${JSON.stringify(outcome)}`);
  return outcome.envelope.data;
}

// ---------------------------------------------------------------------------------------------
// What is stored, read straight from the SQLite file while no process has it open

function readStored(dataDir: string, activityId: string, voteId: string) {
  const engine: DatabaseEngine = openDatabase({ file: path.join(dataDir, 'db.sqlite') });
  try {
    return {
      activity: engine.admin.find('activities', { _id: activityId })[0] as Activity,
      signups: engine.admin.find('signups', { activityId }) as StoredSignup[],
      vote: engine.admin.find('votes', { _id: voteId })[0] as Vote,
    };
  } finally {
    engine.close();
  }
}

type Stored = ReturnType<typeof readStored>;

/** While a process runs: the highest `taken` the file ever held, polled read-only (WAL lets a reader in). */
function watchTaken(dataDir: string, activityId: string) {
  const file = new Database(path.join(dataDir, 'db.sqlite'), { readonly: true, fileMustExist: true });
  const read = file.prepare('SELECT body FROM documents WHERE coll = ? AND id = ?');
  let max = 0;
  let reads = 0;
  const poll = () => {
    const row = read.get('activities', activityId) as { body: string } | undefined;
    if (row) {
      max = Math.max(max, Number(decodeStored(row.body).taken));
      reads++;
    }
  };
  const timer = setInterval(poll, 20);
  return {
    stop() {
      clearInterval(timer);
      poll();
      file.close();
      return { max, reads };
    },
  };
}

// ---------------------------------------------------------------------------------------------

let dataDir = '';
let people: Array<{ staffNo: string; openid: string }> = [];
const indexOf = new Map<string, number>();
const companionsOf = (i: number) => (i % 3 === 0 ? 1 : 0);
const pickOf = (i: number) => `c${(i % CANDIDATES) + 1}`;

beforeAll(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'jgzj-kill-drill-'));
  mkdirSync(path.join(dataDir, 'no-h5-build'));
  // Seed the folder before the process opens it: the demo union plus 300 bound members of 语文组.
  const db = openDatabase({ file: path.join(dataDir, 'db.sqlite') });
  try {
    // The drill's cloud is its own process and follows the wall clock (it has no TEST_NOW), so the
    // seed and the drafts below are dated by the wall clock too; nothing here depends on the day.
    seedDemoUnion(db, Date.now(), { activities: false, votes: false });
    for (const name of ['activities', 'signups', 'votes', 'subscriptions', 'messages', 'teams', 'teamSeats']) db.admin.createCollection(name);
    const wallClock = { now: () => Date.now() };
    people = seedBoundMembers({ db, clock: wallClock } as Pick<LocalCloud, 'db' | 'clock'> as LocalCloud, PEOPLE, () => ({}), 'K');
  } finally {
    db.close();
  }
  people.forEach((p, i) => indexOf.set(p.staffNo, i));
});

afterAll(async () => {
  // Only what this file started: the local cloud processes, and their function instances.
  for (const p of started) {
    for (const pid of childPidsOf(p.pid)) instancePids.add(pid);
    if (p.child.exitCode === null && p.child.signalCode === null) {
      p.child.kill('SIGKILL');
      await p.exited;
    }
  }
  for (const pid of instancePids) if (isRunning(pid) && isOurInstance(pid)) process.kill(pid, 'SIGKILL');
  agent.destroy();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/**
 * The invariants of the stored state, whatever was acknowledged: no sign-up stranded, the
 * counters exactly what the sign-ups hold, and first come first served by number.
 */
function checkCounters({ activity, signups, vote }: Stored, expectDone: boolean): void {
  const confirmed = signups.filter((s) => s.status === 'confirmed');
  const waitlisted = signups.filter((s) => s.status === 'waitlisted');
  const stranded = signups.filter((s) => s.status !== 'confirmed' && s.status !== 'waitlisted');
  expect(stranded.map((s) => `${s.memberId}:${s.status}`)).toEqual([]);
  expect(new Set(signups.map((s) => s.memberId)).size).toBe(signups.length);
  expect(activity.taken).toBeLessThanOrEqual(CAPACITY);
  expect(activity.taken).toBe(confirmed.reduce((n, s) => n + s.seats, 0));
  expect(activity.waiting).toBe(waitlisted.length);
  expectArrivalOrder(signups, CAPACITY);

  const voters = vote.voterIds;
  expect(new Set(voters).size).toBe(voters.length);
  expect(vote.turnout).toBe(voters.length);
  const tally = vote.tally as Record<string, number>;
  expect(Object.values(tally).reduce((n, v) => n + v, 0)).toBe(voters.length);
  // Exact counts: each member's one pick is known, so the tally follows from who voted.
  const expected = Object.fromEntries(Array.from({ length: CANDIDATES }, (_, k) => [`c${k + 1}`, 0]));
  for (const id of voters) if (indexOf.has(id)) expected[pickOf(indexOf.get(id)!)]! += 1;
  expect(tally).toEqual(expected);

  if (expectDone) {
    expect(signups).toHaveLength(PEOPLE);
    expect(activity.taken).toBeGreaterThanOrEqual(CAPACITY - 1); // full: at most one seat a pair could not use
    expect([...voters].sort()).toEqual(people.map((p) => p.staffNo).sort());
  }
}

describe('kill -9 in the middle of a sign-up and ballot storm', () => {
  let cloud: CloudProcess;
  let activityId = '';
  let voteId = '';
  const ackedSignups = new Map<string, 'confirmed' | 'waitlisted'>();
  const ackedBallots = new Set<string>();
  const connectionErrors: string[] = [];
  let notSent = 0;
  let killedAt = 0;
  let afterKill: Stored | null = null;
  /** Members whose request was in flight at the kill and got no answer. */
  const lostSignups = new Set<string>();
  const lostBallots = new Set<string>();

  it('the storm is acknowledged up to the kill, and the kill lands mid-storm', async () => {
    cloud = await startCloudProcess(dataDir);
    const now = Date.now();
    const activity = await act(cloud.url, chair, 'activity.create', { draft: activityDraft(now, { capacity: CAPACITY, companionsMax: 1 }) });
    await act(cloud.url, chair, 'activity.publish', { activityId: activity._id });
    const vote = await act(cloud.url, chair, 'vote.create', { draft: voteDraft(now, election(CANDIDATES, 1), { secret: true, electorate: { groupIds: ['demo-g1'] } }) });
    await act(cloud.url, chair, 'vote.publish', { voteId: vote._id });
    activityId = activity._id;
    voteId = vote._id;

    let killed = false;
    let acks = 0;
    const unexpected: string[] = [];
    const record = (what: string, outcome: Outcome, onAck: () => void) => {
      if (outcome.kind === 'not sent') return;
      if (acknowledged(outcome)) {
        onAck();
        if (++acks >= KILL_AFTER && !killed) {
          killed = true;
          killedAt = acks;
          for (const pid of childPidsOf(cloud.pid)) instancePids.add(pid);
          process.kill(cloud.pid, 'SIGKILL'); // the process this file started, by its pid
        }
      } else if (outcome.kind === 'connection' && killed) connectionErrors.push(outcome.code);
      else unexpected.push(`${what}: ${JSON.stringify(outcome)}`);
    };
    const send = (openid: string, action: string, input: object) => (killed ? Promise.resolve<Outcome>({ kind: 'not sent' }) : callApi(cloud.url, openid, action, input));

    // Each member signs up and votes; half of them vote first.
    const tasks = people.flatMap((p, i) => {
      const signUp = async () => {
        const outcome = await send(p.openid, 'activity.signUp', { activityId, companions: companionsOf(i), answers: {} });
        record(`signUp ${p.staffNo}`, outcome, () => ackedSignups.set(p.staffNo, (outcome as any).envelope.data.status));
        if (outcome.kind === 'not sent') notSent++;
        if (outcome.kind === 'connection') lostSignups.add(p.staffNo);
      };
      const cast = async () => {
        const outcome = await send(p.openid, 'vote.cast', { voteId, ballot: { kind: 'election', picks: [pickOf(i)] } });
        record(`vote ${p.staffNo}`, outcome, () => ackedBallots.add(p.staffNo));
        if (outcome.kind === 'not sent') notSent++;
        if (outcome.kind === 'connection') lostBallots.add(p.staffNo);
      };
      return i % 2 ? [signUp, cast] : [cast, signUp];
    });
    const watcher = watchTaken(dataDir, activityId);
    await bounded(tasks, IN_FLIGHT);
    const watched = watcher.stop();

    expect(unexpected).toEqual([]);
    expect(killed).toBe(true);
    const { signal } = await cloud.exited;
    expect(signal).toBe('SIGKILL');
    // Mid-storm: requests in flight lost their connection, and many were never sent.
    expect(connectionErrors.length).toBeGreaterThan(0);
    expect(notSent).toBeGreaterThan(0);
    expect(ackedSignups.size).toBeLessThan(PEOPLE);
    expect(ackedBallots.size).toBeLessThan(PEOPLE);
    expect(ackedSignups.size + ackedBallots.size).toBeGreaterThanOrEqual(KILL_AFTER);
    for (const status of ackedSignups.values()) expect(['confirmed', 'waitlisted']).toContain(status);
    // The orphaned function instances notice the lost IPC channel and exit on their own.
    expect(instancePids.size).toBeGreaterThan(0);
    expect(await waitUntil(() => [...instancePids].every((pid) => !isRunning(pid)), 5_000)).toBe(true);
    expect(watched.reads).toBeGreaterThan(10);
    expect(watched.max).toBeLessThanOrEqual(CAPACITY);
    console.log(`kill -9 after ${killedAt} acknowledged answers (${ackedSignups.size} sign-ups, ${ackedBallots.size} ballots); ${connectionErrors.length} requests lost their connection (${[...new Set(connectionErrors)].join(', ')}), ${notSent} not sent`);
  });

  it('after the kill, the file holds every acknowledged answer, and the counters agree', () => {
    const stored = (afterKill = readStored(dataDir, activityId, voteId));
    const status = new Map(stored.signups.map((s) => [s.memberId, s.status]));
    for (const [staffNo, acked] of ackedSignups) expect([staffNo, status.get(staffNo)]).toEqual([staffNo, acked]);
    const voters = new Set(stored.vote.voterIds);
    expect([...ackedBallots].filter((id) => !voters.has(id))).toEqual([]);
    checkCounters(stored, false);
    // Requests lost in flight were recorded whole or not at all.
    const lostRecorded = [...lostSignups].filter((id) => status.has(id)).length;
    console.log(`after the kill: ${stored.signups.length} sign-ups stored, none stranded; of ${lostSignups.size} lost in flight, ${lostRecorded} were recorded whole`);
  });

  it('restarts on the same folder, the storm resumes there, and nobody acknowledged counts twice', async () => {
    cloud = await startCloudProcess(dataDir);
    // The restarted process serves what was stored.
    const view = await act(cloud.url, chair, 'activity.get', { activityId });
    expect([view.activity.taken, view.activity.waiting]).toEqual([afterKill!.activity.taken, afterKill!.activity.waiting]);

    type Try = { p: (typeof people)[number]; action: 'signUp' | 'vote'; outcome: Outcome };
    const tasks = people.flatMap((p, i): Array<() => Promise<Try>> => {
      const signUp = async (): Promise<Try> => {
        const outcome = await callApi(cloud.url, p.openid, 'activity.signUp', { activityId, companions: companionsOf(i), answers: {} });
        return { p, action: 'signUp', outcome };
      };
      // Those already counted try another candidate: it must not count.
      const cast = async (): Promise<Try> => {
        const pick = ackedBallots.has(p.staffNo) ? `c${((i + 1) % CANDIDATES) + 1}` : pickOf(i);
        const outcome = await callApi(cloud.url, p.openid, 'vote.cast', { voteId, ballot: { kind: 'election', picks: [pick] } });
        return { p, action: 'vote', outcome };
      };
      return i % 2 ? [cast, signUp] : [signUp, cast];
    });
    const watcher = watchTaken(dataDir, activityId);
    const answers = await bounded(tasks, IN_FLIGHT);
    expect(watcher.stop().max).toBeLessThanOrEqual(CAPACITY);

    const problems: string[] = [];
    for (const { p, action, outcome } of answers) {
      const [acked, lost] = action === 'signUp' ? [ackedSignups, lostSignups] : [ackedBallots, lostBallots];
      const before = acked.has(p.staffNo) ? 'acknowledged' : lost.has(p.staffNo) ? 'lost in flight' : 'not sent';
      const refusal = action === 'signUp' ? 'ALREADY_SIGNED_UP' : 'ALREADY_VOTED';
      // Acknowledged before the kill: refused. Lost in flight: counted now, or found counted already. Never sent: counted now.
      const allowed = { acknowledged: [refusal], 'lost in flight': ['ok', refusal], 'not sent': ['ok'] }[before];
      const got = outcome.kind === 'answer' && outcome.status === 200 && outcome.envelope ? (outcome.envelope.ok ? 'ok' : outcome.envelope.code) : JSON.stringify(outcome);
      if (!allowed.includes(got)) problems.push(`${action} ${p.staffNo} (${before} before the kill): ${got}`);
    }
    expect(problems).toEqual([]);
    await stopCloudProcess(cloud);

    const stored = readStored(dataDir, activityId, voteId);
    const status = new Map(stored.signups.map((s) => [s.memberId, s.status]));
    for (const [staffNo, acked] of ackedSignups) expect([staffNo, status.get(staffNo)]).toEqual([staffNo, acked]);
    checkCounters(stored, true);
    console.log(`after the restart: taken ${stored.activity.taken}/${CAPACITY}, ${stored.activity.waiting} waitlisted; turnout ${stored.vote.turnout}`);
  });
});
