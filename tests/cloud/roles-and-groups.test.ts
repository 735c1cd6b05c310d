import { ACTIONS } from '../../types/actions';
import { demo, expectOk, startTestCloud, type TestCloud } from './support/harness';

let t: TestCloud;
const chair = demo.openid(demo.chair.staffNo);
beforeAll(async () => {
  t = await startTestCloud();
});
afterAll(() => t.stop());

describe('roles', () => {
  it('the chair makes a member a committee member and delegate; the member sees it on 我的', async () => {
    const who = demo.plain;
    const view = expectOk(await t.act(chair, 'member.setRoles', { memberId: who.staffNo, roles: ['groupLeader', 'committee'], isDelegate: true }));
    expect(view).toMatchObject({ roles: ['committee', 'groupLeader'], isDelegate: true });
    expect(expectOk(await t.act(demo.openid(who.staffNo), 'me.get'))).toMatchObject({ bound: true, member: { roles: ['committee', 'groupLeader'], isDelegate: true } });
    // and now may open the roster
    expect(expectOk(await t.act(demo.openid(who.staffNo), 'roster.list'))).toMatchObject({ members: expect.any(Array), canEdit: false });
  });

  it('keeps the last chair', async () => {
    const before = t.snapshot();
    expect(await t.act(chair, 'member.setRoles', { memberId: demo.chair.staffNo, roles: [], isDelegate: false })).toEqual({ ok: false, code: 'LAST_CHAIR', message: '至少要保留一位工会主席' });
    expect(t.snapshot()).toEqual(before);
  });

  it('refuses role changes from anyone but the chair, and bad roles', async () => {
    const before = t.snapshot();
    expect(await t.act(demo.openid(demo.committee.staffNo), 'member.setRoles', { memberId: demo.committee.staffNo, roles: ['chair'], isDelegate: true })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await t.act(chair, 'member.setRoles', { memberId: demo.plain.staffNo, roles: ['king'], isDelegate: true } as never)).toMatchObject({ code: 'INVALID_INPUT' });
    expect(await t.act(chair, 'member.setRoles', { memberId: 'NOBODY', roles: [], isDelegate: true })).toMatchObject({ code: 'NOT_FOUND' });
    expect(t.snapshot()).toEqual(before);
  });

  it('unbinding frees the record for a new WeChat account', async () => {
    const who = demo.members.find((m) => m.openid && m.roles.length === 0 && m.staffNo !== demo.plain.staffNo)!;
    expect(expectOk(await t.act(chair, 'member.unbind', { memberId: who.staffNo }))).toMatchObject({ bound: false });
    expect(expectOk(await t.act(demo.openid(who.staffNo), 'me.get'))).toMatchObject({ bound: false });
    expect(expectOk(await t.act('new-phone', 'me.bindPhone', { code: t.cloud.script.phoneCode(who.phone!) }))).toMatchObject({ bound: true });
  });
});

describe('union groups', () => {
  it('lists groups with member counts in two requests', async () => {
    const { result, dbRequests } = await t.cloud.call('api', { action: 'groups.list', input: {} }, { openid: chair });
    const groups = result.data as Array<{ name: string; memberCount: number }>;
    expect(groups.map((g) => g.name)).toContain('语文组');
    expect(groups.reduce((sum, g) => sum + g.memberCount, 0)).toBe(60);
    expect(dbRequests).toBeLessThanOrEqual(4); // caller lookup + groups + counts + which ids are 工号 (answers to plain members carry public ids)
  });

  it('creates, renames (members follow) and refuses to delete a group with members', async () => {
    const created = expectOk(await t.act(chair, 'groups.create', { name: '新教师组' }));
    expect(await t.act(chair, 'groups.create', { name: '新教师组' })).toMatchObject({ code: 'GROUP_NAME_TAKEN' });
    const math = expectOk(await t.act(chair, 'groups.list')).find((g) => g.name === '数学组')!;
    expectOk(await t.act(chair, 'groups.rename', { groupId: math._id, name: '数学教研组' }));
    expect(t.cloud.db.admin.find('members', { groupId: math._id }).every((m) => m.groupName === '数学教研组')).toBe(true);
    expect(await t.act(chair, 'groups.remove', { groupId: math._id })).toMatchObject({ code: 'GROUP_NOT_EMPTY', message: '这个小组还有成员，不能删除' });
    expect(expectOk(await t.act(chair, 'groups.remove', { groupId: created._id }))).toEqual({ removed: true });
    expect(await t.act(demo.openid(demo.plain.staffNo), 'groups.create', { name: '私建组' })).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('access', () => {
  it('refuses every role-restricted action to a member without the role, and to a stranger, writing nothing', async () => {
    const plainMember = demo.openid(demo.members.filter((m) => m.openid && m.roles.length === 0).at(-1)!.staffNo);
    const before = t.snapshot();
    for (const [action, spec] of Object.entries(ACTIONS)) {
      if (!Array.isArray(spec.access)) continue;
      expect([action, await t.raw(plainMember, { action, input: {} })]).toEqual([action, expect.objectContaining({ ok: false, code: 'FORBIDDEN' })]);
      expect([action, await t.raw('a-stranger', { action, input: {} })]).toEqual([action, expect.objectContaining({ ok: false, code: 'NOT_BOUND' })]);
    }
    expect(t.snapshot()).toEqual(before);
  });
});

describe('bad input', () => {
  it('answers every malformed request with a stable code and writes nothing', async () => {
    const before = t.snapshot();
    const cases: Array<[unknown, string]> = [
      [{ action: 'nope' }, 'UNKNOWN_ACTION'],
      [{ action: 'groups.create', input: { name: '甲', extra: 1 } }, 'INVALID_INPUT'],
      [{ action: 'groups.create', input: { name: 42 } }, 'INVALID_INPUT'],
      [{ action: 'groups.create', input: { name: '长'.repeat(1000) } }, 'INVALID_INPUT'],
      [{ action: 'groups.rename', input: { groupId: { $ne: '' }, name: 'x' } }, 'INVALID_INPUT'],
      [{ action: 'groups.create' , input: { name: '甲' }, openid: 'someone' }, 'INVALID_INPUT'],
      ['just a string', 'INVALID_INPUT'],
    ];
    for (const [event, code] of cases) expect(await t.raw(chair, event)).toMatchObject({ ok: false, code, message: expect.any(String) });
    expect(t.snapshot()).toEqual(before);
  });
});

describe('first use', () => {
  it('lets the holder of the setup code become the first chair, once', async () => {
    const fresh = await startTestCloud({ seed: false, functionEnv: { api: { UNION_SETUP_CODE: 'open-sesame' } } });
    try {
      expect(expectOk(await fresh.act('founder', 'me.get'))).toEqual({ bound: false, setupOpen: true });
      expect(await fresh.act('founder', 'setup.claimChair', { name: '陈主席', staffNo: 'C001', gender: 'female', setupCode: 'wrong' })).toMatchObject({ code: 'SETUP_CODE_WRONG' });
      expect(expectOk(await fresh.act('founder', 'setup.claimChair', { name: '陈主席', staffNo: 'C001', gender: 'female', setupCode: 'open-sesame' }))).toMatchObject({ bound: true, member: { roles: ['chair'], gender: 'female', groupName: '工会委员会' } });
      expect(await fresh.act('second', 'setup.claimChair', { name: '李某', staffNo: 'C002', gender: 'male', setupCode: 'open-sesame' })).toMatchObject({ code: 'SETUP_CLOSED' });
      expect(expectOk(await fresh.act('second', 'me.get'))).toEqual({ bound: false, setupOpen: false });
    } finally {
      await fresh.stop();
    }
  });
});
