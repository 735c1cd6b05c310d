import { demo, expectOk, startTestCloud, type TestCloud } from './support/harness';

let t: TestCloud;
beforeAll(async () => {
  t = await startTestCloud();
});
afterAll(() => t.stop());

const target = () => demo.unbound[0];

describe('a stranger binds to the roster', () => {
  it('sees only that they are not bound', async () => {
    expect(expectOk(await t.act('stranger-1', 'me.get'))).toEqual({ bound: false, setupOpen: false });
    expect(await t.act('stranger-1', 'roster.list')).toMatchObject({ ok: false, code: 'NOT_BOUND', message: '请先绑定教职工身份' });
    expect(await t.act('stranger-1', 'groups.list')).toMatchObject({ ok: false, code: 'NOT_BOUND' });
  });

  it('is refused with a clear message on a wrong 工号, and no record changes', async () => {
    const before = t.snapshot();
    const answer = await t.act('stranger-1', 'me.bind', { name: target().name, staffNo: 'T9999' });
    expect(answer).toEqual({ ok: false, code: 'BIND_NO_MATCH', message: '姓名和工号对不上，请核对后再试' });
    const after = t.snapshot();
    expect(after.members).toEqual(before.members);
    expect(after.bindings).toEqual(before.bindings);
  });

  it('binds with name and 工号, then sees their own record', async () => {
    const me = expectOk(await t.act('stranger-1', 'me.bind', { name: ` ${target().name} `, staffNo: target().staffNo }));
    expect(me).toMatchObject({ bound: true, member: { staffNo: target().staffNo, name: target().name, bound: true } });
    expect(JSON.stringify(me)).not.toContain('stranger-1'); // the openid never reaches a client
    expect(expectOk(await t.act('stranger-1', 'me.get'))).toMatchObject({ bound: true, member: { staffNo: target().staffNo } });
  });

  it('cannot take a record someone else bound, nor bind twice', async () => {
    expect(await t.act('stranger-2', 'me.bind', { name: target().name, staffNo: target().staffNo })).toMatchObject({ code: 'BIND_TAKEN' });
    expect(await t.act('stranger-1', 'me.bind', { name: demo.unbound[1].name, staffNo: demo.unbound[1].staffNo })).toMatchObject({ code: 'ALREADY_BOUND' });
  });

  it('limits attempts: the sixth try within an hour is refused even when right', async () => {
    const who = 'stranger-guessing';
    for (let i = 0; i < 5; i++) expect(await t.act(who, 'me.bind', { name: '不存在', staffNo: `X${i}` })).toMatchObject({ code: 'BIND_NO_MATCH' });
    const right = { name: demo.unbound[2].name, staffNo: demo.unbound[2].staffNo };
    expect(await t.act(who, 'me.bind', right)).toMatchObject({ code: 'BIND_TOO_MANY_ATTEMPTS', message: '尝试次数过多，请一小时后再试，或联系工会' });
    await t.cloud.advanceClock(61 * 60 * 1000);
    expect(expectOk(await t.act(who, 'me.bind', right))).toMatchObject({ bound: true });
  });

  it('lets exactly one of many people racing for one record win', async () => {
    const record = demo.unbound[3];
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => t.act(`racer-${i}`, 'me.bind', { name: record.name, staffNo: record.staffNo })),
    );
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    for (const a of answers.filter((x) => !x.ok)) expect(a).toMatchObject({ code: expect.stringMatching(/^(BIND_TAKEN|CONFLICT)$/) });
    const bound = t.cloud.db.admin.find('members', { _id: record.staffNo })[0];
    expect(t.cloud.db.admin.find('bindings', { memberId: record.staffNo })).toEqual([expect.objectContaining({ _id: bound.openid })]);
  });

  it('binds one WeChat user to one record only, even when racing two records', async () => {
    const [a, b] = [demo.unbound[1], demo.unbound[4]];
    const answers = await Promise.all([
      t.act('double-binder', 'me.bind', { name: a.name, staffNo: a.staffNo }),
      t.act('double-binder', 'me.bind', { name: b.name, staffNo: b.staffNo }),
    ]);
    expect(answers.filter((x) => x.ok)).toHaveLength(1);
    expect(answers.find((x) => !x.ok)).toMatchObject({ code: expect.stringMatching(/^(ALREADY_BOUND|CONFLICT)$/) });
    expect(t.cloud.db.admin.find('members', { openid: 'double-binder' })).toHaveLength(1);
  });
});
