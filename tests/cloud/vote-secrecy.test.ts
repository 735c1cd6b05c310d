/**
 * Secret ballots are unlinkable in the data itself. After a secret vote, we read every document of
 * every collection and every line the functions logged, and show that nothing there tells how a
 * given member voted: not a stored ballot, not an order, not a time.
 *
 * The strongest form: two votes run side by side, with the same voters arriving in the same order
 * at the same instants, where two members swap their choices between the votes. If the stored data
 * could link a member to a choice, the two votes' documents would differ. They are identical.
 */
import type { Ballot, Vote, VoteContent } from '../../types/vote';
import { demo, expectOk, startTestCloud, type TestCloud } from './support/harness';
import { appraisal, election, poll, voteDraft } from './support/votes';

jest.setTimeout(60_000);

let t: TestCloud;
const logs: string[] = [];
const T0 = Date.UTC(2026, 10, 26, 1, 0);
const MINUTE = 60_000;
const chair = demo.openid(demo.chair.staffNo);
const voters = demo.members.filter((m) => m.openid && m.status === 'active' && m.roles.length === 0).slice(0, 12);

/** Each voter's roster record as seeded: voting must not touch it. */
let rosterBefore: unknown[];

beforeAll(async () => {
  t = await startTestCloud({ log: (line) => logs.push(line) });
  t.cloud.clock.set(T0);
  rosterBefore = voters.map((m) => t.cloud.db.admin.find('members', { _id: m.staffNo })[0]);
});
afterAll(() => t.stop());

/** Arrival order: shuffled, so it is neither 工号 order nor roster order. */
const arrival = [...voters].sort((a, b) => (a.name.length * 7 + a.staffNo.charCodeAt(a.staffNo.length - 1)) % 5 - (b.name.length * 7 + b.staffNo.charCodeAt(b.staffNo.length - 1)) % 5 || b.staffNo.localeCompare(a.staffNo));

async function publishedTwice(content: VoteContent) {
  const ids: string[] = [];
  for (const title of ['甲', '乙']) {
    const vote = expectOk(await t.act(chair, 'vote.create', { draft: voteDraft(T0, content, { title: `无记名测试${title}`, secret: true, closesAt: T0 + 24 * 60 * MINUTE }) }));
    expectOk(await t.act(chair, 'vote.publish', { voteId: vote._id }));
    ids.push(vote._id);
  }
  return ids as [string, string];
}

/** Everyone casts in both votes, a minute apart; `ballotOf(i, which)` gives voter i's ballot in vote 0 or 1. */
async function castAll(ids: [string, string], ballotOf: (i: number, which: 0 | 1) => Ballot): Promise<number[]> {
  const instants: number[] = [];
  for (const [i, member] of arrival.entries()) {
    t.cloud.clock.advance(MINUTE);
    instants.push(t.cloud.clock.now());
    for (const which of [0, 1] as const) expectOk(await t.act(demo.openid(member.staffNo), 'vote.cast', { voteId: ids[which], ballot: ballotOf(i, which) }));
  }
  return instants;
}

const storedVote = (id: string) => t.cloud.db.admin.find('votes', { _id: id })[0] as Vote;
/** What differs between the two votes by how they were made (id, title, when the organiser saved them), not by ballots. */
const withoutIdentity = ({ _id, title, createdAt, updatedAt, ...rest }: Vote) => rest;

/** Every string and number stored anywhere, with the collection it is in. */
function everything(): Array<{ collection: string; text: string }> {
  return Object.entries(t.snapshot()).flatMap(([collection, docs]) => docs.map((doc) => ({ collection, text: JSON.stringify(doc) })));
}

const cases: Array<[string, VoteContent, (i: number, which: 0 | 1) => Ballot]> = [
  // Voters 0 and 1 swap c1 and c2 between the two votes; everyone else votes the same in both.
  ['an election', election(6, 2), (i, which) => ({ kind: 'election', picks: i === 0 ? [which ? 'c2' : 'c1', 'c5'] : i === 1 ? [which ? 'c1' : 'c2'] : [`c${(i % 4) + 3}`] })],
  ['an appraisal', appraisal, (i, which) => ({ kind: 'appraisal', grades: { s1: i < 2 ? ((i === 0) === !which ? 'excellent' : 'incompetent') : 'competent', s2: 'basic' } })],
  [
    'a poll with 其他',
    poll(2),
    (i, which) =>
      i < 2
        ? { kind: 'poll', picks: ['other'], otherText: (i === 0) === !which ? '建议去外伶仃岛' : '建议去澳门' }
        : { kind: 'poll', picks: [`o${(i % 3) + 1}`] },
  ],
];

describe.each(cases)('a secret %s', (_name, content, ballotOf) => {
  let ids: [string, string];
  let publishedAt: number;
  let instants: number[];

  beforeAll(async () => {
    ids = await publishedTwice(content);
    publishedAt = storedVote(ids[0]).updatedAt;
    logs.length = 0;
    instants = await castAll(ids, ballotOf);
  });

  it('stores exactly the same data whichever way two members voted', () => {
    expect(withoutIdentity(storedVote(ids[0]))).toEqual(withoutIdentity(storedVote(ids[1])));
    // …and the same bytes, so not even the order of keys differs.
    expect(JSON.stringify(withoutIdentity(storedVote(ids[0])))).toBe(JSON.stringify(withoutIdentity(storedVote(ids[1]))));
  });

  it('keeps no ballot, no arrival order and no time of voting', () => {
    const vote = storedVote(ids[0]);
    expect(Object.keys(vote).sort()).toEqual(
      ['_id', 'allowChange', 'closesAt', 'content', 'createdAt', 'createdBy', 'description', 'electorate', 'opensAt', 'otherTexts', 'rev', 'resultVisibility', 'secret', 'status', 'tally', 'title', 'turnout', 'updatedAt', 'voterIds'].sort(),
    );
    expect(vote.turnout).toBe(voters.length);
    expect(vote.voterIds).toEqual(voters.map((m) => m.staffNo).sort());
    expect(vote.voterIds).not.toEqual(arrival.map((m) => m.staffNo));
    expect(vote.otherTexts).toEqual([...vote.otherTexts].sort());
    // Casting wrote no time anywhere: the instants of the ballots appear in no stored document.
    expect(vote.updatedAt).toBe(publishedAt);
    const texts = everything();
    for (const instant of instants) expect(texts.filter((d) => d.text.includes(String(instant)))).toEqual([]);
  });

  it('mentions the vote nowhere but in its own document, and no member record changed', () => {
    const mentions = everything().filter((d) => d.text.includes(ids[0]));
    expect(mentions.map((d) => d.collection)).toEqual(['votes']);
    expect(voters.map((m) => t.cloud.db.admin.find('members', { _id: m.staffNo })[0])).toEqual(rosterBefore);
  });

  it('logs nothing of any ballot', () => {
    // The platform logs each call (who, how long, how many database requests): that someone voted
    // is not secret. What they chose must appear nowhere, and every cast costs the same requests.
    expect(logs.length).toBeGreaterThanOrEqual(voters.length * 2);
    const ballotWords = /picks|grades|stance|otherText|ballot|tally|"c\d"|excellent|incompetent|外伶仃岛|澳门/;
    expect(logs.filter((line) => ballotWords.test(line))).toEqual([]);
    // The instance's first call also reads what it keeps for later calls (the key for public member
    // ids): that is the same whatever the ballot. Every cast after it costs the same.
    expect(new Set(logs.slice(1).map((line) => /db=(\d+)/.exec(line)?.[1])).size).toBe(1);
  });

  it('answers the organiser’s turnout with names of non-voters only, and results only as totals', async () => {
    t.cloud.clock.set(T0 + 25 * 60 * MINUTE);
    const detail = expectOk(await t.act(chair, 'vote.get', { voteId: ids[0] }));
    expect(detail.myBallot).toBeNull();
    expect(JSON.stringify(detail)).not.toMatch(new RegExp(voters.map((m) => m.staffNo).join('|')));
    const turnout = expectOk(await t.act(chair, 'vote.turnout', { voteId: ids[0] }));
    expect(turnout.notVoted.map((m) => m.memberId)).not.toEqual(expect.arrayContaining([voters[0].staffNo]));
    t.cloud.clock.set(instants[instants.length - 1] + MINUTE);
  });
});
