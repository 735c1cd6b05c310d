/** Dotted-path helpers with MongoDB's array semantics (a non-numeric segment fans out over arrays). */
import { isPlainObject } from './ejson';

/** Every value reachable at `path`; a terminal array is returned as itself and as its elements. */
export function resolvePath(doc: unknown, path: string): unknown[] {
  const out: unknown[] = [];
  const walk = (value: unknown, segs: string[], i: number) => {
    if (i === segs.length) {
      if (value === undefined) return;
      out.push(value);
      if (Array.isArray(value)) out.push(...value);
      return;
    }
    const seg = segs[i];
    if (Array.isArray(value)) {
      if (/^\d+$/.test(seg)) walk(value[Number(seg)], segs, i + 1);
      else for (const el of value) walk(el, segs, i);
    } else if (isPlainObject(value)) {
      walk(value[seg], segs, i + 1);
    }
  };
  walk(doc, path.split('.'), 0);
  return out;
}

/**
 * The single value at `path` without fanning out over arrays (numeric segments index arrays).
 * `blocked` means a scalar, null or array sits in the middle of the path, so nothing can be created there.
 */
export function getExact(doc: unknown, path: string): { found: boolean; value?: unknown; blocked?: boolean } {
  let cur: unknown = doc;
  for (const seg of path.split('.')) {
    if (Array.isArray(cur)) {
      if (!/^\d+$/.test(seg)) return { found: false, blocked: true };
      cur = cur[Number(seg)];
    } else if (isPlainObject(cur)) {
      if (!Object.prototype.hasOwnProperty.call(cur, seg)) return { found: false };
      cur = cur[seg];
    } else {
      return { found: false, blocked: true };
    }
    if (cur === undefined) return { found: false };
  }
  return { found: true, value: cur };
}

/** Set `value` at a dotted path, creating plain objects on the way. */
export function setPath(doc: Record<string, unknown>, path: string, value: unknown): void {
  const segs = path.split('.');
  let cur: Record<string, unknown> = doc;
  for (let i = 0; i < segs.length - 1; i++) {
    const next = cur[segs[i]];
    if (!isPlainObject(next)) cur[segs[i]] = {};
    cur = cur[segs[i]] as Record<string, unknown>;
  }
  cur[segs[segs.length - 1]] = value;
}
