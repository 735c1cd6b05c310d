/**
 * A copy of a JSON value with every string, value or object key, passed through `fn`. Keys are
 * copied as own data properties (never through a prototype setter).
 */
export function mapStrings(value: unknown, fn: (text: string) => string, depth = 0): unknown {
  if (typeof value === 'string') return fn(value);
  // Answers are shallow; only junk input nests deeper, and its schema refuses it anyway.
  if (depth > MAX_DEPTH) return value;
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, fn, depth + 1));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, item]) => [fn(key), mapStrings(item, fn, depth + 1)]));
  }
  return value;
}

const MAX_DEPTH = 64;

/** Every string in a JSON value, values and keys. */
export function stringsIn(value: unknown, into: Set<string> = new Set()): Set<string> {
  mapStrings(value, (text) => {
    into.add(text);
    return text;
  });
  return into;
}
