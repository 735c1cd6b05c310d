/**
 * Lookups in records keyed by ids (co-signers, ratings, players, grades, tallies, answers, named
 * ballots, file URLs), in the cloud and in the mini-program alike; no imports, so a subpackage
 * pays a few bytes for it. Stored documents and answers arrive as plain objects, so `id in record`
 * and `record[id]` also find what every object inherits: a 工号 `constructor` was "in" every
 * proposal's co-signers, and a subject id `toString` had a grade on every ballot. Only own keys
 * count here. (Object.prototype.hasOwnProperty.call is Object.hasOwn, which the type library we
 * compile against does not declare.)
 */
export const hasOwn = (record: object | null | undefined, key: string): boolean => record != null && Object.prototype.hasOwnProperty.call(record, key);

/** record[key] if the record itself has that key, else undefined. */
export const ownValue = <T>(record: Readonly<Partial<Record<string, T>>> | null | undefined, key: string): T | undefined => (hasOwn(record, key) ? record![key] : undefined);
