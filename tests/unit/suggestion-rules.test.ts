import * as v from 'valibot';
import {
  ANONYMOUS_NAME,
  grantHashOf,
  grantId,
  maySee,
  newSuggestion,
  ownerHashOf,
  sentBy,
  shanghaiDayKey,
  shanghaiDayStart,
  stampFor,
  spentHashOf,
  statusAfterCheck,
  toSuggestionView,
} from '../../cloudfunctions/api/src/domain/suggestion-rules';
import { SuggestionMineInput, SuggestionSendInput, type Suggestion } from '../../types/suggestion';

const HOUR = 60 * 60 * 1000;
/** 2026-11-26 10:00 in Shanghai. */
const T = Date.UTC(2026, 10, 26, 2, 0);
/** 2026-11-26 00:00 in Shanghai. */
const DAY = Date.UTC(2026, 10, 25, 16, 0);
const TOKEN = 'tok_0123456789abcdefghijklmnopqrstuv';
const sender = { _id: 'T1001', name: '张老师' };

describe('Asia/Shanghai days', () => {
  it.each([
    ['midnight itself', DAY, DAY],
    ['10:00', T, DAY],
    ['23:59:59.999', DAY + 24 * HOUR - 1, DAY],
    ['the next midnight', DAY + 24 * HOUR, DAY + 24 * HOUR],
    ['one millisecond before midnight', DAY - 1, DAY - 24 * HOUR],
  ])('the day of %s starts at Shanghai midnight', (_name, ms, start) => {
    expect(shanghaiDayStart(ms)).toBe(start);
  });

  it('names the Shanghai date, not the UTC one', () => {
    expect(shanghaiDayKey(T)).toBe('20261126');
    expect(shanghaiDayKey(DAY)).toBe('20261126');
    expect(shanghaiDayKey(DAY - 1)).toBe('20261125');
    expect(shanghaiDayKey(Date.UTC(2026, 11, 31, 16, 0))).toBe('20270101');
    expect(shanghaiDayKey(Date.UTC(2026, 0, 1, 0, 0))).toBe('20260101');
  });

  it('keys the ticket grant by member and Shanghai day', () => {
    expect(grantId('T1001', T)).toBe('T1001_20261126');
    expect(grantId('T1001', DAY + 24 * HOUR - 1)).toBe('T1001_20261126');
    expect(grantId('T1001', DAY + 24 * HOUR)).toBe('T1001_20261127');
  });
});

describe('ticket hashes', () => {
  it('stores a ticket under two unrelated SHA-256 hashes, neither of them the ticket’s plain hash', () => {
    // SHA-256 of 'grant:abc' and of 'spent:abc'.
    expect(grantHashOf('abc')).toBe('4ade2c73bc1a3edc6df8b7994a10a72659b05ab08c7ed875390cd0708d4936a5');
    expect(spentHashOf('abc')).toBe('d19252ee884c348ef6f56d35fab27e900c3088b754d05b3932d9bbcc642bed79');
    expect(grantHashOf(TOKEN)).toMatch(/^[0-9a-f]{64}$/);
    expect(spentHashOf(TOKEN)).toMatch(/^[0-9a-f]{64}$/);
    expect(new Set([grantHashOf(TOKEN), spentHashOf(TOKEN), ownerHashOf(TOKEN)]).size).toBe(3);
  });
});

describe('owner hashes', () => {
  it('is SHA-256 in hex', () => {
    expect(ownerHashOf('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(ownerHashOf(TOKEN)).toMatch(/^[0-9a-f]{64}$/);
    expect(ownerHashOf(TOKEN)).not.toBe(ownerHashOf(`${TOKEN}x`));
  });
});

describe('a new suggestion', () => {
  it('starts received when the check passes, held when it could not run', () => {
    expect(statusAfterCheck('pass')).toBe('received');
    expect(statusAfterCheck('unchecked')).toBe('held');
  });

  it('stores a named one with its sender and exact times', () => {
    expect(newSuggestion({ title: '食堂', body: '希望增加素菜', anonymous: false }, sender, 'pass', T)).toEqual({
      title: '食堂', body: '希望增加素菜', anonymous: false, senderId: 'T1001', senderName: '张老师', status: 'received', public: false, createdAt: T, updatedAt: T,
    });
  });

  it('stores an anonymous one with only the token’s hash and the day, naming nobody', () => {
    const stored = newSuggestion({ title: '食堂', body: '希望增加素菜', anonymous: true, token: TOKEN }, sender, 'unchecked', T);
    expect(stored).toEqual({ title: '食堂', body: '希望增加素菜', anonymous: true, ownerHash: ownerHashOf(TOKEN), status: 'held', public: false, createdAt: DAY, updatedAt: DAY });
    const text = JSON.stringify(stored);
    expect(text).not.toContain('T1001');
    expect(text).not.toContain('张老师');
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(String(T));
  });

  it('refuses an anonymous one without a token (the input schema requires it)', () => {
    expect(() => newSuggestion({ title: '食堂', body: '希望增加素菜', anonymous: true }, sender, 'pass', T)).toThrow();
    const ticket = `${TOKEN}t`;
    expect(v.safeParse(SuggestionSendInput, { title: '食堂', body: '希望增加素菜', anonymous: true, ticket }).success).toBe(false);
    expect(v.safeParse(SuggestionSendInput, { title: '食堂', body: '希望增加素菜', anonymous: true, token: TOKEN, ticket }).success).toBe(true);
    // Every send needs a ticket, named or anonymous.
    expect(v.safeParse(SuggestionSendInput, { title: '食堂', body: '希望增加素菜', anonymous: false }).success).toBe(false);
    expect(v.safeParse(SuggestionMineInput, { tokens: [{ $gt: '' }] }).success).toBe(false);
  });

  it('stamps later writes to the day for anonymous ones only', () => {
    expect(stampFor({ anonymous: true }, T)).toBe(DAY);
    expect(stampFor({ anonymous: false }, T)).toBe(T);
  });
});

const named: Suggestion = {
  _id: 's1', title: '食堂', body: '希望增加素菜', anonymous: false, senderId: 'T1001', senderName: '张老师', status: 'replied',
  reply: { text: '已转后勤', byName: '李主席', at: T + HOUR }, heldReply: { text: '待审', byName: '王委员', at: T + 2 * HOUR },
  public: true, createdAt: T, updatedAt: T + HOUR,
};
const anonymous: Suggestion = { _id: 's2', title: '食堂', body: '希望增加素菜', anonymous: true, ownerHash: ownerHashOf(TOKEN), status: 'received', public: false, createdAt: DAY, updatedAt: DAY };

describe('who sent it, and who may see it', () => {
  it('knows a named sender by 工号 and an anonymous one only by the token’s hash', () => {
    expect(sentBy(named, 'T1001')).toBe(true);
    expect(sentBy(named, 'T1002')).toBe(false);
    expect(sentBy(anonymous, 'T1001')).toBe(false);
    expect(sentBy(anonymous, 'T1001', ownerHashOf(TOKEN))).toBe(true);
    expect(sentBy(anonymous, 'T1002', ownerHashOf(`${TOKEN}x`))).toBe(false);
    expect(sentBy({ ...anonymous, ownerHash: undefined }, 'T1001', undefined)).toBe(false);
  });

  it('shows it to its sender and organisers always, to others only once replied and public', () => {
    const other = { organiser: false, sender: false };
    expect(maySee(anonymous, { organiser: false, sender: true })).toBe(true);
    expect(maySee(anonymous, { organiser: true, sender: false })).toBe(true);
    expect(maySee(anonymous, other)).toBe(false);
    expect(maySee(named, other)).toBe(true);
    expect(maySee({ ...named, public: false }, other)).toBe(false);
    expect(maySee({ ...named, status: 'received' }, other)).toBe(false);
  });
});

describe('the view', () => {
  it('shows 匿名 for an anonymous one, and never the hash, the 工号 or a held reply', () => {
    const view = toSuggestionView(anonymous, true);
    expect(view).toEqual({ _id: 's2', title: '食堂', body: '希望增加素菜', anonymous: true, senderName: ANONYMOUS_NAME, status: 'received', reply: null, public: false, createdAt: DAY, mine: true });
    expect(JSON.stringify(view)).not.toContain(ownerHashOf(TOKEN));
  });

  it('shows a named one’s sender name and its reply', () => {
    const view = toSuggestionView({ ...named, refusedReason: undefined, fromProposalId: 'p1' }, false);
    expect(view).toEqual({
      _id: 's1', title: '食堂', body: '希望增加素菜', anonymous: false, senderName: '张老师', status: 'replied',
      reply: { text: '已转后勤', byName: '李主席', at: T + HOUR }, public: true, fromProposalId: 'p1', createdAt: T, mine: false,
    });
    expect(view).not.toHaveProperty('senderId');
    expect(JSON.stringify(view)).not.toMatch(/T1001|ownerHash|heldReply|待审/);
  });
});
