import { webcrypto } from 'node:crypto';
import { TOKEN_LENGTH, tokenFromBytes } from '../../src/gateway/token';
import {
  createTokenStore,
  MAX_KEPT,
  OWNER_TOKENS_KEY,
  parseKept,
  tokenFor,
  tokensOf,
  withSuggestionId,
  withToken,
  withoutToken,
  type KeyValueStorage,
} from '../../src/packages/suggestion/lib/owner-tokens';
import { afterAnswer, createTicketStore, parseHeld } from '../../src/packages/suggestion/lib/send-tickets';
import { senderText, sentAtText, statusNote, statusOfLabel, STATUS_FILTER_LABELS, suggestionDraftOf } from '../../src/packages/suggestion/lib/format';
import { blankSessionForm, coSignersText, sessionDraftOf, sessionFormOf, windowState, windowText } from '../../src/packages/proposal-admin/lib/session-form';
import { departmentDraftOf, departmentFormOf, handlersText, staffNosOf, unknownHandlerIds } from '../../src/packages/proposal-admin/lib/department-form';
import { categoryRows, defaultSessionId, departmentsText, numberText, satisfactionText, statusRows } from '../../src/packages/proposal-admin/lib/report';
import { OwnerToken } from '../../types/suggestion';
import * as v from 'valibot';

const token = (n: number) => `tok${String(n).padStart(5, '0')}`.padEnd(40, 'a');

describe('owner tokens: made from strong random bytes', () => {
  test('one character of [A-Za-z0-9_-] per byte, from its low 6 bits', () => {
    const bytes = Uint8Array.from({ length: TOKEN_LENGTH }, (_, i) => i * 4 + 1);
    const made = tokenFromBytes(bytes);
    expect(made).toHaveLength(43);
    expect(made.startsWith('BFJNRVZdhlptx159')).toBe(true);
    expect(tokenFromBytes(Uint8Array.from([0, 63, 64, 255, 62]), 5)).toBe('A_A_-');
  });

  test('tokens from real randomness pass the cloud’s OwnerToken check and do not repeat', () => {
    const made = Array.from({ length: 200 }, () => tokenFromBytes(webcrypto.getRandomValues(new Uint8Array(TOKEN_LENGTH))));
    for (const t of made) expect(v.is(OwnerToken, t)).toBe(true);
    expect(new Set(made).size).toBe(200);
  });

  test('too few bytes is an error, never a shorter token', () => {
    expect(() => tokenFromBytes(new Uint8Array(10))).toThrow();
  });
});

describe('owner tokens: the list this phone keeps', () => {
  test('whatever storage held is read safely: malformed entries and repeats are dropped', () => {
    expect(parseKept(undefined)).toEqual([]);
    expect(parseKept('')).toEqual([]);
    expect(parseKept({ token: token(1) })).toEqual([]);
    expect(parseKept([{ token: token(1), id: 's1' }, { token: 'short' }, null, 'x', { token: token(1) }, { token: token(2), id: '' }, { token: token(3), id: 7 }])).toEqual([
      { token: token(1), id: 's1' },
      { token: token(2) },
      { token: token(3) },
    ]);
  });

  test('a new token goes first; beyond 200 the oldest is dropped', () => {
    let kept = Array.from({ length: MAX_KEPT }, (_, i) => ({ token: token(i) }));
    kept = withToken(kept, { token: token(999) });
    expect(kept).toHaveLength(MAX_KEPT);
    expect(kept[0]).toEqual({ token: token(999) });
    expect(tokensOf(kept)).not.toContain(token(MAX_KEPT - 1));
    expect(tokensOf(kept)).toContain(token(0));
  });

  test('keeping a token again moves it first and keeps the suggestion it opens', () => {
    const kept = withToken([{ token: token(1) }, { token: token(2), id: 's2' }], { token: token(2) });
    expect(kept).toEqual([{ token: token(2), id: 's2' }, { token: token(1) }]);
  });

  test('the suggestion a token opens is noted, found, and a token can be forgotten', () => {
    let kept = withToken([], { token: token(1) });
    kept = withToken(kept, { token: token(2) });
    kept = withSuggestionId(kept, token(1), 's1');
    expect(tokenFor(kept, 's1')).toBe(token(1));
    expect(tokenFor(kept, 's2')).toBeUndefined();
    expect(withSuggestionId(kept, token(9), 's9')).toEqual(kept);
    expect(withoutToken(kept, token(2))).toEqual([{ token: token(1), id: 's1' }]);
  });

  test('the store reads and writes one key; storage that fails reads as empty and says so on write', () => {
    const data: Record<string, unknown> = {};
    const storage: KeyValueStorage = { getStorageSync: (k) => data[k], setStorageSync: (k, value) => void (data[k] = value) };
    const store = createTokenStore(storage);
    expect(store.list()).toEqual([]);
    expect(store.keep(token(1))).toBe(true);
    expect(store.keep('not a token')).toBe(false);
    expect(store.link(token(1), 's1')).toBe(true);
    expect(store.keep(token(2))).toBe(true);
    expect(data[OWNER_TOKENS_KEY]).toEqual([{ token: token(2) }, { token: token(1), id: 's1' }]);
    expect(store.forget(token(2))).toBe(true);
    expect(store.list()).toEqual([{ token: token(1), id: 's1' }]);

    const broken = createTokenStore({
      getStorageSync: () => {
        throw new Error('no storage');
      },
      setStorageSync: () => {
        throw new Error('storage full');
      },
    });
    expect(broken.list()).toEqual([]);
    expect(broken.keep(token(1))).toBe(false);
  });
});

describe('how a suggestion reads', () => {
  const at = Date.UTC(2026, 2, 2, 1, 30); // 09:30 in Shanghai
  test('an anonymous one shows its day only; a named one the time too', () => {
    expect(sentAtText({ anonymous: true, createdAt: Date.UTC(2026, 2, 1, 16, 0) })).toBe('2026年3月2日');
    expect(sentAtText({ anonymous: false, createdAt: at })).toBe('2026年3月2日 09:30');
    expect(senderText({ anonymous: true, senderName: '匿名' })).toBe('匿名');
    expect(senderText({ anonymous: false, senderName: '王老师' })).toBe('王老师');
  });

  test('every status but 已答复 says what happens next; a refusal gives its reason', () => {
    expect(statusNote({ status: 'received' })).toBe('工会已经收到，答复后会显示在这里。');
    expect(statusNote({ status: 'held' })).toMatch(/工会主席看过后/);
    expect(statusNote({ status: 'refused', refusedReason: '含广告' })).toMatch(/^没有通过审核，原因：含广告。/);
    expect(statusNote({ status: 'refused' })).toMatch(/^没有通过审核。/);
    expect(statusNote({ status: 'replied' })).toBe('');
  });

  test('the inbox filter chips map back to statuses', () => {
    expect(STATUS_FILTER_LABELS).toEqual(['待人工审核', '已收到，待答复', '已答复', '未通过审核']);
    expect(statusOfLabel('已答复')).toBe('replied');
    expect(statusOfLabel(null)).toBeUndefined();
  });

  test('the draft is trimmed and checked with the cloud’s schema', () => {
    expect(suggestionDraftOf({ title: ' 食堂 ', body: ' 增加晚餐窗口 ', anonymous: true })).toEqual({ ok: true, draft: { title: '食堂', body: '增加晚餐窗口', anonymous: true } });
    expect(suggestionDraftOf({ title: '好', body: '增加晚餐窗口', anonymous: false })).toEqual({ ok: false, problem: '请填写标题' });
    expect(suggestionDraftOf({ title: '食堂', body: '太少', anonymous: false })).toEqual({ ok: false, problem: '请填写内容' });
  });
});

describe('congress session form', () => {
  const session = {
    _id: 'cs2',
    name: '第十二届教代会第二次会议',
    proposalOpensAt: Date.UTC(2026, 2, 1, 0, 0),
    proposalClosesAt: Date.UTC(2026, 2, 15, 10, 0),
    minCoSigners: 2,
    createdAt: 0,
    updatedAt: 0,
  };

  test('a blank form asks for two co-signers and needs its dates picked', () => {
    const form = blankSessionForm();
    expect(form.minCoSigners).toBe('2');
    expect(sessionDraftOf({ ...form, name: '第三次会议' })).toEqual({ ok: false, problem: '请选择提案征集的开始时间' });
  });

  test('an existing session round-trips through the form in Shanghai time', () => {
    const form = sessionFormOf(session);
    expect(form.opens).toEqual({ date: '2026-03-01', time: '08:00' });
    expect(form.closes).toEqual({ date: '2026-03-15', time: '18:00' });
    expect(sessionDraftOf(form)).toEqual({
      ok: true,
      draft: { name: session.name, proposalOpensAt: session.proposalOpensAt, proposalClosesAt: session.proposalClosesAt, minCoSigners: 2 },
    });
  });

  test('the window must close after it opens; co-signers are a whole number up to 10', () => {
    const form = sessionFormOf(session);
    expect(sessionDraftOf({ ...form, closes: form.opens })).toEqual({ ok: false, problem: '征集截止时间要晚于开始时间' });
    expect(sessionDraftOf({ ...form, minCoSigners: '' })).toEqual({ ok: false, problem: '请填写至少需要几位附议人' });
    expect(sessionDraftOf({ ...form, minCoSigners: '1.5' })).toEqual({ ok: false, problem: '附议人数必须是整数' });
    expect(sessionDraftOf({ ...form, minCoSigners: '11' })).toEqual({ ok: false, problem: '附议人数最多为 10' });
    expect(sessionDraftOf({ ...form, name: ' ' })).toEqual({ ok: false, problem: '请填写会议名称' });
  });

  test('the window reads plainly', () => {
    expect(windowText(session)).toBe('提案征集：2026年3月1日 08:00 至 2026年3月15日 18:00');
    expect(windowState(session, session.proposalOpensAt - 1)).toBe('upcoming');
    expect(windowState(session, session.proposalOpensAt)).toBe('open');
    expect(windowState(session, session.proposalClosesAt)).toBe('closed');
    expect(coSignersText(2)).toBe('每份提案至少 2 位附议人');
    expect(coSignersText(0)).toBe('提案不需要附议人');
  });
});

describe('department form', () => {
  test('工号 typed with any separator, each once, in order', () => {
    expect(staffNosOf(' T001, T002，T003、T001\nT004;T005 ')).toEqual(['T001', 'T002', 'T003', 'T004', 'T005']);
    expect(staffNosOf('  ')).toEqual([]);
  });

  test('the draft is checked with the cloud’s schema, naming which 工号 is wrong', () => {
    expect(departmentDraftOf({ name: ' 总务处 ', handlers: 'T010 T011' })).toEqual({ ok: true, draft: { name: '总务处', handlerIds: ['T010', 'T011'] } });
    expect(departmentDraftOf({ name: '总务处', handlers: '' })).toEqual({ ok: true, draft: { name: '总务处', handlerIds: [] } });
    expect(departmentDraftOf({ name: '', handlers: 'T010' })).toEqual({ ok: false, problem: '请填写部门名称' });
    expect(departmentDraftOf({ name: '总务处', handlers: 'T010 钱老师' })).toEqual({ ok: false, problem: '第 2 个工号：工号只能包含字母、数字、下划线或短横线' });
  });

  test('handlers read with their names; 工号 the roster did not know are pointed out', () => {
    const department = { name: '总务处', handlerIds: ['T010', 'T099'], handlers: [{ memberId: 'T010', name: '钱老师' }] };
    expect(departmentFormOf(department)).toEqual({ name: '总务处', handlers: 'T010 T099' });
    expect(handlersText(department)).toBe('钱老师（T010）');
    expect(unknownHandlerIds(department)).toEqual(['T099']);
  });
});

describe('proposal report', () => {
  test('opens on the session asked for, else the current one, else the first', () => {
    const sessions = [{ _id: 'cs2' }, { _id: 'cs1' }];
    expect(defaultSessionId(sessions, 'cs2', 'cs1')).toBe('cs1');
    expect(defaultSessionId(sessions, 'cs2', 'gone')).toBe('cs2');
    expect(defaultSessionId(sessions, null)).toBe('cs2');
    expect(defaultSessionId([], 'cs2')).toBeNull();
  });

  test('count tables leave out zeros and put the largest first', () => {
    expect(statusRows({ byStatus: [{ status: 'closed', count: 1 }, { status: 'rejected', count: 2 }, { status: 'draft', count: 0 }] })).toEqual([
      { label: '不予立案', count: 2 },
      { label: '已办结', count: 1 },
    ]);
    expect(categoryRows({ byCategory: [{ category: 'welfare', count: 3 }, { category: 'other', count: 0 }] })).toEqual([{ label: '教职工福利', count: 3 }]);
  });

  test('departments, numbers and satisfaction read plainly', () => {
    expect(departmentsText({ leadName: '总务处', helperNames: ['工会', '教务处'] })).toBe('主办：总务处；协办：工会、教务处');
    expect(departmentsText({ leadName: '总务处', helperNames: [] })).toBe('主办：总务处');
    expect(departmentsText({ leadName: '', helperNames: [] })).toBe('尚未交办');
    expect(numberText(3)).toBe('第3号');
    expect(numberText(undefined)).toBe('未编号');
    expect(satisfactionText({ satisfied: 3, basically: 1, unsatisfied: 0 })).toBe('满意 3 · 基本满意 1 · 不满意 0');
    expect(satisfactionText({ satisfied: 0, basically: 0, unsatisfied: 0 })).toBe('还没有人评价');
  });
});

describe('send tickets on the phone', () => {
  const t = (n: number) => `ticket${n}`.padEnd(43, 'x');
  const memory = () => {
    const data = new Map<string, unknown>();
    return { getStorageSync: (k: string) => data.get(k) ?? '', setStorageSync: (k: string, v: unknown) => void data.set(k, JSON.parse(JSON.stringify(v))) };
  };

  it('keeps a granted set with its day; a refused one keeps today’s and drops an earlier day’s', () => {
    const held = { day: '20260302', tickets: [t(1), t(2)], asking: null };
    expect(afterAnswer(held, [t(8), t(9)], { day: '20260302', granted: true })).toEqual({ day: '20260302', tickets: [t(8), t(9)], asking: null });
    expect(afterAnswer(held, [t(8)], { day: '20260302', granted: false })).toEqual(held);
    expect(afterAnswer(held, [t(8)], { day: '20260303', granted: false })).toEqual({ day: '20260303', tickets: [], asking: null });
  });

  it('reads only well-formed tickets from storage', () => {
    expect(parseHeld({ day: 7, tickets: [t(1), 'short', { $gt: '' }], asking: 'no' })).toEqual({ day: null, tickets: [t(1)], asking: null });
    expect(parseHeld('')).toEqual({ day: null, tickets: [], asking: null });
  });

  it('asks again with the set it asked for before without an answer; takes and gives back one at a time', async () => {
    const store = createTicketStore(memory());
    const first = await store.toAsk(async () => [t(1), t(2)]);
    expect(await store.toAsk(async () => [t(3), t(4)])).toEqual(first);
    store.answered(first, { day: '20260302', granted: true });
    expect(await store.toAsk(async () => [t(3), t(4)])).toEqual([t(3), t(4)]);
    expect(store.take()).toBe(t(1));
    expect(store.take()).toBe(t(2));
    expect(store.take()).toBeUndefined();
    store.giveBack(t(2));
    expect(store.held().tickets).toEqual([t(2)]);
  });

  it('takes nothing when storage refuses the write (the ticket would be spent twice)', () => {
    const storage = memory();
    storage.setStorageSync('suggestion.sendTickets', { day: '20260302', tickets: [t(1)], asking: null });
    const store = createTicketStore({ getStorageSync: storage.getStorageSync, setStorageSync: () => { throw new Error('full'); } });
    expect(store.take()).toBeUndefined();
  });
});
