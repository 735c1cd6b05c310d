/**
 * The database actions of the wire protocol (spec §3.3), evaluated against a View.
 * Reads return the response body; writes return a Plan (the document changes plus the response
 * body) that the engine either commits at once or buffers in a transaction.
 */
import { CloudError, DbErrorCode } from '../errors';
import { Doc, cloneValue, decodeWire, isPlainObject } from './ejson';
import { distanceAt, guessGeoKey, parseNear } from './geo';
import { setPath } from './paths';
import { compileQuery, orderByNear, projectDocs, runAggregation, sortDocs } from './query';
import { Change, Entry, View, idKey, makeEntry } from './store';
import { applyOperators, replacement, upsertSeed } from './update';

export type Params = Record<string, unknown>;
export type Body = Record<string, unknown>;

export interface Plan {
  changes: Change[];
  result: Body;
  /** Set when the request fails after part of it took effect: commit `changes`, then answer with this. */
  error?: CloudError;
}

export interface ActionContext {
  now: () => number;
  newId: () => string;
  /** Cap applied to aggregations that have no $limit stage (the cloud's reported default is 20). */
  aggregateDefaultLimit: number;
}

/** The SDK never sends more than 1000, and the cloud never returns more (spec §2.4). */
export const MAX_LIMIT = 1000;
const DEFAULT_LIMIT = 100;

const NOT_EXIST_MESSAGE =
  '[ResourceNotFound] Db or Table not exist. Please check your request, but if the problem cannot be solved, contact us.';

export function requireCollection(view: View, coll: unknown): string {
  if (typeof coll !== 'string' || coll === '') throw new CloudError(DbErrorCode.INVALID_PARAM, 'collectionName is required');
  if (!view.hasCollection(coll)) throw new CloudError(DbErrorCode.COLLECTION_NOT_EXIST, NOT_EXIST_MESSAGE);
  return coll;
}

function decodeObject(raw: unknown, what: string, ctx: ActionContext): Doc | undefined {
  const value = decodeWire(raw, ctx.now);
  if (value === undefined) return undefined;
  if (!isPlainObject(value)) throw new CloudError(DbErrorCode.INVALID_PARAM, `${what} must be an object`);
  return value;
}

function nonNegativeInt(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) && v > 0 ? Math.floor(v) : 0;
}

/** Documents matching `query`, in natural order. An `_id` equality looks the one document up directly. */
function matching(view: View, coll: string, query: Doc | undefined): Entry[] {
  const test = compileQuery(query);
  const id = query?._id;
  if (typeof id === 'string' || typeof id === 'number') {
    const e = view.get(coll, idKey(id));
    return e && test(e.obj) ? [e] : [];
  }
  return view.list(coll).filter((e) => test(e.obj));
}

function parseOrder(raw: Doc | undefined): Record<string, 1 | -1> {
  const order: Record<string, 1 | -1> = {};
  for (const [k, v] of Object.entries(raw ?? {})) {
    if (v !== 1 && v !== -1) throw new CloudError(DbErrorCode.INVALID_PARAM, `order of ${k} must be 1 or -1`);
    order[k] = v;
  }
  return order;
}

// ---- reads ---------------------------------------------------------------------------------

export function getDocument(view: View, p: Params, ctx: ActionContext): Body {
  const coll = requireCollection(view, p.collectionName);
  const query = decodeObject(p.query, 'query', ctx);
  let entries = matching(view, coll, query);
  const order = parseOrder(decodeObject(p.order, 'order', ctx));
  const objs = entries.map((e) => e.obj);
  // An explicit order wins; otherwise a $nearSphere query returns nearest first; otherwise natural order.
  const sorted = Object.keys(order).length > 0 ? sortDocs(objs, order) : orderByNear(objs, query);
  if (sorted !== objs) {
    const byObj = new Map(entries.map((e) => [e.obj, e] as const));
    entries = sorted.map((o) => byObj.get(o) as Entry);
  }
  const offset = nonNegativeInt(p.offset);
  const limit = Math.min(nonNegativeInt(p.limit) || DEFAULT_LIMIT, MAX_LIMIT);
  entries = entries.slice(offset, offset + limit);
  const projection = decodeObject(p.projection, 'projection', ctx);
  const list =
    projection && Object.keys(projection).length > 0
      ? projectDocs(entries.map((e) => e.obj), projection).map((d) => makeEntry(d).text)
      : entries.map((e) => e.text);
  return { data: { list } };
}

export function calculateDocument(view: View, p: Params, ctx: ActionContext): Body {
  const coll = requireCollection(view, p.collectionName);
  return { data: { total: matching(view, coll, decodeObject(p.query, 'query', ctx)).length } };
}

/** $geoNear must be the first stage; mingo has no such stage, so we run it ourselves. */
function geoNear(docs: Doc[], spec: unknown): Doc[] {
  if (!isPlainObject(spec)) throw new CloudError(DbErrorCode.REQUEST_FAILED, '$geoNear needs an object');
  const near = parseNear(spec.near);
  const distanceField = spec.distanceField;
  if (typeof distanceField !== 'string' || !distanceField) throw new CloudError(DbErrorCode.REQUEST_FAILED, '$geoNear requires a distanceField');
  const key = typeof spec.key === 'string' ? spec.key : guessGeoKey(docs);
  if (!key) return [];
  const test = compileQuery(isPlainObject(spec.query) ? spec.query : undefined);
  const max = typeof spec.maxDistance === 'number' ? spec.maxDistance : Infinity;
  const min = typeof spec.minDistance === 'number' ? spec.minDistance : 0;
  const mult = typeof spec.distanceMultiplier === 'number' ? spec.distanceMultiplier : 1;
  return docs
    .filter(test)
    .map((d, i) => ({ d, i, dist: distanceAt(d, key, near.center) }))
    .filter((x) => Number.isFinite(x.dist) && x.dist <= max && x.dist >= min)
    .sort((a, b) => a.dist - b.dist || a.i - b.i)
    .map(({ d, dist }) => {
      const out = cloneValue(d);
      setPath(out, distanceField, dist * mult);
      if (typeof spec.includeLocs === 'string') setPath(out, spec.includeLocs, cloneValue(d[key]));
      return out;
    });
}

export function aggregateDocuments(view: View, p: Params, ctx: ActionContext): Body {
  const coll = requireCollection(view, p.collectionName);
  if (!Array.isArray(p.stages)) throw new CloudError(DbErrorCode.INVALID_PARAM, 'stages must be an array');
  const pipeline: Record<string, unknown>[] = p.stages.map((s: unknown) => {
    if (!isPlainObject(s) || typeof s.stageKey !== 'string') throw new CloudError(DbErrorCode.INVALID_PARAM, 'invalid aggregation stage');
    if (s.stageKey === '$out' || s.stageKey === '$merge') {
      throw new CloudError(DbErrorCode.REQUEST_FAILED, `${s.stageKey} is not supported`);
    }
    return { [s.stageKey]: decodeWire(s.stageValue, ctx.now) };
  });
  let docs = view.list(coll).map((e) => e.obj);
  if (pipeline.length > 0 && '$geoNear' in pipeline[0]) docs = geoNear(docs, pipeline.shift()?.$geoNear);
  if (!pipeline.some((stage) => '$limit' in stage)) pipeline.push({ $limit: ctx.aggregateDefaultLimit });
  // Joined documents are copies: later stages may modify what they embed.
  const resolver = (name: string) => view.list(name).map((e) => cloneValue(e.obj));
  const list = runAggregation(docs, pipeline, resolver).map((d) => makeEntry(d).text);
  return { data: { list } };
}

// ---- writes --------------------------------------------------------------------------------

function duplicateKey(coll: string, id: unknown): CloudError {
  return new CloudError(
    DbErrorCode.REQUEST_FAILED,
    `E11000 duplicate key error collection: ${coll} index: _id_ dup key: { _id: ${JSON.stringify(id)} }`,
  );
}

/**
 * Insert plain documents (already decoded). Shared by the wire action and admin.insert.
 * A batch is inserted in order and stops at the first duplicate `_id`: the documents before it
 * stay inserted and the request fails with the duplicate-key error. That is MongoDB's ordered
 * insertMany; 云开发 documents batch add (插入多条数据) without promising all-or-nothing.
 * Malformed documents refuse the whole request before anything is inserted.
 */
export function planInsertDocs(view: View, coll: string, docs: unknown[], ctx: ActionContext): Plan {
  for (const raw of docs) {
    if (!isPlainObject(raw)) throw new CloudError(DbErrorCode.INVALID_PARAM, 'each document must be an object');
    const bad = Object.keys(raw).find((k) => k.startsWith('$'));
    if (bad) throw new CloudError(DbErrorCode.REQUEST_FAILED, `document field names must not start with '$': ${bad}`);
  }
  const changes: Change[] = [];
  const ids: unknown[] = [];
  const batch = new Set<string>();
  for (const raw of docs as Doc[]) {
    const id = raw._id === undefined ? ctx.newId() : raw._id;
    const key = idKey(id);
    if (batch.has(key) || view.get(coll, key)) {
      return { changes, result: { data: { insertedIds: ids } }, error: duplicateKey(coll, id) };
    }
    batch.add(key);
    const { _id: _ignored, ...rest } = raw;
    changes.push({ coll, key, before: null, after: makeEntry({ _id: id, ...cloneValue(rest) }) });
    ids.push(id);
  }
  return { changes, result: { data: { insertedIds: ids } } };
}

export function insertDocument(view: View, p: Params, ctx: ActionContext): Plan {
  const coll = requireCollection(view, p.collectionName);
  const raw = Array.isArray(p.data) ? p.data : [p.data];
  return planInsertDocs(view, coll, raw.map((d) => decodeWire(d, ctx.now)), ctx);
}

export function modifyDocument(view: View, p: Params, ctx: ActionContext): Plan {
  const coll = requireCollection(view, p.collectionName);
  const query = decodeObject(p.query, 'query', ctx);
  const data = decodeObject(p.data, 'data', ctx) ?? {};
  const merge = p.merge !== false;
  let targets = matching(view, coll, query);
  if (p.multi !== true) targets = targets.slice(0, 1);

  const changes: Change[] = [];
  for (const before of targets) {
    let doc: Doc;
    if (merge) {
      doc = cloneValue(before.obj);
      applyOperators(doc, data, { now: ctx.now, query });
    } else {
      doc = replacement(before.obj._id, data);
    }
    const after = makeEntry(doc);
    // MongoDB counts a document as updated only if its bytes changed.
    if (after.text !== before.text) changes.push({ coll, key: idKey(before.obj._id), before, after });
  }
  const updated = changes.length;

  if (targets.length === 0 && p.upsert === true) {
    const seed = upsertSeed(query);
    const id = seed._id !== undefined ? seed._id : ctx.newId();
    let doc: Doc;
    if (merge) {
      const { _id: _ignored, ...fields } = seed;
      doc = { _id: id, ...fields };
      applyOperators(doc, data, { now: ctx.now, query, inserting: true });
    } else {
      doc = replacement(id, data);
    }
    const key = idKey(id);
    if (view.get(coll, key)) throw duplicateKey(coll, id);
    changes.push({ coll, key, before: null, after: makeEntry(doc) });
    return { changes, result: { data: { updated: 0, upsert_id: id } } };
  }
  return { changes, result: { data: { updated } } };
}

export function removeDocument(view: View, p: Params, ctx: ActionContext): Plan {
  const coll = requireCollection(view, p.collectionName);
  let targets = matching(view, coll, decodeObject(p.query, 'query', ctx));
  if (p.multi !== true) targets = targets.slice(0, 1);
  const changes = targets.map((before) => ({ coll, key: idKey(before.obj._id), before, after: null }));
  return { changes, result: { data: { deleted: changes.length } } };
}
