/**
 * The suggestion box (意见箱), through the real request function and SDK against the local cloud:
 * named and anonymous sending, what an anonymous record keeps, the daily limit under a race,
 * the content check, replies, publishing, and who may read what.
 */
import { createHash } from 'node:crypto';
import type { Suggestion, SuggestionView } from '../../types/suggestion';
import { demo, expectOk, seedBoundMembers, startTestCloud, type TestCloud } from './support/harness';
import { freshTickets, randomTicket, wallets } from './support/suggestions';

jest.setTimeout(60_000);

let t: TestCloud;
let wallet: ReturnType<typeof wallets>;
const MINUTE = 60 * 1000;
const DAY = 24 * 60 * MINUTE;
/** 2026-11-26 10:00 in Shanghai. */
const T0 = Date.UTC(2026, 10, 26, 2, 0);
/** Shanghai midnight of the day holding `ms`, computed independently of the code under test. */
const midnightOf = (ms: number) => {
  const shanghai = new Date(ms + 8 * 60 * MINUTE);
  return Date.UTC(shanghai.getUTCFullYear(), shanghai.getUTCMonth(), shanghai.getUTCDate()) - 8 * 60 * MINUTE;
};
const dayKeyOf = (ms: number) => new Date(ms + 8 * 60 * MINUTE).toISOString().slice(0, 10).replace(/-/g, '');
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const chair = demo.openid(demo.chair.staffNo);
const committee = demo.openid(demo.committee.staffNo);
/** Two plain members of the test's own (fresh each test, so lists hold only what the test sent). */
let aliceMember: { staffNo: string; name: string };
let bobMember: { staffNo: string; name: string };
let alice: string;
let bob: string;

let tokenSeq = 0;
/** A fresh device token, as the app makes one per anonymous suggestion. */
const newToken = () => `tok_${String(++tokenSeq).padStart(4, '0')}_${'x'.repeat(28)}`;

const draft = (overrides: Partial<{ title: string; body: string; anonymous: boolean; token: string }> = {}) => ({
  title: '关于食堂',
  body: '希望食堂增加素菜窗口',
  anonymous: false,
  ...overrides,
});

let today: number;
let dayIndex = 0;

beforeAll(async () => {
  t = await startTestCloud();
  wallet = wallets(t);
});
afterAll(() => t.stop());
// Every test on a day of its own, so the daily limits of earlier tests do not carry over.
beforeEach(() => {
  today = T0 + dayIndex++ * DAY;
  t.cloud.clock.set(today);
  t.cloud.script.reset();
  const names = [`甲老师${dayIndex}`, `乙老师${dayIndex}`];
  const [a, b] = seedBoundMembers(t.cloud, 2, (i) => ({ name: names[i] }), `P${dayIndex}x`);
  [aliceMember, bobMember] = [{ staffNo: a.staffNo, name: names[0] }, { staffNo: b.staffNo, name: names[1] }];
  [alice, bob] = [a.openid, b.openid];
});

/**
 * The functions' clock starts from the test's clock at each call and then runs in real time, so an
 * exact time is "at or just after" the clock's setting.
 */
function expectJustAfter(actual: number | undefined, ms: number) {
  expect(actual).toBeGreaterThanOrEqual(ms);
  expect(actual).toBeLessThan(ms + 10_000);
}

const stored = (id: string) => t.cloud.db.admin.find('suggestions', { _id: id })[0] as Suggestion;
const grantOf = (memberId: string, ms = today) => t.cloud.db.admin.find('suggestionGrants', { _id: `${memberId}_${dayKeyOf(ms)}` })[0] as { hashes: string[] } | undefined;
const spentOf = (ms = today) => (t.cloud.db.admin.find('suggestionSpent', { _id: dayKeyOf(ms) })[0] as { spent: string[] } | undefined)?.spent;

/** Sends as the app does: with one of the member's tickets for today. */
async function attempt(openid: string, overrides: Parameters<typeof draft>[0] = {}) {
  return t.act(openid, 'suggestion.send', { ...draft(overrides), ticket: await wallet.take(openid) });
}

async function send(openid: string, overrides: Parameters<typeof draft>[0] = {}): Promise<SuggestionView> {
  return expectOk(await attempt(openid, overrides));
}

/** A suggestion the committee has replied to. */
async function replied(openid = alice, overrides: Parameters<typeof draft>[0] = {}) {
  const sent = await send(openid, overrides);
  expectOk(await t.act(committee, 'suggestion.reply', { suggestionId: sent._id, text: '已转后勤处研究' }));
  return sent._id;
}

/** Nothing in the answer names a sender by 工号, openid or token hash. */
function expectNoIdentity(answer: unknown) {
  const text = JSON.stringify(answer);
  expect(text).not.toMatch(/senderId|ownerHash|openid|heldReply/);
  for (const m of [aliceMember, bobMember]) {
    expect(text).not.toContain(m.staffNo);
    expect(text).not.toContain(demo.openid(m.staffNo));
  }
}

describe('sending', () => {
  it('stores a named suggestion with its sender and the exact time, and counts it against the day', async () => {
    const view = await send(alice);
    expect(view).toEqual({
      _id: expect.stringMatching(/^[0-9a-f]{32}$/), title: '关于食堂', body: '希望食堂增加素菜窗口', anonymous: false, senderName: aliceMember.name,
      status: 'received', reply: null, public: false, createdAt: expect.any(Number), mine: true,
    });
    expectJustAfter(view.createdAt, today);
    expectNoIdentity(view);
    expect(stored(view._id)).toEqual({
      _id: view._id, title: '关于食堂', body: '希望食堂增加素菜窗口', anonymous: false, senderId: aliceMember.staffNo, senderName: aliceMember.name,
      status: 'received', public: false, createdAt: view.createdAt, updatedAt: view.createdAt,
    });
    // The day's grant holds the ticket hashes only; the spent list one anonymous entry.
    expect(grantOf(aliceMember.staffNo)).toEqual({ _id: `${aliceMember.staffNo}_${dayKeyOf(today)}`, day: midnightOf(today), hashes: [expect.stringMatching(/^[0-9a-f]{64}$/), expect.anything(), expect.anything(), expect.anything(), expect.anything()] });
    expect(spentOf()).toEqual([expect.stringMatching(/^[0-9a-f]{64}$/)]);
  });

  it('stores an anonymous suggestion that names nobody: only the token’s hash, and the day', async () => {
    await wallet.open(alice);
    t.cloud.clock.set(today + 7 * 60 * MINUTE + 13_457);
    const grantBefore = grantOf(aliceMember.staffNo);
    const token = newToken();
    const view = await send(alice, { anonymous: true, token, body: '希望教师节慰问品改为购物卡' });
    expect(view).toMatchObject({ anonymous: true, senderName: '匿名', status: 'received', mine: true, createdAt: midnightOf(today) });
    expectNoIdentity(view);

    const record = stored(view._id);
    expect(record).toEqual({
      _id: view._id, title: '关于食堂', body: '希望教师节慰问品改为购物卡', anonymous: true, ownerHash: sha256(token),
      status: 'received', public: false, createdAt: midnightOf(today), updatedAt: midnightOf(today),
    });
    // Scan the whole stored document for anything that could name the sender or their moment.
    const text = JSON.stringify(record);
    for (const trace of [aliceMember.staffNo, aliceMember.name, alice, token, String(t.cloud.clock.now()).slice(0, 9)]) expect(text).not.toContain(trace);
    expect(record).not.toHaveProperty('senderId');
    expect(record).not.toHaveProperty('senderName');
    expect(record).not.toHaveProperty('openid');
    expect(record).not.toHaveProperty('_openid');
    // Nothing about the sender changed when it was sent: their grant is as it was.
    expect(grantOf(aliceMember.staffNo)).toEqual(grantBefore);
  });

  it('lets the sender find their anonymous suggestions by token, and nobody with another token', async () => {
    const [tokenA, tokenB, tokenC] = [newToken(), newToken(), newToken()];
    const anonA = await send(alice, { anonymous: true, token: tokenA, title: '匿名一' });
    t.cloud.clock.set(today + MINUTE);
    const named1 = await send(alice, { title: '实名一' });
    t.cloud.clock.set(today + 2 * MINUTE);
    const anonB = await send(alice, { anonymous: true, token: tokenB, title: '匿名二' });
    t.cloud.clock.set(today + 3 * MINUTE);
    const named2 = await send(alice, { title: '实名二' });
    const bobs = await send(bob, { anonymous: true, token: tokenC, title: '鲍勃的' });

    const mine = expectOk(await t.act(alice, 'suggestion.mine', { tokens: [tokenA, tokenB] }));
    // Newest first; anonymous ones carry only their day, so they come after today's named ones.
    expect(mine.map((s) => s._id).slice(0, 2)).toEqual([named2._id, named1._id]);
    expect(new Set(mine.map((s) => s._id))).toEqual(new Set([named2._id, named1._id, anonA._id, anonB._id]));
    expect(mine.every((s) => s.mine)).toBe(true);
    expect(mine.find((s) => s._id === anonA._id)?.senderName).toBe('匿名');
    expectNoIdentity(mine);

    // Without the tokens (another phone): only the named ones.
    expect(expectOk(await t.act(alice, 'suggestion.mine', { tokens: [] })).map((s) => s._id)).toEqual([named2._id, named1._id]);
    // Bob, with his own token and a made-up one, sees only his.
    expect(expectOk(await t.act(bob, 'suggestion.mine', { tokens: [tokenC, newToken()] })).map((s) => s._id)).toEqual([bobs._id]);

    // One suggestion: by the token only.
    expect(expectOk(await t.act(alice, 'suggestion.get', { suggestionId: anonA._id, token: tokenA }))).toMatchObject({ mine: true, senderName: '匿名' });
    expect(await t.act(alice, 'suggestion.get', { suggestionId: anonA._id, token: tokenB })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await t.act(alice, 'suggestion.get', { suggestionId: anonA._id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await t.act(bob, 'suggestion.get', { suggestionId: anonA._id, token: tokenC })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    // Named: by 工号; the chair sees both, as someone else's, the anonymous one as 匿名.
    expect(expectOk(await t.act(alice, 'suggestion.get', { suggestionId: named1._id }))).toMatchObject({ mine: true, senderName: aliceMember.name });
    const chairView = expectOk(await t.act(chair, 'suggestion.get', { suggestionId: anonA._id }));
    expect(chairView).toMatchObject({ mine: false, senderName: '匿名' });
    expectNoIdentity(chairView);
  });
});

describe('the daily limit: five a day, named and anonymous together', () => {
  it('grants five tickets a day once; takes five sends, refuses the sixth with nothing written, and starts again the next day', async () => {
    const [member] = seedBoundMembers(t.cloud, 1, () => ({}), 'SQ');
    const tickets = await wallet.open(member.openid);
    const granted = [...tickets];
    // Asking again the same day: the same tickets (a lost answer) are granted again, new ones are not.
    expect(expectOk(await t.act(member.openid, 'suggestion.tickets', { tickets: granted }))).toEqual({ day: dayKeyOf(today), granted: true });
    expect(expectOk(await t.act(member.openid, 'suggestion.tickets', { tickets: freshTickets() }))).toEqual({ day: dayKeyOf(today), granted: false });
    for (let i = 0; i < 5; i++) await send(member.openid, i % 2 ? { anonymous: true, token: newToken() } : {});
    expect(spentOf()).toHaveLength(5);

    const bobs = [...(await wallet.open(bob))];
    const before = t.snapshot();
    for (const ticket of [granted[0], granted[3], randomTicket()]) {
      expect(await t.act(member.openid, 'suggestion.send', { ...draft(), ticket })).toMatchObject({ ok: false, code: 'SUGGESTION_TICKET_INVALID' });
      expect(await t.act(member.openid, 'suggestion.send', { ...draft({ anonymous: true, token: newToken() }), ticket })).toMatchObject({ ok: false, code: 'SUGGESTION_TICKET_INVALID' });
    }
    // Another member's ticket is not the caller's to spend.
    expect(await t.act(member.openid, 'suggestion.send', { ...draft(), ticket: bobs[0] })).toMatchObject({ ok: false, code: 'SUGGESTION_TICKET_INVALID' });
    expect(t.snapshot()).toEqual(before);

    // Shanghai midnight is the boundary: yesterday's tickets are void, today's are granted anew.
    t.cloud.clock.set(midnightOf(today) + DAY - 5_000);
    expect(expectOk(await t.act(member.openid, 'suggestion.tickets', { tickets: freshTickets() })).granted).toBe(false);
    t.cloud.clock.set(midnightOf(today) + DAY);
    expect(await t.act(bob, 'suggestion.send', { ...draft(), ticket: bobs[1] })).toMatchObject({ ok: false, code: 'SUGGESTION_TICKET_INVALID' });
    const tomorrow = await wallet.open(member.openid);
    expect(tomorrow).toHaveLength(5);
    await send(member.openid);
    expect(spentOf(midnightOf(today) + DAY)).toHaveLength(1);
    // The new day's first grant forgot the earlier days' grants and spent lists.
    expect(grantOf(member.staffNo)).toBeUndefined();
    expect(spentOf()).toBeUndefined();
    expect(t.cloud.db.admin.find('suggestionGrants', {}).every((g) => (g as { day: number }).day >= midnightOf(today) + DAY)).toBe(true);
  });

  it('lets exactly five of ten simultaneous sends through (each ticket sent twice at once)', async () => {
    const [member] = seedBoundMembers(t.cloud, 1, () => ({}), 'SR');
    const tickets = await wallet.open(member.openid);
    const spentBefore = spentOf()?.length ?? 0;
    const tokens = Array.from({ length: 10 }, newToken);
    const answers = await Promise.all(
      tokens.map((token, i) => t.act(member.openid, 'suggestion.send', { ...draft({ title: `并发${i}`, ...(i % 2 ? { anonymous: true, token } : {}) }), ticket: tickets[i % 5] })),
    );
    expect(answers.filter((a) => a.ok)).toHaveLength(5);
    expect(answers.filter((a) => !a.ok).map((a) => (a.ok ? '' : a.code))).toEqual(Array(5).fill('SUGGESTION_TICKET_INVALID'));
    const named = t.cloud.db.admin.find('suggestions', { senderId: member.staffNo });
    const anonymous = t.cloud.db.admin.find('suggestions', { ownerHash: { $in: tokens.map(sha256) } });
    expect(named.length + anonymous.length).toBe(5);
    expect(spentOf()).toHaveLength(spentBefore + 5);
  });

  it('grants one set when two grants race', async () => {
    const [member] = seedBoundMembers(t.cloud, 1, () => ({}), 'SG');
    const sets = [freshTickets(), freshTickets(), freshTickets()];
    const answers = await Promise.all(sets.map((tickets) => t.act(member.openid, 'suggestion.tickets', { tickets })));
    expect(answers.map((a) => expectOk(a).granted).filter(Boolean)).toHaveLength(1);
    expect(t.cloud.db.admin.find('suggestionGrants', { _id: `${member.staffNo}_${dayKeyOf(today)}` })).toHaveLength(1);
  });
});

describe('the content check', () => {
  it('refuses risky text before anything is written, the quota included', async () => {
    t.cloud.script.flagText('违禁词');
    const [ticket] = await wallet.open(alice);
    const before = t.snapshot();
    expect(await t.act(alice, 'suggestion.send', { ...draft({ body: '这里有违禁词的内容' }), ticket })).toMatchObject({ ok: false, code: 'CONTENT_RISKY' });
    expect(await t.act(alice, 'suggestion.send', { ...draft({ title: '违禁词标题', anonymous: true, token: newToken() }), ticket })).toMatchObject({ ok: false, code: 'CONTENT_RISKY' });
    expect(t.snapshot()).toEqual(before);
  });

  it('holds a suggestion for the chair when the check cannot run; it cannot be replied to or published', async () => {
    t.cloud.script.failNext('security.msgSecCheck', 45009);
    const token = newToken();
    const held = await send(alice, { anonymous: true, token });
    expect(held.status).toBe('held');
    expect(stored(held._id).status).toBe('held');
    expect(expectOk(await t.act(alice, 'suggestion.mine', { tokens: [token] })).map((s) => [s._id, s.status])).toEqual([[held._id, 'held']]);
    expect(expectOk(await t.act(chair, 'suggestion.inbox', { status: 'held' })).map((s) => s._id)).toContain(held._id);

    const before = t.snapshot();
    expect(await t.act(committee, 'suggestion.reply', { suggestionId: held._id, text: '收到' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await t.act(chair, 'suggestion.setPublic', { suggestionId: held._id, public: true })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(t.snapshot()).toEqual(before);

    // A refused one (moderation's verdict, stored as moderation stores it) cannot be replied to either.
    const refusedToken = newToken();
    const [refusedId] = t.cloud.db.admin.insert('suggestions', [
      { ...stored(held._id), _id: 'refused-suggestion', ownerHash: sha256(refusedToken), status: 'refused', refusedReason: '内容不当' },
    ]);
    const withRefused = t.snapshot();
    expect(await t.act(committee, 'suggestion.reply', { suggestionId: refusedId, text: '收到' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await t.act(chair, 'suggestion.setPublic', { suggestionId: refusedId, public: true })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(t.snapshot()).toEqual(withRefused);
    expect(expectOk(await t.act(alice, 'suggestion.get', { suggestionId: refusedId, token: refusedToken }))).toMatchObject({ status: 'refused', refusedReason: '内容不当', mine: true });
  });

  it('holds a reply the check cannot judge, leaving the suggestion as it was; refuses a risky reply', async () => {
    const sent = await send(alice);
    t.cloud.script.failNext('security.msgSecCheck', 45009);
    t.cloud.clock.set(today + MINUTE);
    const answer = expectOk(await t.act(committee, 'suggestion.reply', { suggestionId: sent._id, text: '已转交后勤处' }));
    expect(answer).toMatchObject({ status: 'received', reply: null });
    expectNoIdentity(answer);
    expect(stored(sent._id)).toMatchObject({ status: 'received', heldReply: { text: '已转交后勤处', byName: demo.committee.name } });
    expectJustAfter(stored(sent._id).heldReply?.at, today + MINUTE);
    expect(stored(sent._id).reply).toBeUndefined();
    expect(expectOk(await t.act(alice, 'suggestion.get', { suggestionId: sent._id }))).toMatchObject({ status: 'received', reply: null });

    t.cloud.script.flagText('违禁词');
    const before = t.snapshot();
    expect(await t.act(committee, 'suggestion.reply', { suggestionId: sent._id, text: '答复里有违禁词' })).toMatchObject({ ok: false, code: 'CONTENT_RISKY' });
    expect(t.snapshot()).toEqual(before);

    // A reply that passes replaces the held one.
    expectOk(await t.act(chair, 'suggestion.reply', { suggestionId: sent._id, text: '后勤处下周答复' }));
    expect(stored(sent._id)).toMatchObject({ status: 'replied', reply: { text: '后勤处下周答复', byName: demo.chair.name } });
    expect(stored(sent._id).heldReply).toBeUndefined();
  });
});

describe('replies', () => {
  it('sets the reply and status replied; a second reply replaces the first', async () => {
    const sent = await send(alice);
    t.cloud.clock.set(today + MINUTE);
    const first = expectOk(await t.act(committee, 'suggestion.reply', { suggestionId: sent._id, text: '已转后勤处研究' }));
    expect(first).toMatchObject({ status: 'replied', reply: { text: '已转后勤处研究', byName: demo.committee.name }, mine: false });
    expectJustAfter(first.reply?.at, today + MINUTE);
    expect(stored(sent._id)).toMatchObject({ status: 'replied', updatedAt: first.reply?.at });

    t.cloud.clock.set(today + 2 * MINUTE);
    expectOk(await t.act(chair, 'suggestion.reply', { suggestionId: sent._id, text: '下学期起增加素菜窗口' }));
    const second = expectOk(await t.act(alice, 'suggestion.get', { suggestionId: sent._id }));
    expect(second).toMatchObject({ status: 'replied', reply: { text: '下学期起增加素菜窗口', byName: demo.chair.name }, mine: true });
    expectJustAfter(second.reply?.at, today + 2 * MINUTE);
  });

  it('keeps an anonymous suggestion’s updatedAt to the day when it is replied to', async () => {
    const token = newToken();
    const sent = await send(alice, { anonymous: true, token });
    t.cloud.clock.set(today + 37 * MINUTE);
    expectOk(await t.act(committee, 'suggestion.reply', { suggestionId: sent._id, text: '感谢建议' }));
    expect(stored(sent._id)).toMatchObject({ status: 'replied', createdAt: midnightOf(today), updatedAt: midnightOf(today) });
    expect(expectOk(await t.act(alice, 'suggestion.mine', { tokens: [token] }))[0]).toMatchObject({ reply: { text: '感谢建议' }, senderName: '匿名' });
  });

  it('answers NOT_FOUND for no such suggestion, and FORBIDDEN to a plain member', async () => {
    const sent = await send(alice);
    const before = t.snapshot();
    expect(await t.act(chair, 'suggestion.reply', { suggestionId: 'no-such-suggestion', text: '收到' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await t.act(alice, 'suggestion.reply', { suggestionId: sent._id, text: '我自己答复' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(t.snapshot()).toEqual(before);
  });
});

describe('publishing', () => {
  it('lets only the chair publish, only once replied; members then see it in the public list', async () => {
    const sent = await send(alice);
    const before = t.snapshot();
    expect(await t.act(chair, 'suggestion.setPublic', { suggestionId: sent._id, public: true })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(t.snapshot()).toEqual(before);
    expectOk(await t.act(committee, 'suggestion.reply', { suggestionId: sent._id, text: '已答复' }));

    const afterReply = t.snapshot();
    expect(await t.act(committee, 'suggestion.setPublic', { suggestionId: sent._id, public: true })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await t.act(alice, 'suggestion.setPublic', { suggestionId: sent._id, public: true })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(t.snapshot()).toEqual(afterReply);
    // Replied but not public: still only for its sender and organisers.
    expect(await t.act(bob, 'suggestion.get', { suggestionId: sent._id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });

    expect(expectOk(await t.act(chair, 'suggestion.setPublic', { suggestionId: sent._id, public: true }))).toMatchObject({ public: true, status: 'replied' });
    expect(expectOk(await t.act(chair, 'suggestion.setPublic', { suggestionId: sent._id, public: true }))).toMatchObject({ public: true });
    expect(stored(sent._id).public).toBe(true);
    expect(expectOk(await t.act(bob, 'suggestion.get', { suggestionId: sent._id }))).toMatchObject({ mine: false, senderName: '教职工', reply: { text: '已答复' } });
    // The sender still sees their own name; other members see the suggestion and the reply, not who sent it.
    expect(JSON.stringify(expectOk(await t.act(bob, 'suggestion.get', { suggestionId: sent._id })))).not.toContain(aliceMember.name);

    expectOk(await t.act(chair, 'suggestion.setPublic', { suggestionId: sent._id, public: false }));
    expect(expectOk(await t.act(bob, 'suggestion.public', {})).map((s) => s._id)).not.toContain(sent._id);
    expect(await t.act(bob, 'suggestion.get', { suggestionId: sent._id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it('lists public replied suggestions newest first, anonymous ones as 匿名', async () => {
    const older = await replied(alice);
    const hidden = await replied(alice, { title: '不公开的' });
    // An anonymous one is dated by its day: tomorrow's comes before today's named one.
    t.cloud.clock.set(midnightOf(today) + DAY + MINUTE);
    const newer = await replied(bob, { anonymous: true, token: newToken() });
    for (const id of [older, newer]) expectOk(await t.act(chair, 'suggestion.setPublic', { suggestionId: id, public: true }));

    const list = expectOk(await t.act(bob, 'suggestion.public', {}));
    const ids = list.map((s) => s._id);
    expect(ids).not.toContain(hidden);
    expect(ids.indexOf(newer)).toBeLessThan(ids.indexOf(older));
    expect(list.find((s) => s._id === newer)).toMatchObject({ senderName: '匿名', anonymous: true, public: true, status: 'replied' });
    expect(list.find((s) => s._id === older)).toMatchObject({ senderName: '教职工', mine: false });
    expect(list.every((s) => s.public && s.status === 'replied')).toBe(true);
    expectNoIdentity(list);
  });
});

describe('the inbox and who may read what', () => {
  it('shows organisers every suggestion (or one status), newest first, anonymous ones as 匿名', async () => {
    const named = await send(alice, { title: '收件箱实名' });
    t.cloud.clock.set(today + MINUTE);
    const anon = await send(bob, { title: '收件箱匿名', anonymous: true, token: newToken() });
    t.cloud.clock.set(today + 2 * MINUTE);
    const later = await send(bob, { title: '收件箱之后' });
    const answered = await replied(alice, { title: '收件箱已答复' });

    for (const organiser of [chair, committee]) {
      const inbox = expectOk(await t.act(organiser, 'suggestion.inbox', {}));
      const ids = inbox.map((s) => s._id);
      expect(ids).toEqual(expect.arrayContaining([named._id, anon._id, later._id, answered]));
      expect(ids.indexOf(later._id)).toBeLessThan(ids.indexOf(named._id));
      expect(inbox.find((s) => s._id === anon._id)).toMatchObject({ senderName: '匿名', anonymous: true, mine: false });
      expect(inbox.find((s) => s._id === named._id)).toMatchObject({ senderName: aliceMember.name });
      expect(inbox.length).toBeLessThanOrEqual(200);
      expectNoIdentity(inbox);
    }
    const repliedOnly = expectOk(await t.act(chair, 'suggestion.inbox', { status: 'replied' }));
    expect(repliedOnly.map((s) => s._id)).toContain(answered);
    expect(repliedOnly.every((s) => s.status === 'replied')).toBe(true);
  });

  it('keeps the inbox and other people’s suggestions from plain members and strangers', async () => {
    const named = await send(alice);
    const before = t.snapshot();
    expect(await t.act(alice, 'suggestion.inbox', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await t.act(bob, 'suggestion.get', { suggestionId: named._id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await t.act(bob, 'suggestion.get', { suggestionId: named._id, token: newToken() })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await t.act(bob, 'suggestion.get', { suggestionId: 'no-such-suggestion' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(expectOk(await t.act(bob, 'suggestion.mine', { tokens: [] })).map((s) => s._id)).not.toContain(named._id);
    expect(await t.act(demo.openid(demo.unbound[0].staffNo), 'suggestion.send', { ...draft(), ticket: randomTicket() })).toMatchObject({ ok: false, code: 'NOT_BOUND' });
    expect(await t.act(demo.openid(demo.unbound[0].staffNo), 'suggestion.tickets', { tickets: freshTickets() })).toMatchObject({ ok: false, code: 'NOT_BOUND' });
    expect(await t.act('a-stranger-openid', 'suggestion.mine', { tokens: [] })).toMatchObject({ ok: false, code: 'NOT_BOUND' });
    expect(t.snapshot()).toEqual(before);
  });
});

describe('bad input', () => {
  const good = { title: '关于食堂', body: '希望食堂增加素菜窗口', anonymous: false, ticket: 'tkt_0123456789abcdefghijklmnopqrstuv' };
  it.each([
    ['an empty title', 'suggestion.send', { ...good, title: '  ' }],
    ['a one-character title', 'suggestion.send', { ...good, title: '啊' }],
    ['an oversized title', 'suggestion.send', { ...good, title: '题'.repeat(41) }],
    ['an empty body', 'suggestion.send', { ...good, body: '' }],
    ['an oversized body', 'suggestion.send', { ...good, body: '字'.repeat(2001) }],
    ['an unknown key', 'suggestion.send', { ...good, senderId: 'T0001' }],
    ['anonymous without a token', 'suggestion.send', { ...good, anonymous: true }],
    ['a query object as the token', 'suggestion.send', { ...good, anonymous: true, token: { $gt: '' } }],
    ['a short token', 'suggestion.send', { ...good, anonymous: true, token: 'abc' }],
    ['a token with odd characters', 'suggestion.send', { ...good, anonymous: true, token: `${'a'.repeat(32)}.*` }],
    ['anonymous as a string', 'suggestion.send', { ...good, anonymous: 'yes' }],
    ['a send without a ticket', 'suggestion.send', { title: good.title, body: good.body, anonymous: false }],
    ['a query object as the ticket', 'suggestion.send', { ...good, ticket: { $exists: true } }],
    ['four tickets', 'suggestion.tickets', { tickets: freshTickets().slice(1) }],
    ['six tickets', 'suggestion.tickets', { tickets: [...freshTickets(), randomTicket()] }],
    ['a ticket twice', 'suggestion.tickets', { tickets: ((x) => [x[0], ...x.slice(0, 4)])(freshTickets()) }],
    ['a query object among the tickets', 'suggestion.tickets', { tickets: [{ $gt: '' }, ...freshTickets().slice(1)] }],
    ['a query object among the tokens', 'suggestion.mine', { tokens: [{ $gt: '' }] }],
    ['a query object instead of the tokens', 'suggestion.mine', { tokens: { $exists: true } }],
    ['too many tokens', 'suggestion.mine', { tokens: Array.from({ length: 201 }, (_, i) => `tok_${String(i).padStart(40, '0')}`) }],
    ['a query object as the token to get', 'suggestion.get', { suggestionId: 'abc', token: { $gt: '' } }],
    ['a query object as the suggestion id', 'suggestion.get', { suggestionId: { $gt: '' } }],
    ['an unknown status', 'suggestion.inbox', { status: 'deleted' }],
    ['an empty reply', 'suggestion.reply', { suggestionId: 'abc', text: ' ' }],
    ['an oversized reply', 'suggestion.reply', { suggestionId: 'abc', text: '答'.repeat(2001) }],
    ['public as a string', 'suggestion.setPublic', { suggestionId: 'abc', public: 'true' }],
  ])('refuses %s with INVALID_INPUT and writes nothing', async (_name, action, input) => {
    const before = t.snapshot();
    expect(await t.raw(chair, { action, input })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(t.snapshot()).toEqual(before);
  });
});
