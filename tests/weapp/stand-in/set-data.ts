/**
 * setData as WeChat applies it: each key is a path ("a.b[0].c", or Taro's "root.cn.[0].v") into the
 * data tree, and the value is copied in as JSON (functions and undefined fields are dropped).
 * Objects along a written path are copied, never edited, so a node that was not written keeps its
 * identity: the view uses that to know which custom components' properties changed.
 */
export type DataTree = Record<string, unknown>;
type Key = string | number;

export function parsePath(key: string): Key[] {
  const parts: Key[] = [];
  const re = /([^.[\]]+)|\[(\d+)\]/g;
  let match: RegExpExecArray | null;
  while ((match = re.exec(key))) parts.push(match[2] !== undefined ? Number(match[2]) : match[1]!);
  if (parts.length === 0) throw new Error(`setData: an empty path "${key}"`);
  return parts;
}

const copyIn = (value: unknown): unknown => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

function setIn(target: unknown, path: Key[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [Key, ...Key[]];
  const container = (Array.isArray(target)
    ? [...target]
    : target !== null && typeof target === 'object'
      ? { ...(target as object) }
      : typeof head === 'number' ? [] : {}) as Record<Key, unknown>;
  container[head] = setIn(container[head], rest, value);
  return container;
}

/** Applies one setData call to `data` in place at the top level (WeChat keeps `this.data` the same object). */
export function applySetData(data: DataTree, patch: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(patch)) {
    const [head, ...rest] = parsePath(key);
    data[head as string] = setIn(data[head as string], rest, copyIn(value));
  }
}
