/**
 * The access matrix: every action of the action map, called as each kind of person, against the
 * hand-written table beside the action map (types/access-matrix.ts).
 */
import { ACTIONS, type ActionName } from '../../types/actions';
import { ACCESS_MATRIX, PERSONAS, type Persona } from '../../types/access-matrix';
import { demo, startTestCloud, type TestCloud } from './support/harness';

jest.setTimeout(120_000);

let t: TestCloud;
const REFUSALS = ['NOT_BOUND', 'ALREADY_BOUND', 'FORBIDDEN'];
const exactly = (...roles: string[]) => (m: (typeof demo.members)[number]) => Boolean(m.openid) && m.roles.length === roles.length && roles.every((r) => m.roles.includes(r as never));

const people: Record<Persona, string> = {
  stranger: 'a-wechat-user-not-on-the-roster',
  member: demo.openid(demo.members.find((m) => exactly()(m) && !m.isDelegate)!.staffNo),
  groupLeader: demo.openid(demo.members.find(exactly('groupLeader'))!.staffNo),
  committee: demo.openid(demo.members.find((m) => exactly('committee')(m) || exactly('committee', 'groupLeader')(m))!.staffNo),
  chair: demo.openid(demo.chair.staffNo),
  delegate: demo.openid(demo.members.find((m) => exactly()(m) && m.isDelegate)!.staffNo),
};

beforeAll(async () => {
  t = await startTestCloud();
});
afterAll(() => t.stop());

it('has a row for every action, and no row for an action that does not exist', () => {
  expect(Object.keys(ACCESS_MATRIX).sort()).toEqual(Object.keys(ACTIONS).sort());
  for (const row of Object.values(ACCESS_MATRIX)) expect(row).toMatch(/^[yn]{6}$/);
});

it('the chair is a group leader too, and the committee member holds no proposal-committee role', () => {
  expect(demo.chair.roles).toEqual(expect.arrayContaining(['chair', 'groupLeader']));
});

describe.each(Object.keys(ACTIONS) as ActionName[])('%s', (action) => {
  it.each(PERSONAS.map((persona, i) => [persona, i] as const))('as a %s', async (persona, i) => {
    const expected = ACCESS_MATRIX[action]?.[i] === 'y' ? 'admitted' : 'refused';
    const answer = await t.raw(people[persona], { action, input: {} });
    const outcome = !answer.ok && REFUSALS.includes(answer.code) ? 'refused' : 'admitted';
    expect({ action, persona, outcome }).toEqual({ action, persona, outcome: expected });
    // Never an unhandled error, whoever asks with whatever.
    if (!answer.ok) expect(answer.code).not.toBe('INTERNAL');
  });
});
