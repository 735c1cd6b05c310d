import * as v from 'valibot';
import type { FieldIssue } from '../../../../types/envelope';
import { isUnreservedId, visibleOrEmpty } from '../../../../types/fields';
import { DomainError } from './domain-error';

/**
 * Input refused on purpose gets its own code, not "mistyped": an id spelled like an Object.prototype
 * member, or text with nothing visible in it.
 */
function refusalCode(requirements: Set<unknown>): 'ID_RESERVED' | 'TEXT_INVISIBLE' | 'INVALID_INPUT' {
  if (requirements.has(isUnreservedId)) return 'ID_RESERVED';
  if (requirements.has(visibleOrEmpty)) return 'TEXT_INVISIBLE';
  return 'INVALID_INPUT';
}

const CHINESE = /[\u4e00-\u9fff]/;

/** Turns valibot issues into paths and Chinese messages a form can show. */
const toFieldIssues = (issues: v.BaseIssue<unknown>[]): FieldIssue[] =>
  issues.slice(0, 10).map((issue) => {
    const path = v.getDotPath(issue) ?? '';
    if (issue.type === 'strict_object' && issue.expected === 'never') return { path, message: `不认识的字段：${path}` };
    // Our schemas carry Chinese messages; valibot's English defaults mean a type mismatch.
    return { path, message: CHINESE.test(issue.message) ? issue.message : `${path || '输入'}的格式不正确` };
  });

/**
 * Parses input with the action's schema; refuses with field issues and INVALID_INPUT, ID_RESERVED or
 * TEXT_INVISIBLE (see refusalCode).
 */
export function parseInput<S extends v.GenericSchema>(schema: S, input: unknown): v.InferOutput<S> {
  // Inputs are plain objects: an array would pass an object schema with no keys to check.
  if (Array.isArray(input)) throw new DomainError('INVALID_INPUT', undefined, [{ path: '', message: '输入的格式不正确' }]);
  const result = v.safeParse(schema, input === undefined ? {} : input);
  if (!result.success) {
    const requirements = new Set(result.issues.map((issue) => (issue as { requirement?: unknown }).requirement));
    throw new DomainError(refusalCode(requirements), undefined, toFieldIssues(result.issues));
  }
  return result.output;
}
