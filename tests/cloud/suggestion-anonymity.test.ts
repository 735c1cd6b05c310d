/**
 * The hostile reader of issue 12 §3. Six members open 写建议 and send named and anonymous
 * suggestions in a shuffled order, in sessions as people do (open the page, send one or two).
 * A reader who has the whole database — every row of the local cloud's SQLite file, in storage
 * (rowid) order — then tries the pairings the hostile test used:
 *
 * - insertion order: the rows written next to an anonymous suggestion, and what each send wrote;
 * - per-member, per-day counts: what the database keeps about each member that day;
 * - time proximity: the times stored with an anonymous suggestion against everyone else's.
 *
 * Each must come out the same whoever sent the anonymous suggestions. On the old code the first
 * send of each member inserted `suggestionQuota/<工号>_<day>` just before the suggestion, and the
 * counter counted the member's anonymous ones.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { decodeStored } from '../../localcloud/db/ejson';
import { expectOk, seedBoundMembers, startTestCloud, type TestCloud } from './support/harness';
import { randomTicket, wallets } from './support/suggestions';

jest.setTimeout(120_000);

const MINUTE = 60_000;
/** 2027-05-11 09:00 in Shanghai, and that day's midnight. */
const NINE = Date.UTC(2027, 4, 11, 1, 0);
const MIDNIGHT = Date.UTC(2027, 4, 10, 16, 0);

interface Row {
  rowid: number;
  coll: string;
  id: string;
  doc: Record<string, unknown>;
  text: string;
}

/** Every document of every collection, straight from the SQLite file, in storage order. */
function readDatabase(t: TestCloud): Row[] {
  const db = new Database(path.join(t.dataDir, 'db.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare('SELECT rowid, coll, id, body FROM documents ORDER BY rowid').all() as Array<{ rowid: number; coll: string; id: string; body: string }>;
    return rows.map((r) => ({ rowid: r.rowid, coll: r.coll, id: r.id, doc: decodeStored(r.body) as Record<string, unknown>, text: `${r.id} ${r.body}` }));
  } finally {
    db.close();
  }
}

type Kind = 'open' | 'named' | 'anonymous';
/** Who does what, in order: the "shuffle" is fixed, so every run is the same run. */
const EVENTS: Array<[number, Kind]> = [
  [3, 'open'], [0, 'open'], [3, 'named'], [0, 'anonymous'], [5, 'open'], [1, 'open'], [3, 'anonymous'], [5, 'anonymous'],
  [1, 'named'], [2, 'open'], [0, 'named'], [2, 'anonymous'], [4, 'open'], [3, 'anonymous'], [1, 'named'], [5, 'named'],
];

let t: TestCloud;
let members: Array<{ staffNo: string; openid: string }>;
/** Each anonymous suggestion's id, with its true sender and the owner token their phone kept. */
const anonymous: Array<{ id: string; sender: number; token: string; title: string }> = [];
/** The database just before each anonymous send, and just after. */
const sendDiffs: Array<{ before: Row[]; after: Row[]; sender: number }> = [];
/** Row ids present before the day's first send. */
let beforeFirstSend: Set<number>;
let final: Row[];

const nameOf = (i: number) => `匿名测试${'甲乙丙丁戊己'[i]}`;
/** The members a row names, by 工号 anywhere in its id or body (the reader knows the roster). */
const named = (row: Row, staffNos: string[]) => staffNos.filter((s) => new RegExp(`(?<![A-Za-z0-9])${s}(?![0-9])`).test(row.text));
const isAnonymousSuggestion = (row: Row) => row.coll === 'suggestions' && row.doc.anonymous === true;

beforeAll(async () => {
  t = await startTestCloud();
  members = seedBoundMembers(t.cloud, 6, (i) => ({ name: nameOf(i) }), 'AN');
  const wallet = wallets(t);
  let at = NINE;
  let sends = 0;
  for (const [i, kind] of EVENTS) {
    at += 3 * MINUTE;
    t.cloud.clock.set(at);
    const { openid } = members[i];
    if (kind === 'open') {
      await wallet.open(openid);
      continue;
    }
    if (sends++ === 0) beforeFirstSend = new Set(readDatabase(t).map((r) => r.rowid));
    const title = `${kind === 'named' ? '署名' : '匿名'}建议第${sends}条`;
    if (kind === 'named') {
      expectOk(await t.act(openid, 'suggestion.send', { title, body: '希望学校改进这件事。', anonymous: false, ticket: await wallet.take(openid) }));
      continue;
    }
    const token = randomTicket();
    const before = readDatabase(t);
    const view = expectOk(await t.act(openid, 'suggestion.send', { title, body: '希望学校改进这件事。', anonymous: true, token, ticket: await wallet.take(openid) }));
    sendDiffs.push({ before, after: readDatabase(t), sender: i });
    anonymous.push({ id: view._id, sender: i, token, title });
  }
  final = readDatabase(t);
});
afterAll(() => t?.stop());

const staffNos = () => members.map((m) => m.staffNo);
const anonymousRows = () => final.filter(isAnonymousSuggestion);

it('sets the scene: five anonymous suggestions from four different members, each found by its sender from their phone', async () => {
  expect(anonymousRows().map((r) => r.id).sort()).toEqual(anonymous.map((a) => a.id).sort());
  expect(new Set(anonymous.map((a) => a.sender)).size).toBe(4);
  for (const a of anonymous) {
    const mine = expectOk(await t.act(members[a.sender].openid, 'suggestion.mine', { tokens: [a.token] }));
    expect(mine.filter((s) => s.anonymous).map((s) => s.title)).toEqual([a.title]);
  }
});

describe('insertion order', () => {
  it('an anonymous send inserts no row, removes no row, and changes only the day’s spent list and one vacant place', () => {
    expect(sendDiffs).toHaveLength(5);
    for (const { before, after } of sendDiffs) {
      const was = new Map(before.map((r) => [r.rowid, r]));
      const now = new Map(after.map((r) => [r.rowid, r]));
      expect([...now.keys()].filter((k) => !was.has(k))).toEqual([]);
      expect([...was.keys()].filter((k) => !now.has(k))).toEqual([]);
      const changed = after.filter((r) => was.get(r.rowid)!.text !== r.text);
      expect(changed.map((r) => r.coll).sort()).toEqual(['suggestionSpent', 'suggestions']);
      const place = changed.find((r) => r.coll === 'suggestions')!;
      expect(was.get(place.rowid)!.doc).toEqual({ _id: place.id, vacant: true });
      // Nothing that names a member changed.
      for (const row of changed) expect(named(was.get(row.rowid)!, staffNos())).toEqual([]);
      for (const row of changed) expect(named(row, staffNos())).toEqual([]);
    }
  });

  it('every anonymous suggestion sits in a row that was there before anyone sent anything that day', () => {
    for (const row of anonymousRows()) expect(beforeFirstSend.has(row.rowid)).toBe(true);
  });

  it('fills places at random, not the oldest first (which would keep the order of sending)', () => {
    // The vacant places as they stood before the first send, in storage order.
    const stock = sendDiffs[0].before.filter((r) => r.coll === 'suggestions' && r.doc.vacant === true).map((r) => r.rowid);
    expect(stock.length).toBeGreaterThanOrEqual(5 * members.length);
    const filled = anonymousRows().map((r) => r.rowid).sort((a, b) => a - b);
    // By chance alone these are the five oldest once in C(stock, 5) ≈ 10^10 runs.
    expect(filled).not.toEqual(stock.slice(0, filled.length));
  });

  it('pairing by adjacency names the same members for every anonymous suggestion, whoever sent it', () => {
    const guesses = anonymousRows().map((row) => {
      const at = final.indexOf(row);
      const before = final.slice(0, at).reverse().find((r) => named(r, staffNos()).length > 0);
      const after = final.slice(at + 1).find((r) => named(r, staffNos()).length > 0);
      return [...(before ? named(before, staffNos()) : []), ...(after ? named(after, staffNos()) : [])].sort().join(',');
    });
    expect(guesses[0]).not.toBe("");
    expect(new Set(guesses).size).toBe(1);
    // One answer for suggestions from four different senders: right for at most one of them.
    expect(new Set(anonymous.map((a) => a.sender)).size).toBeGreaterThanOrEqual(2);
  });
});

describe('per-member, per-day counts', () => {
  it('keeps the same about every member who opened 写建议, whether they sent nothing, named ones, or three anonymous', () => {
    // What the database holds that names each member, apart from the roster and their named
    // suggestions, with the member's 工号 and the random hashes masked.
    const fingerprint = (staffNo: string) =>
      final
        .filter((r) => !['members', 'bindings'].includes(r.coll) && !(r.coll === 'suggestions' && r.doc.senderId === staffNo))
        .filter((r) => named(r, [staffNo]).length > 0)
        .map((r) => `${r.coll}: ${r.text.replaceAll(staffNo, '<工号>').replace(/[0-9a-f]{64}/g, '<hash>')}`)
        .sort();
    const prints = members.map((m) => fingerprint(m.staffNo));
    expect(prints[0]).toHaveLength(1);
    for (const p of prints) expect(p).toEqual(prints[0]);
  });

  it('counts only the day’s sends, in no order and with no one’s name', () => {
    const lists = final.filter((r) => r.coll === 'suggestionSpent');
    expect(lists).toHaveLength(1);
    const spent = lists[0].doc.spent as string[];
    expect(spent).toHaveLength(EVENTS.filter(([, k]) => k !== 'open').length);
    expect([...spent].sort()).toEqual(spent);
    expect(named(lists[0], staffNos())).toEqual([]);
  });
});

describe('time proximity', () => {
  it('stores no time finer than the day with an anonymous suggestion, so every one of them is nearest to the same records', () => {
    const timesOf = (doc: unknown): number[] =>
      typeof doc === 'number' && doc > 1e12 ? [doc] : doc && typeof doc === 'object' ? Object.values(doc).flatMap(timesOf) : [];
    for (const row of anonymousRows()) expect(new Set(timesOf(row.doc))).toEqual(new Set([MIDNIGHT]));
    // The nearest timed record that names a member, for each anonymous suggestion: one answer for all.
    const timed = final.filter((r) => named(r, staffNos()).length > 0 && timesOf(r.doc).length > 0);
    const nearest = anonymousRows().map((row) => {
      const when = timesOf(row.doc)[0];
      const distance = (r: Row) => Math.min(...timesOf(r.doc).map((x) => Math.abs(x - when)));
      return named([...timed].sort((a, b) => distance(a) - distance(b))[0], staffNos()).join(',');
    });
    expect(new Set(nearest).size).toBe(1);
  });
});
