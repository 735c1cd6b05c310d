/**
 * Query evaluation with mingo plus our geo operators, and the mapping of mingo's errors to the
 * cloud's codes (unknown operator → DATABASE_INVALID_OPERRATOR, anything else → DATABASE_REQUEST_FAILED).
 */
import { Aggregator, Context, ProcessingMode, Query } from 'mingo';
import type { Options } from 'mingo/types';
import { CloudError, DbErrorCode } from '../errors';
import { Doc, isPlainObject } from './ejson';
import { distanceAt, findNearClause, geoQueryOperators } from './geo';

const context = Context.init({ query: geoQueryOperators as never });

/** Options for every mingo call. Scripts are off: $where/$function would run caller code in our process. */
export function mingoOptions(extra: Partial<Options> = {}): Partial<Options> {
  return { context, scriptEnabled: false, ...extra };
}

const UNKNOWN_OPERATOR = /unknown .*operator|operator .* is not supported|invalid operator/i;

/** Translate an exception from mingo (or our own code) into a CloudError. */
export function toCloudError(e: unknown): CloudError {
  if (e instanceof CloudError) return e;
  const message = e instanceof Error ? e.message : String(e);
  return new CloudError(UNKNOWN_OPERATOR.test(message) ? DbErrorCode.INVALID_OPERATOR : DbErrorCode.REQUEST_FAILED, message);
}

export function guard<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw toCloudError(e);
  }
}

export type Matcher = (doc: Doc) => boolean;

export function compileQuery(query: unknown): Matcher {
  if (query === undefined || query === null) return () => true;
  if (!isPlainObject(query)) throw new CloudError(DbErrorCode.INVALID_PARAM, 'query must be an object');
  if (Object.keys(query).length === 0) return () => true;
  const q = guard(() => new Query(query, mingoOptions()));
  return (doc) => guard(() => q.test(doc));
}

/** Sort documents the MongoDB way (mingo's comparator); keeps object identity. */
export function sortDocs<T extends Doc>(docs: T[], order: Record<string, 1 | -1>): T[] {
  if (Object.keys(order).length === 0) return docs;
  return guard(() => new Query({}, mingoOptions()).find(docs).sort(order).all() as T[]);
}

export function projectDocs(docs: Doc[], projection: Record<string, unknown>): Doc[] {
  if (Object.keys(projection).length === 0) return docs;
  const projected = guard(() => new Query({}, mingoOptions()).find(docs, projection).all() as Doc[]);
  // mingo appends _id last; MongoDB keeps it first.
  return projected.map((d) => ('_id' in d ? { _id: d._id, ...d } : d));
}

/**
 * A $nearSphere query returns nearest first when no order is given (MongoDB semantics).
 * Returns the docs reordered, or unchanged when the query has no near clause.
 */
export function orderByNear<T extends Doc>(docs: T[], query: unknown): T[] {
  const clause = guard(() => findNearClause(query));
  if (!clause) return docs;
  const withDist = docs.map((d, i) => ({ d, i, dist: distanceAt(d, clause.path, clause.near.center) }));
  withDist.sort((a, b) => a.dist - b.dist || a.i - b.i);
  return withDist.map((x) => x.d);
}

export function runAggregation(docs: Doc[], pipeline: Record<string, unknown>[], resolver: (name: string) => Doc[]): Doc[] {
  return guard(() => {
    // CLONE_INPUT: some stages build results from their input objects; our cached documents must stay untouched.
    const agg = new Aggregator(pipeline, mingoOptions({ collectionResolver: resolver, processingMode: ProcessingMode.CLONE_INPUT }));
    return agg.run(docs) as Doc[];
  });
}
