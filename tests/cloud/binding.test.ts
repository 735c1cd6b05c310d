/**
 * Binding needs proof the person holds: WeChat's phone number matching the roster, or a one-time
 * code the chair or the member's group leader issued. Name + 工号 (both harvestable) no longer bind.
 */
import { demo, expectOk, startTestCloud, type TestCloud } from './support/harness';

jest.setTimeout(60_000);

let t: TestCloud;
beforeAll(async () => {
  t = await startTestCloud();
});
afterAll(() => t.stop());

const DAY = 24 * 60 * 60 * 1000;
const chair = demo.openid(demo.chair.staffNo);
const record = (staffNo: string) => t.cloud.db.admin.find('members', { _id: staffNo })[0];
const bindingsOf = (staffNo: string) => t.cloud.db.admin.find('bindings', { memberId: staffNo });
const issue = async (staffNo: string, by = chair) => expectOk(await t.act(by, 'member.issueBindCode', { memberId: staffNo }));
const phoneOf = (m: (typeof demo.members)[number]) => m.phone!;
/** A code of six digits that is not this one. */
const otherCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

describe('the takeover of issue 12', () => {
  it('a stranger who knows an unbound delegate’s name and 工号 cannot bind to them; the delegate then binds with their phone', async () => {
    const delegate = demo.unbound.find((m) => m.isDelegate) ?? demo.unbound[0];
    const before = t.snapshot();
    const answer = await t.raw('takeover-stranger', { action: 'me.bind', input: { name: delegate.name, staffNo: delegate.staffNo } });
    expect(answer).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(record(delegate.staffNo).openid).toBeUndefined();
    expect(t.snapshot().members).toEqual(before.members);
    expect(expectOk(await t.act('takeover-stranger', 'me.get'))).toMatchObject({ bound: false });

    const code = t.cloud.script.phoneCode(phoneOf(delegate));
    expect(expectOk(await t.act('the-real-delegate', 'me.bindPhone', { code }))).toMatchObject({ bound: true, member: { staffNo: delegate.staffNo } });
  });
});

describe('binding with the WeChat phone number', () => {
  const who = () => demo.unbound[1];

  it('refuses a number the roster does not hold, and writes nothing', async () => {
    const before = t.snapshot();
    const answer = await t.act('phone-stranger', 'me.bindPhone', { code: t.cloud.script.phoneCode('13000000000') });
    expect(answer).toEqual({ ok: false, code: 'BIND_PHONE_NO_MATCH', message: '名册里没有登记这个手机号。请用工会主席或小组长给你的绑定码绑定' });
    expect(t.snapshot()).toEqual(before);
  });

  it('refuses a number from abroad, even with the same digits', async () => {
    const answer = await t.act('phone-abroad', 'me.bindPhone', { code: t.cloud.script.phoneCode(phoneOf(who()), '852') });
    expect(answer).toMatchObject({ ok: false, code: 'BIND_PHONE_NO_MATCH' });
  });

  it('refuses a code WeChat does not honour (made up, or already used)', async () => {
    expect(await t.act('phone-forger', 'me.bindPhone', { code: 'made-up-code' })).toMatchObject({ ok: false, code: 'BIND_PHONE_FAILED', message: '没能从微信取得手机号，请再点一次，或改用绑定码绑定' });
  });

  it('binds on a match and stores nothing the roster did not already hold', async () => {
    const before = t.snapshot();
    const code = t.cloud.script.phoneCode(phoneOf(who()));
    const me = expectOk(await t.act('phone-owner', 'me.bindPhone', { code }));
    expect(me).toMatchObject({ bound: true, member: { staffNo: who().staffNo, name: who().name } });
    const after = t.snapshot();
    const { openid, boundAt, updatedAt, ...rest } = after.members.find((m: any) => m._id === who().staffNo) as any;
    const { updatedAt: _u, ...was } = before.members.find((m: any) => m._id === who().staffNo) as any;
    expect({ openid, rest }).toEqual({ openid: 'phone-owner', rest: was });
    expect(bindingsOf(who().staffNo)).toEqual([{ _id: 'phone-owner', memberId: who().staffNo, at: boundAt }]);
    // The number lives only in the roster record it came from.
    const elsewhere = Object.entries(after).filter(([name]) => name !== 'members').map(([, docs]) => JSON.stringify(docs));
    for (const text of elsewhere) expect(text).not.toContain(phoneOf(who()));
    // The same code a second time: WeChat honours a code once.
    expect(await t.act('phone-replayer', 'me.bindPhone', { code })).toMatchObject({ ok: false, code: 'BIND_PHONE_FAILED' });
  });

  it('never takes a record someone already holds', async () => {
    const answer = await t.act('phone-second', 'me.bindPhone', { code: t.cloud.script.phoneCode(phoneOf(who())) });
    expect(answer).toMatchObject({ ok: false, code: 'BIND_TAKEN' });
    expect(record(who().staffNo).openid).toBe('phone-owner');
  });
});

describe('binding with a one-time code', () => {
  const who = () => demo.unbound[2];

  it('the chair issues six digits for 7 days and 5 tries; the database keeps only a hash', async () => {
    const issued = await issue(who().staffNo);
    const [stored] = t.cloud.db.admin.find('bindCodes', { _id: who().staffNo });
    expect(issued).toEqual({ code: expect.stringMatching(/^\d{6}$/), memberName: who().name, expiresAt: stored.issuedAt + 7 * DAY, tries: 5 });
    expect(JSON.stringify(t.snapshot())).not.toContain(`"${issued.code}"`);
    expect(Object.values(stored)).not.toContain(issued.code);
  });

  it('a new code replaces the old one', async () => {
    const first = await issue(who().staffNo);
    const second = await issue(who().staffNo);
    if (first.code !== second.code) expect(await t.act('code-old', 'me.bind', { name: who().name, code: first.code })).toMatchObject({ ok: false, code: 'BIND_CODE_WRONG' });
    expect(expectOk(await t.act('code-owner', 'me.bind', { name: ` ${who().name} `, code: second.code }))).toMatchObject({ bound: true, member: { staffNo: who().staffNo } });
    expect(t.cloud.db.admin.find('bindCodes', { _id: who().staffNo })).toEqual([]);
    // Used once, gone.
    expect(await t.act('code-again', 'me.bind', { name: who().name, code: second.code })).toMatchObject({ ok: false, code: 'BIND_CODE_WRONG' });
  });

  it('dies after 5 wrong tries, however many arrive at once, and then refuses even the right code', async () => {
    const target = demo.unbound[3];
    const { code } = await issue(target.staffNo);
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => t.act(`guesser-${i}`, 'me.bind', { name: target.name, code: otherCode(code) })));
    expect(answers.filter((a) => !a.ok && a.code === 'BIND_CODE_WRONG')).toHaveLength(5);
    expect(answers.filter((a) => !a.ok && a.code === 'BIND_CODE_EXPIRED')).toHaveLength(7);
    expect(t.cloud.db.admin.find('bindCodes', { _id: target.staffNo })[0]).toMatchObject({ tries: 5 });
    expect(await t.act('late-owner', 'me.bind', { name: target.name, code })).toEqual({ ok: false, code: 'BIND_CODE_EXPIRED', message: '这个绑定码已失效（超过 7 天或错了 5 次），请找工会主席或小组长重新获取' });
    expect(record(target.staffNo).openid).toBeUndefined();
  });

  it('expires after 7 days by the cloud’s clock', async () => {
    const target = demo.unbound[4];
    const { code } = await issue(target.staffNo);
    await t.cloud.advanceClock(7 * DAY - 60_000);
    const early = await issue(target.staffNo);
    await t.cloud.advanceClock(60_000 + 1);
    expect(await t.act('slow-owner', 'me.bind', { name: target.name, code })).toMatchObject({ ok: false });
    expect(expectOk(await t.act('slow-owner', 'me.bind', { name: target.name, code: early.code }))).toMatchObject({ bound: true });
    // A code issued now, tried a moment after its 7 days.
    const next = demo.members.find((m) => m.openid && m.roles.length === 0 && m.groupId === demo.chair.groupId)!;
    const late = await issue(next.staffNo);
    // A minute past its 7 days (the functions' clock runs on in real time within a call).
    await t.cloud.advanceClock(7 * DAY + 60_000);
    expect(await t.act('too-late', 'me.bind', { name: next.name, code: late.code })).toMatchObject({ ok: false, code: 'BIND_CODE_EXPIRED' });
  });

  it('a group leader issues codes for their own group only; a plain member not at all', async () => {
    const leader = demo.members.find((m) => m.openid && m.roles.includes('groupLeader') && !m.roles.includes('chair'))!;
    const mine = demo.members.find((m) => m.groupId === leader.groupId && m.staffNo !== leader.staffNo)!;
    const other = demo.members.find((m) => m.groupId !== leader.groupId)!;
    expect(await issue(mine.staffNo, demo.openid(leader.staffNo))).toMatchObject({ memberName: mine.name });
    const before = t.snapshot();
    expect(await t.act(demo.openid(leader.staffNo), 'member.issueBindCode', { memberId: other.staffNo })).toEqual({ ok: false, code: 'NOT_YOUR_GROUP_MEMBER', message: '小组长只能为本小组的会员生成绑定码' });
    expect(await t.act(demo.openid(demo.plain.staffNo), 'member.issueBindCode', { memberId: demo.plain.staffNo })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(t.snapshot()).toEqual(before);
  });

  it('a member who changed phone rebinds with a code; the old WeChat loses access at once', async () => {
    const member = demo.members.find((m) => m.openid && m.roles.length === 0 && m.staffNo !== demo.plain.staffNo && m.groupId !== demo.chair.groupId)!;
    const oldPhone = demo.openid(member.staffNo);
    expectOk(await t.act(oldPhone, 'activity.list', {}));
    const { code } = await issue(member.staffNo);
    expect(expectOk(await t.act('new-phone', 'me.bind', { name: member.name, code }))).toMatchObject({ bound: true, member: { staffNo: member.staffNo } });
    expect(await t.act(oldPhone, 'activity.list', {})).toMatchObject({ ok: false, code: 'NOT_BOUND' });
    expect(bindingsOf(member.staffNo).map((b) => b._id)).toEqual(['new-phone']);
    expect(t.cloud.db.admin.find('bindings', { _id: oldPhone })).toEqual([]);
  });
});

describe('unbinding', () => {
  it('the person’s open session loses access with their next call', async () => {
    const member = demo.members.find((m) => m.openid && m.roles.length === 0 && m.isDelegate)!;
    const session = demo.openid(member.staffNo);
    expectOk(await t.act(session, 'notice.list', {}));
    expectOk(await t.act(chair, 'member.unbind', { memberId: member.staffNo }));
    expect(await t.act(session, 'notice.list', {})).toEqual({ ok: false, code: 'NOT_BOUND', message: '请先绑定教职工身份' });
    expect(await t.act(session, 'proposal.delegates')).toMatchObject({ ok: false, code: 'NOT_BOUND' });
    expect(expectOk(await t.act(session, 'me.get'))).toMatchObject({ bound: false });
    expect(bindingsOf(member.staffNo)).toEqual([]);
  });
});

describe('attempts per WeChat user', () => {
  it('the sixth try within an hour is refused even when right', async () => {
    const target = demo.members.find((m) => m.openid && m.roles.length === 0 && m.groupId !== demo.chair.groupId && !m.isDelegate)!;
    const { code } = await issue(target.staffNo);
    const who = 'stranger-guessing';
    for (let i = 0; i < 5; i++) expect(await t.act(who, 'me.bind', { name: '不存在', code: '000000' })).toMatchObject({ code: 'BIND_CODE_WRONG' });
    expect(await t.act(who, 'me.bind', { name: target.name, code })).toMatchObject({ code: 'BIND_TOO_MANY_ATTEMPTS', message: '尝试次数过多，请一小时后再试，或联系工会' });
    await t.cloud.advanceClock(61 * 60 * 1000);
    expect(expectOk(await t.act(who, 'me.bind', { name: target.name, code }))).toMatchObject({ bound: true });
  });

  it('one WeChat user binds one record only, even racing two codes', async () => {
    const [a, b] = demo.members.filter((m) => m.openid && m.roles.length === 0 && !m.isDelegate).slice(-2);
    const [ca, cb] = [await issue(a.staffNo), await issue(b.staffNo)];
    const answers = await Promise.all([t.act('double-binder', 'me.bind', { name: a.name, code: ca.code }), t.act('double-binder', 'me.bind', { name: b.name, code: cb.code })]);
    expect(answers.filter((x) => x.ok)).toHaveLength(1);
    expect(answers.find((x) => !x.ok)).toMatchObject({ code: expect.stringMatching(/^(ALREADY_BOUND|CONFLICT)$/) });
    expect(t.cloud.db.admin.find('members', { openid: 'double-binder' })).toHaveLength(1);
  });
});
