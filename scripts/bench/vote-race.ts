/**
 * The vote race: N members each cast several ballots at once (a nervous tap, a flaky network) in a
 * secret election, through the real request function (vote.create, vote.publish, vote.cast) on a
 * local cloud with several instances. Exactly one ballot per member may count.
 * Expects the functions built (scripts/build-functions.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startLocalCloud, type LocalCloud } from '../../localcloud';
import type { Envelope } from '../../types/envelope';
import type { Vote, VoteDraft } from '../../types/vote';
import { bounded } from './bounded';
import { markdownTable } from './table';
import { warmUp } from './warm';

const root = path.resolve(__dirname, '../..');
const HOUR = 60 * 60 * 1000;
const CANDIDATES = 6;

export interface VoteRaceOptions {
  voters: number;
  /** Ballots each member sends at once, each for a different candidate. */
  triesEach: number;
  inFlight: number;
  instancesPerFunction: number;
}

export const VOTE_RACE_DEFAULTS: VoteRaceOptions = { voters: 500, triesEach: 3, inFlight: 50, instancesPerFunction: 8 };

export interface VoteRaceBench {
  options: VoteRaceOptions;
  sent: number;
  /** Answered ok: the ballot was taken. */
  accepted: number;
  /** Refused as ALREADY_VOTED. */
  duplicatesRefused: number;
  /** Any other refusal or failure (should be none). */
  otherFailures: Record<string, number>;
  /** The vote document afterwards. */
  turnout: number;
  counted: number;
  votersMarked: number;
  uniqueVoters: number;
  seconds: number;
  ballotsPerSecond: number;
}

function seed(cloud: LocalCloud, voters: number): { chair: string; people: string[] } {
  const now = Date.now();
  cloud.db.admin.insert('groups', [
    { _id: 'bench-office', name: '工会办公室', createdAt: now },
    { _id: 'bench-g', name: '压测组', createdAt: now },
  ]);
  const member = (staffNo: string, i: number, extra: object) => ({
    _id: staffNo, staffNo, name: `压测${i}`, gender: i % 2 ? 'female' : 'male', status: 'active', groupId: 'bench-g', groupName: '压测组',
    roles: [], isDelegate: false, openid: `bench-${staffNo}`, boundAt: now, createdAt: now, updatedAt: now, ...extra,
  });
  const people = Array.from({ length: voters }, (_, i) => `V${String(i).padStart(5, '0')}`);
  cloud.db.admin.insert('members', [member('C00000', 0, { name: '压测主席', roles: ['chair'], groupId: 'bench-office', groupName: '工会办公室' }), ...people.map((p, i) => member(p, i + 1, {}))]);
  cloud.db.admin.insert('bindings', ['C00000', ...people].map((staffNo) => ({ _id: `bench-${staffNo}`, memberId: staffNo, at: now })));
  for (const name of ['settings', 'votes', 'subscriptions', 'messages']) cloud.db.admin.createCollection(name);
  return { chair: 'bench-C00000', people };
}

async function act<T>(cloud: LocalCloud, openid: string, action: string, input: object): Promise<Envelope<T>> {
  return (await cloud.call('api', { action, input }, { openid })).result as Envelope<T>;
}

function mustOk<T>(envelope: Envelope<T>, what: string): T {
  if (!envelope.ok) throw new Error(`${what} failed: ${envelope.code} ${envelope.message}`);
  return envelope.data;
}

export async function benchVoteRace(options: Partial<VoteRaceOptions> = {}): Promise<VoteRaceBench> {
  const o: VoteRaceOptions = { ...VOTE_RACE_DEFAULTS, ...options };
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'jgzj-bench-votes-'));
  const cloud = await startLocalCloud({ dataDir, port: 0, functionsDir: path.join(root, 'cloudfunctions'), instancesPerFunction: o.instancesPerFunction, autoTriggers: false, log: () => undefined });
  try {
    const { chair, people } = seed(cloud, o.voters);
    const now = Date.now();
    const draft: VoteDraft = {
      title: '2026年度工会活动积极分子评选',
      description: '请在候选人中选出你心目中的积极分子。',
      content: { kind: 'election', candidates: Array.from({ length: CANDIDATES }, (_, i) => ({ id: `c${i + 1}`, name: `候选人${i + 1}` })), minPicks: 1, maxPicks: 1 },
      opensAt: now - 60_000,
      closesAt: now + 48 * HOUR,
      electorate: { groupIds: ['bench-g'] },
      secret: true,
      resultVisibility: 'afterClose',
      allowChange: false,
    };
    const vote = mustOk(await act<{ _id: string }>(cloud, chair, 'vote.create', { draft }), 'vote.create');
    mustOk(await act(cloud, chair, 'vote.publish', { voteId: vote._id }), 'vote.publish');
    await warmUp(cloud, 'api', { action: 'me.get', input: {} }, o.instancesPerFunction, `bench-${people[0]}`);

    // Member by member, so each member's tries are in flight together; each try picks another candidate.
    const tries = people.flatMap((p, i) =>
      Array.from({ length: o.triesEach }, (_, k) => () =>
        act(cloud, `bench-${p}`, 'vote.cast', { voteId: vote._id, ballot: { kind: 'election', picks: [`c${((i + k) % CANDIDATES) + 1}`] } }).catch(
          (error: unknown): Envelope<never> => ({ ok: false, code: 'CALL_FAILED' as never, message: String(error) }),
        ),
      ),
    );
    const started = process.hrtime.bigint();
    const answers = await bounded(tries, o.inFlight);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;

    const otherFailures: Record<string, number> = {};
    let accepted = 0;
    let duplicatesRefused = 0;
    for (const a of answers) {
      if (a.ok) accepted++;
      else if (a.code === 'ALREADY_VOTED') duplicatesRefused++;
      else otherFailures[a.code] = (otherFailures[a.code] ?? 0) + 1;
    }
    const stored = cloud.db.admin.find('votes', { _id: vote._id })[0] as Vote;
    const counted = Object.values(stored.tally).reduce<number>((n, v) => n + (typeof v === 'number' ? v : 0), 0);
    return {
      options: o,
      sent: tries.length,
      accepted,
      duplicatesRefused,
      otherFailures,
      turnout: stored.turnout,
      counted,
      votersMarked: stored.voterIds.length,
      uniqueVoters: new Set(stored.voterIds).size,
      seconds,
      ballotsPerSecond: Math.round(tries.length / seconds),
    };
  } finally {
    await cloud.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export function voteRaceHeading(b: VoteRaceBench): string {
  const o = b.options;
  return `${o.voters} members each casting ${o.triesEach} ballots at once (different candidates) in a secret election, ${o.inFlight} in flight, ${o.instancesPerFunction} instances`;
}

export function voteRaceTable(b: VoteRaceBench): string {
  const failures = Object.entries(b.otherFailures).map(([code, n]) => `${code} ×${n}`).join(', ') || '0';
  return markdownTable(
    ['ballots sent', 'accepted', 'ballots counted', 'turnout', 'voters marked (unique)', 'duplicates refused', 'other failures', 'ballots/s'],
    [[b.sent, b.accepted, `${b.counted} / ${b.options.voters}`, b.turnout, `${b.votersMarked} (${b.uniqueVoters})`, b.duplicatesRefused, failures, b.ballotsPerSecond]],
  );
}
