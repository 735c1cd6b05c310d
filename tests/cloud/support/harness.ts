/**
 * Cloud tests: the real request function (the esbuild bundle in cloudfunctions/api), through the
 * real wx-server-sdk, against a local cloud on a throwaway data folder.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startLocalCloud, type LocalCloud } from '../../../localcloud';
import type { ActionInput, ActionName, ActionOutput } from '../../../types/actions';
import type { Envelope } from '../../../types/envelope';
import type { Member } from '../../../types/member';
import type { ActivityDraft } from '../../../types/activity';
import { extensionOf, type UploadPurpose } from '../../../types/uploads';
import { buildDemoUnion, demoOpenid } from '../../../scripts/demo/union';
import { seedDemoUnion } from '../../../scripts/demo/seed';
import { testNow } from '../../support/test-instant';
import { encodeMemberId, MEMBER_ID_KEY_DOC } from '../../../cloudfunctions/api/src/domain/member-ids';

export const root = path.resolve(__dirname, '../../..');

export interface TestCloud {
  cloud: LocalCloud;
  /** The local cloud's data folder (db.sqlite, storage/). */
  dataDir: string;
  /** Calls an action as this WeChat user and returns the envelope. */
  act<A extends ActionName>(openid: string, action: A, input?: ActionInput<A>): Promise<Envelope<ActionOutput<A>>>;
  /** Sends any event at all, as a client could. */
  raw(openid: string, event: unknown): Promise<Envelope<unknown>>;
  /** Uploads bytes to this cloudPath as a client (the storage rules apply); returns the fileID. */
  upload(openid: string, cloudPath: string, content: Buffer | string): Promise<string>;
  /** Uploads as the app does: asks `file.uploadPath` for where, then uploads there; returns the fileID. */
  uploadFor(openid: string, purpose: UploadPurpose, fileName: string, content: Buffer | string): Promise<string>;
  /** Every document of every collection, for "nothing was written" checks. */
  snapshot(): Record<string, unknown[]>;
  /** The id a member goes by in answers to plain members. */
  publicId(staffNo: string): string;
  stop(): Promise<void>;
}

export async function startTestCloud(
  options: {
    seed?: boolean;
    functionEnv?: Record<string, Record<string, string>>;
    instancesPerFunction?: number;
    /** Receives every line the functions print (console output, errors). */
    log?: (line: string) => void;
  } = {},
): Promise<TestCloud> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'jgzj-cloud-'));
  const cloud = await startLocalCloud({
    dataDir,
    port: 0,
    functionsDir: path.join(root, 'cloudfunctions'),
    instancesPerFunction: options.instancesPerFunction ?? 2,
    log: options.log ?? (() => undefined),
    ...(options.functionEnv ? { functionEnv: options.functionEnv } : {}),
  });
  // Every run starts at the same instant (TEST_NOW), so the answers do not depend on the day;
  // tests that need a particular moment still set or advance the clock themselves.
  cloud.clock.startAt(testNow());
  // Tests create the activities and votes they need; the demo's own would only get in the way.
  if (options.seed !== false) seedDemoUnion(cloud.db, cloud.clock.now(), { activities: false, votes: false });
  // The request function creates its collections on first use; create them up front so that
  // "nothing was written" snapshots compare like with like.
  for (const name of ['bindCodes', 'teams', 'teamSeats', 'activities', 'signups', 'subscriptions', 'votes', 'suggestions', 'suggestionGrants', 'suggestionSpent', 'congressSessions', 'departments', 'proposals', 'notices', 'noticeReads', 'plans', 'messages']) cloud.db.admin.createCollection(name);
  const raw = async (openid: string, event: unknown) => (await cloud.call('api', event as object, { openid })).result as Envelope<unknown>;
  async function upload(openid: string, cloudPath: string, content: Buffer | string): Promise<string> {
    const res = await fetch(`${cloud.url}/api/storage/upload?cloudPath=${encodeURIComponent(cloudPath)}`, {
      method: 'POST',
      headers: { cookie: `lc_openid=${encodeURIComponent(openid)}` },
      body: new Uint8Array(typeof content === 'string' ? Buffer.from(content) : content),
    });
    if (!res.ok) throw new Error(`upload failed: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { fileID: string }).fileID;
  }
  return {
    cloud,
    dataDir,
    raw,
    act: (openid, action, input) => raw(openid, { action, input: input ?? {} }) as never,
    upload,
    async uploadFor(openid, purpose, fileName, content) {
      const answer = (await raw(openid, { action: 'file.uploadPath', input: { purpose, extension: extensionOf(fileName) } })) as Envelope<{ cloudPath: string }>;
      if (!answer.ok) throw new Error(`file.uploadPath refused: ${answer.code}`);
      return upload(openid, answer.data.cloudPath, content);
    },
    publicId(staffNo) {
      // The key the request function makes on first need; made here if a test needs it first.
      if (!cloud.db.admin.find('settings', { _id: MEMBER_ID_KEY_DOC }).length) cloud.db.admin.insert('settings', [{ _id: MEMBER_ID_KEY_DOC, key: randomBytes(32).toString('hex') }]);
      const doc = cloud.db.admin.find('settings', { _id: MEMBER_ID_KEY_DOC })[0] as { key: string };
      return encodeMemberId(Buffer.from(doc.key, 'hex'), staffNo);
    },
    snapshot() {
      return Object.fromEntries(cloud.db.admin.collections().sort().map((name) => [name, cloud.db.admin.find(name, {}, { sort: { _id: 1 } })]));
    },
    async stop() {
      await cloud.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** People of the demo union, by what they are. */
export const demo = (() => {
  const { members } = buildDemoUnion(0);
  const by = (predicate: (m: (typeof members)[number]) => boolean) => members.find(predicate)!;
  const chair = by((m) => m.roles.includes('chair'));
  const committee = by((m) => m.roles.includes('committee') && !m.roles.includes('chair'));
  const plain = by((m) => m.roles.length === 0 && Boolean(m.openid));
  const unbound = members.filter((m) => !m.openid);
  return { members, chair, committee, plain, unbound, openid: demoOpenid };
})();

export const expectOk = <T>(envelope: Envelope<T>): T => {
  if (!envelope.ok) throw new Error(`expected ok, got ${envelope.code}: ${envelope.message}`);
  return envelope.data;
};

/**
 * Adds bound members straight to the database (as a roster import plus bindings would), for tests
 * that need more people than the demo union has. Returns their openids, in order.
 */
export function seedBoundMembers(
  cloud: LocalCloud,
  count: number,
  make: (i: number) => Partial<Member> = () => ({}),
  prefix = 'R',
): Array<{ staffNo: string; openid: string }> {
  const now = cloud.clock.now();
  const people = Array.from({ length: count }, (_, i) => {
    const staffNo = `${prefix}${String(i).padStart(5, '0')}`;
    return { staffNo, openid: `openid-${staffNo}` };
  });
  cloud.db.admin.insert(
    'members',
    people.map(({ staffNo, openid }, i): Member => ({
      _id: staffNo,
      staffNo,
      name: `测试${i}`,
      gender: i % 2 ? 'female' : 'male',
      status: 'active',
      groupId: 'demo-g1',
      groupName: '语文组',
      roles: [],
      isDelegate: false,
      openid,
      boundAt: now,
      createdAt: now,
      updatedAt: now,
      ...make(i),
    })),
  );
  cloud.db.admin.insert('bindings', people.map(({ staffNo, openid }) => ({ _id: openid, memberId: staffNo, at: now })));
  return people;
}

const HOUR = 60 * 60 * 1000;

/** An activity form as an organiser fills it in: sign-up open from `now`, for a week; starts a day after. */
export function activityDraft(now: number, overrides: Partial<ActivityDraft> = {}): ActivityDraft {
  return {
    title: '教工羽毛球赛',
    category: 'sports',
    description: '',
    place: '体育馆',
    signupOpensAt: now - HOUR,
    signupDeadline: now + 7 * 24 * HOUR,
    startAt: now + 8 * 24 * HOUR,
    endAt: now + 8 * 24 * HOUR + 3 * HOUR,
    capacity: 10,
    cancelRule: 'untilDeadline',
    audience: {},
    companionsMax: 1,
    choices: [],
    ...overrides,
  };
}
