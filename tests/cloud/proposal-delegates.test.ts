/**
 * Choosing co-signers: any member may list the congress delegates (public id, name and group), so a
 * delegate can invite others to co-sign a proposal.
 */
import { demo, expectOk, startTestCloud, type TestCloud } from './support/harness';

jest.setTimeout(60_000);

let t: TestCloud;

beforeAll(async () => {
  t = await startTestCloud();
});
afterAll(() => t.stop());

const delegates = demo.members.filter((m) => m.isDelegate);
// A plain delegate: the chair and committee, who may read the roster, see 工号 anyway.
const boundDelegate = delegates.find((m) => m.openid && m.roles.length === 0)!;

describe('proposal.delegates', () => {
  it('lists the other delegates, bound or not, by group then name, with no openids', async () => {
    const list = expectOk(await t.act(demo.openid(boundDelegate.staffNo), 'proposal.delegates'));
    const others = delegates.filter((m) => m.staffNo !== boundDelegate.staffNo);
    expect(list).toHaveLength(others.length);
    // Public ids, never 工号 (issue 12: the list was how takeovers harvested name + 工号 pairs).
    expect(list.map((d) => d.memberId).sort()).toEqual(others.map((m) => t.publicId(m.staffNo)).sort());
    expect(list.map((d) => d.memberId)).not.toContain(boundDelegate.staffNo);
    for (const m of delegates) expect(JSON.stringify(list)).not.toContain(`"${m.staffNo}"`);
    // Unbound delegates may be invited too: they will see the invitation once they bind.
    expect(delegates.some((m) => !m.openid)).toBe(true);
    for (const row of list) expect(Object.keys(row).sort()).toEqual(['groupName', 'memberId', 'name']);
    expect(JSON.stringify(list)).not.toMatch(/openid/i);
    const order = list.map((d) => [d.groupName, d.name]);
    const sorted = [...order].sort(([g1, n1], [g2, n2]) => g1.localeCompare(g2, 'zh-Hans-CN') || n1.localeCompare(n2, 'zh-Hans-CN'));
    expect(order).toEqual(sorted);
  });

  it('answers a plain member too, and refuses a WeChat user not on the roster', async () => {
    const plain = demo.members.find((m) => m.openid && !m.isDelegate)!;
    const list = expectOk(await t.act(demo.openid(plain.staffNo), 'proposal.delegates'));
    expect(list).toHaveLength(delegates.length);
    expect(await t.act('openid-stranger', 'proposal.delegates')).toMatchObject({ ok: false, code: 'NOT_BOUND' });
  });
});
