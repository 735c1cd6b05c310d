/**
 * Fuzzing every action: malformed payloads generated from each action's input schema (wrong
 * types, missing and unknown keys, huge strings, odd Unicode, query objects where a string is
 * expected), each sent as a person the action admits. Every one is refused with a stable code,
 * nothing reaches an unhandled error, and the database is unchanged.
 */
import { ACTIONS, type ActionName } from '../../types/actions';
import { ERROR_MESSAGES } from '../../types/errors';
import { Id, StaffNo } from '../../types/fields';
import { demo, startTestCloud, type TestCloud } from './support/harness';

jest.setTimeout(300_000);

let t: TestCloud;
const logs: string[] = [];
const chair = demo.openid(demo.chair.staffNo);
const stranger = 'fuzz-stranger-openid';

beforeAll(async () => {
  t = await startTestCloud({ log: (line) => logs.push(line) });
});
afterAll(() => t.stop());

/** The keys an input schema knows (a strict object, possibly inside a pipe). */
function keysOf(schema: unknown): string[] {
  const s = schema as { entries?: Record<string, unknown>; pipe?: Array<{ entries?: Record<string, unknown> }> };
  return Object.keys(s.entries ?? s.pipe?.find((p) => p.entries)?.entries ?? {});
}

const HUGE = '工'.repeat(100_000);
const BAD_VALUES: unknown[] = [
  { $gt: '' },
  { $ne: null },
  { $where: 'sleep(1000)' },
  12345,
  -1,
  1e308,
  true,
  null,
  [{ $gt: '' }],
  HUGE,
  '\u0000\ud800\u202e',
];
/** Text that only looks dangerous: legal in a free-text field, so sent beside an unknown key. */
const SCARY_TEXT = ["'; db.dropDatabase(); //", '<script>alert(1)</script>', '../../../etc/passwd', '{"$gt": ""}'];

/** At least twenty malformed payloads for one action's input. */
export function malformedPayloads(schema: unknown): unknown[] {
  const keys = keysOf(schema);
  const payloads: unknown[] = [null, 42, 'input', [], true, { unknownKey: 1 }, { $where: '1' }, { constructor: { prototype: { polluted: true } } }];
  // Keys every object inherits are unknown keys like any other (JSON.parse makes `__proto__` an own key, as a client's JSON would).
  payloads.push(JSON.parse('{"__proto__": {"polluted": true}}'), { toString: 'x' }, { hasOwnProperty: 1 }, { valueOf: 0 });
  for (const key of keys) for (const value of BAD_VALUES) payloads.push({ [key]: value });
  for (const key of keys) for (const value of SCARY_TEXT) payloads.push({ [key]: value, $unknown: true });
  // Every known key at once, each with a wrong type, plus one unknown key.
  payloads.push({ ...Object.fromEntries(keys.map((k) => [k, { $gt: '' }])), extra: 1 });
  payloads.push(Object.fromEntries([...keys.map((k) => [k, HUGE]), ['x'.repeat(1000), 1]]));
  while (payloads.length < 20) payloads.push({ [`unknown${payloads.length}`]: BAD_VALUES[payloads.length % BAD_VALUES.length] });
  return payloads;
}

describe.each(Object.keys(ACTIONS) as ActionName[])('%s', (action) => {
  it('refuses every malformed payload with a stable code and changes nothing', async () => {
    const spec = ACTIONS[action];
    const caller = spec.access === 'unbound' ? stranger : chair;
    const payloads = malformedPayloads(spec.input);
    expect(payloads.length).toBeGreaterThanOrEqual(20);
    const before = t.snapshot();
    logs.length = 0;
    for (const input of payloads) {
      const answer = await t.raw(caller, { action, input });
      expect({ input: JSON.stringify(input)?.slice(0, 80), ok: answer.ok }).toEqual({ input: JSON.stringify(input)?.slice(0, 80), ok: false });
      if (!answer.ok) {
        expect(Object.keys(ERROR_MESSAGES)).toContain(answer.code);
        expect(answer.code).not.toBe('INTERNAL');
      }
    }
    expect(t.snapshot()).toEqual(before);
    expect(logs.filter((line) => /failed|Error|stderr/.test(line))).toEqual([]);
  });
});

/** Names every JavaScript object answers to: no 工号 or id may be one (a 工号 `constructor` once read every proposal). */
const RESERVED_NAMES = ['constructor', '__proto__', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'toLocaleString'];
// valibot's record drops these keys before checking them, so as record keys they cannot be answered ID_RESERVED.
const DROPPED_RECORD_KEYS = new Set(['constructor', '__proto__', 'prototype']);

type SchemaNode = { type?: string; wrapped?: unknown; item?: unknown; key?: unknown; options?: SchemaNode[]; entries?: Record<string, SchemaNode & { literal?: unknown }>; pipe?: SchemaNode[] };

/** Payloads that put `name` where the schema expects a 工号 or an id: fields, array items, record keys, inside objects and variants. */
function reservedIdPayloads(schema: unknown, name: string, depth = 0): unknown[] {
  if (schema === Id || schema === StaffNo) return [name];
  const s = schema as SchemaNode;
  if (!s || depth > 8) return [];
  if (s.type === 'optional' || s.type === 'nullable' || s.type === 'nullish') return reservedIdPayloads(s.wrapped, name, depth + 1);
  if (s.type === 'array') return reservedIdPayloads(s.item, name, depth + 1).map((value) => [value]);
  if (s.type === 'record') return (s.key === Id || s.key === StaffNo) && !DROPPED_RECORD_KEYS.has(name) ? [JSON.parse(JSON.stringify({ [name]: 'x' }))] : [];
  if (s.type === 'variant') {
    return (s.options ?? []).flatMap((option) => {
      const tag = { [s.key as string]: option.entries?.[s.key as string]?.literal };
      return reservedIdPayloads(option, name, depth + 1).map((value) => ({ ...tag, ...(value as object) }));
    });
  }
  const entries = s.entries ?? s.pipe?.find((p) => p.entries)?.entries;
  if (!entries) return [];
  return Object.entries(entries).flatMap(([key, sub]) => reservedIdPayloads(sub, name, depth + 1).map((value) => ({ [key]: value })));
}

describe.each(Object.keys(ACTIONS) as ActionName[])('%s with ids named like Object.prototype members', (action) => {
  it('refuses each with ID_RESERVED (or the refusal of the caller it gives anyway) and changes nothing', async () => {
    const spec = ACTIONS[action];
    const payloads = RESERVED_NAMES.flatMap((name) => reservedIdPayloads(spec.input, name));
    if (payloads.length === 0) return;
    const caller = spec.access === 'unbound' ? stranger : chair;
    // A caller the action refuses outright is refused before the input is read.
    const baseline = await t.raw(caller, { action, input: {} });
    const expected = !baseline.ok && baseline.code !== 'INVALID_INPUT' ? baseline.code : 'ID_RESERVED';
    const before = t.snapshot();
    for (const input of payloads) {
      const answer = await t.raw(caller, { action, input });
      expect({ input, code: answer.ok ? 'ok' : answer.code }).toEqual({ input, code: expected });
    }
    expect(t.snapshot()).toEqual(before);
  });
});

it('stores text that looks like an injection as plain text, never as a query', async () => {
  const name = "'; db.dropDatabase(); //<script>";
  const group = await t.act(chair, 'groups.create', { name: { $gt: '' } as never });
  expect(group).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  const created = await t.act(chair, 'groups.create', { name });
  expect(created).toMatchObject({ ok: true, data: { name } });
  const listed = await t.act(chair, 'groups.list', {});
  expect(listed.ok && listed.data.map((g) => g.name)).toContain(name);
  expect(t.cloud.db.admin.find('members', {}).length).toBeGreaterThan(50);
});

it('also refuses requests that are not even shaped like one', async () => {
  for (const event of [null, 'x', 42, [], {}, { action: 'nope' }, { action: { $gt: '' } }, { action: 'me.get', input: {}, extra: 1 }]) {
    const answer = await t.raw(chair, event);
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(['INVALID_INPUT', 'UNKNOWN_ACTION']).toContain(answer.code);
  }
});
