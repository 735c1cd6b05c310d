/**
 * Update evaluation: operator updates (merge:true) through mingo, with the MongoDB checks mingo
 * skips (spec §3.4 gaps 2–4), replacement documents (merge:false, i.e. doc.set) and upsert seeds.
 */
import { update as mingoUpdate } from 'mingo';
import { CloudError, DbErrorCode } from '../errors';
import { Doc, cloneValue, encodeDoc, isPlainObject } from './ejson';
import { getExact, setPath } from './paths';
import { guard, mingoOptions } from './query';

const SUPPORTED = new Set([
  '$set', '$unset', '$inc', '$mul', '$min', '$max', '$rename', '$push', '$pull', '$pullAll', '$pop',
  '$addToSet', '$bit', '$currentDate', '$setOnInsert',
]);
/** Operators that create the path if it is missing (so a scalar in the way is an error). */
const CREATING = new Set(['$set', '$inc', '$mul', '$min', '$max', '$push', '$addToSet', '$bit']);
const ARRAY_OPS = new Set(['$push', '$addToSet', '$pull', '$pullAll', '$pop']);

function fail(message: string): CloudError {
  return new CloudError(DbErrorCode.REQUEST_FAILED, message);
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (v instanceof Date) return 'date';
  if (v instanceof RegExp) return 'regex';
  return typeof v;
}

function sameValue(a: unknown, b: unknown): boolean {
  return encodeDoc({ v: a }) === encodeDoc({ v: b });
}

function dedupe(values: unknown[]): unknown[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const key = encodeDoc({ v });
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export interface UpdateOptions {
  now: () => number;
  /** The request's query; needed for the positional `$` operator. */
  query?: Doc;
  /** True when the update seeds a new upserted document ($setOnInsert applies). */
  inserting?: boolean;
}

/** Normalise an update document to operators only; a plain object means $set of its fields. */
function asModifier(update: Doc): Record<string, Doc> {
  const keys = Object.keys(update);
  const ops = keys.filter((k) => k.startsWith('$'));
  if (ops.length === 0) return keys.length ? { $set: update } : {};
  if (ops.length !== keys.length) throw fail('update document mixes update operators and plain fields');
  for (const op of ops) {
    if (!SUPPORTED.has(op)) throw new CloudError(DbErrorCode.INVALID_OPERATOR, `unknown update operator: ${op}`);
    if (!isPlainObject(update[op])) throw fail(`Modifiers operate on fields but we found type ${typeName(update[op])} instead of an object for ${op}`);
  }
  return update as Record<string, Doc>;
}

/**
 * Apply an operator update to `doc` in place (the caller passes a copy).
 * Throws CloudError for the cases MongoDB rejects.
 */
export function applyOperators(doc: Doc, update: Doc, opts: UpdateOptions): void {
  const source = asModifier(update);
  const modifier: Record<string, Doc> = {};
  for (const [op, fields] of Object.entries(source)) {
    if (op === '$setOnInsert') {
      if (opts.inserting) modifier.$set = { ...(modifier.$set ?? {}), ...fields };
    } else if (op === '$currentDate') {
      // Use the engine clock (tests control it), not mingo's wall clock.
      const at = new Date(opts.now());
      const set: Doc = {};
      for (const k of Object.keys(fields)) set[k] = at;
      modifier.$set = { ...(modifier.$set ?? {}), ...set };
    } else {
      modifier[op] = op === '$set' && modifier.$set ? { ...modifier.$set, ...fields } : { ...fields };
    }
  }

  let positional = false;
  for (const [op, fields] of Object.entries(modifier)) {
    for (const [path, arg] of Object.entries(fields)) {
      if (path.includes('$')) {
        positional = true;
        continue; // positional paths are resolved by mingo against the query
      }
      const at = getExact(doc, path);
      if (at.blocked && (CREATING.has(op) || op === '$rename')) {
        throw fail(`Cannot create field '${path.split('.').pop()}' in element for path '${path}'`);
      }
      if ((op === '$inc' || op === '$mul') && (typeof arg !== 'number' || (at.found && typeof at.value !== 'number'))) {
        throw fail(typeof arg !== 'number'
          ? `Cannot ${op === '$inc' ? 'increment' : 'multiply'} with non-numeric argument: {${path}: ${JSON.stringify(arg)}}`
          : `Cannot apply ${op} to a value of non-numeric type. {_id: ${JSON.stringify(doc._id)}} has the field '${path}' of non-numeric type ${typeName(at.value)}`);
      }
      if (ARRAY_OPS.has(op) && at.found && !Array.isArray(at.value)) {
        throw fail(`The field '${path}' must be an array but is of type ${typeName(at.value)} in document {_id: ${JSON.stringify(doc._id)}}`);
      }
      if (op === '$rename') {
        if (typeof arg !== 'string' || arg === '' || arg === path) throw fail(`$rename target for '${path}' must be a different, non-empty field name`);
        if (getExact(doc, arg).blocked) throw fail(`Cannot create field for $rename target '${arg}'`);
      }
      if (op === '$push' && !at.found && isPlainObject(arg) && Array.isArray(arg.$each)) {
        // mingo ignores $sort/$slice/$position when the field is missing; MongoDB creates the
        // array from $each and then applies them. Starting from an empty array does the same.
        setPath(doc, path, []);
      }
      if (op === '$addToSet' && !at.found && isPlainObject(arg) && Array.isArray(arg.$each)) {
        // mingo keeps duplicates of $each when the field is missing; MongoDB does not.
        fields[path] = { ...arg, $each: dedupe(arg.$each) };
      }
    }
  }

  const idBefore = doc._id;
  guard(() =>
    mingoUpdate(doc, modifier as never, undefined, positional && opts.query ? (opts.query as never) : undefined, {
      cloneMode: 'deep',
      queryOptions: mingoOptions(),
    }),
  );
  if (!sameValue(idBefore, doc._id)) {
    throw fail("Performing an update on the path '_id' would modify the immutable field '_id'");
  }
}

/** merge:false (doc.set): the stored document becomes `data`, keeping its _id. */
export function replacement(id: unknown, data: Doc): Doc {
  const out: Doc = { _id: id };
  for (const [k, v] of Object.entries(data)) {
    if (k.startsWith('$')) throw fail('update operator complicit');
    if (k === '_id') {
      if (!sameValue(v, id)) throw fail("the (immutable) field '_id' was found to have been altered");
      continue;
    }
    out[k] = cloneValue(v);
  }
  return out;
}

/** The fields an upsert copies from its query: top-level equalities (and those inside $and). */
export function upsertSeed(query: Doc | undefined): Doc {
  const seed: Doc = {};
  const visit = (q: unknown) => {
    if (!isPlainObject(q)) return;
    for (const [k, v] of Object.entries(q)) {
      if (k === '$and' && Array.isArray(v)) v.forEach(visit);
      if (k.startsWith('$')) continue;
      if (isPlainObject(v) && Object.keys(v).some((x) => x.startsWith('$'))) {
        if ('$eq' in v) setPath(seed, k, cloneValue(v.$eq));
      } else if (!(v instanceof RegExp)) {
        setPath(seed, k, cloneValue(v));
      }
    }
  };
  visit(query);
  return seed;
}
