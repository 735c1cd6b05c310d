import { HttpError } from './http-error';

/**
 * How deeply a request's JSON may nest. The app's deepest call is a handful of levels; a deep body
 * costs the server nothing to parse but overflows the stack of whatever walks it next (the
 * instance's IPC serializer, the SDK), so it is refused before it is parsed.
 */
export const MAX_JSON_DEPTH = 64;

export class JsonTooDeepError extends HttpError {
  constructor(readonly limit: number) {
    super(400, 'INVALID_PARAM', `请求体嵌套太深：最多 ${limit} 层`);
  }
}

/** The nesting depth of JSON text, counted without recursion (brackets inside strings do not count). */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > deepest) deepest = depth;
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    }
  }
  return deepest;
}

/** JSON.parse after a depth check: throws JsonTooDeepError (400) for a body nested deeper than `maxDepth`. */
export function parseJsonWithinDepth(text: string, maxDepth = MAX_JSON_DEPTH): unknown {
  if (jsonDepth(text) > maxDepth) throw new JsonTooDeepError(maxDepth);
  return JSON.parse(text) as unknown;
}
