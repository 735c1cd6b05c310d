/**
 * EJSON in and out. The SDK sends queries, updates and documents as canonical EJSON strings
 * (spec §3.1); we decode them to plain JS values (numbers, Date, RegExp) that mingo understands,
 * and encode documents back to canonical EJSON, which is also the storage format.
 */
import { BSONRegExp, EJSON } from 'bson';

export type Doc = Record<string, unknown>;

/** A plain object (as opposed to Date, RegExp, bson value classes, arrays). */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object') return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

// JS RegExp supports i m s u (and stateful g y, which we never want); BSON adds x and l.
const JS_REGEX_FLAGS = new Set(['i', 'm', 's', 'u']);
const BSON_REGEX_FLAGS = new Set(['i', 'm', 's', 'u']);

function bsonRegExpToRegExp(r: BSONRegExp): RegExp {
  let pattern = r.pattern;
  // 'x' (extended) has no JS equivalent: drop unescaped whitespace, which is what it mostly means.
  if (r.options.includes('x')) pattern = pattern.replace(/\\\s|\s+/g, (m) => (m.startsWith('\\') ? m : ''));
  const flags = [...r.options].filter((f) => JS_REGEX_FLAGS.has(f)).join('');
  return new RegExp(pattern, flags);
}

/**
 * Turn a relaxed-EJSON-parsed value into engine values: BSONRegExp → RegExp and
 * `{$tcb_server_date:{offset}}` → Date(now + offset), anywhere in the tree.
 */
export function normalizeWireValue(value: unknown, now: () => number): unknown {
  if (Array.isArray(value)) return value.map((v) => normalizeWireValue(v, now));
  if (value instanceof BSONRegExp) return bsonRegExpToRegExp(value);
  if (isPlainObject(value)) {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === '$tcb_server_date') {
      const spec = value.$tcb_server_date;
      const offset = isPlainObject(spec) && typeof spec.offset === 'number' ? spec.offset : 0;
      return new Date(now() + offset);
    }
    const out: Record<string, unknown> = {};
    for (const k of keys) out[k] = normalizeWireValue(value[k], now);
    return out;
  }
  return value;
}

/** Decode one EJSON string of the wire protocol. Empty/absent → undefined. */
export function decodeWire(text: unknown, now: () => number): unknown {
  if (text === undefined || text === null || text === '') return undefined;
  // Tolerate already-decoded JSON (an HTTP client that sends objects instead of strings).
  const parsed = typeof text === 'string' ? EJSON.parse(text, { relaxed: true }) : EJSON.deserialize(text as Doc, { relaxed: true });
  return normalizeWireValue(parsed, now);
}

/** Prepare a value for EJSON.stringify: RegExp flags BSON can't hold are dropped, undefined properties removed. */
function toBsonFriendly(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : toBsonFriendly(v)));
  if (value instanceof RegExp) {
    const flags = [...value.flags].filter((f) => BSON_REGEX_FLAGS.has(f)).sort().join('');
    return new BSONRegExp(value.source, flags);
  }
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = toBsonFriendly(v);
    return out;
  }
  return value;
}

/** Canonical EJSON text of a document: the storage format and the wire format of `data.list`. */
export function encodeDoc(doc: unknown): string {
  return EJSON.stringify(toBsonFriendly(doc) as Doc, { relaxed: false });
}

/** Parse stored canonical EJSON back into an engine document. */
export function decodeStored(text: string): Doc {
  return normalizeWireValue(EJSON.parse(text, { relaxed: true }), () => 0) as Doc;
}

/** Deep copy of an engine value. bson value classes (ObjectId, Decimal128, ...) are immutable and shared. */
export function cloneValue<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => cloneValue(v)) as unknown as T;
  if (value instanceof Date) return new Date(value.getTime()) as unknown as T;
  if (value instanceof RegExp) return new RegExp(value.source, value.flags) as unknown as T;
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = cloneValue(v);
    return out as T;
  }
  return value;
}
