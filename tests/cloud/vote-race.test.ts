/**
 * The vote race: 200 members each cast 5 ballots at once (a nervous tap, a flaky network), through
 * the real request function on several instances. Exactly one ballot per member counts.
 */
import type { Vote } from '../../types/vote';
import { bounded } from '../../scripts/bench/bounded';
import { demo, expectOk, seedBoundMembers, startTestCloud, type TestCloud } from './support/harness';
import { election, voteDraft } from './support/votes';

jest.setTimeout(120_000);

let t: TestCloud;
const chair = demo.openid(demo.chair.staffNo);
const VOTERS = 200;
const TRIES = 5;

beforeAll(async () => {
  t = await startTestCloud({ instancesPerFunction: 4 });
});
afterAll(() => t.stop());

const sum = (tally: Vote['tally']) => Object.values(tally).reduce<number>((n, v) => n + (typeof v === 'number' ? v : 0), 0);

it.each([
  ['secret', true],
  ['named', false],
])('a %s vote counts exactly one ballot per member, however many arrive at once', async (_kind, secret) => {
  const people = seedBoundMembers(t.cloud, VOTERS, () => ({}), secret ? 'S' : 'N');
  const draft = voteDraft(t.cloud.clock.now(), election(6, 1), { secret, electorate: { groupIds: ['demo-g1'] } });
  const vote = expectOk(await t.act(chair, 'vote.create', { draft }));
  expectOk(await t.act(chair, 'vote.publish', { voteId: vote._id }));

  // Each member's five tries choose different candidates: only the first to land may count.
  const tries = people.flatMap((p, i) =>
    Array.from({ length: TRIES }, (_, k) => () => t.act(p.openid, 'vote.cast', { voteId: vote._id, ballot: { kind: 'election', picks: [`c${((i + k) % 6) + 1}`] } })),
  );
  const answers = await bounded(tries, 50);

  const ok = answers.filter((a) => a.ok).length;
  const refused = answers.filter((a) => !a.ok);
  expect(ok).toBe(VOTERS);
  expect(new Set(refused.map((a) => (a.ok ? '' : a.code)))).toEqual(new Set(['ALREADY_VOTED']));

  const stored = t.cloud.db.admin.find('votes', { _id: vote._id })[0] as Vote;
  const seeded = people.map((p) => p.staffNo);
  expect(stored.turnout).toBe(VOTERS);
  expect(sum(stored.tally)).toBe(VOTERS);
  expect(stored.voterIds.filter((id) => seeded.includes(id))).toHaveLength(VOTERS);
  expect(new Set(stored.voterIds).size).toBe(stored.voterIds.length);
  // Kept sorted by 工号, whatever order the ballots landed in.
  expect(stored.voterIds).toEqual([...stored.voterIds].sort());
  if (!secret) expect(Object.keys(stored.namedBallots ?? {}).sort()).toEqual([...stored.voterIds].sort());
});
