import type { QueryRef } from './db-types';

/** The cloud caps one read at 1000 records. */
export const PAGE = 1000;

/**
 * Every record a query matches, one request per 1000. `query` builds the ordered query afresh for
 * each page (it must order by something unique, e.g. end with `_id`, so pages do not overlap).
 */
export async function readPages<T>(query: () => QueryRef): Promise<T[]> {
  const all: T[] = [];
  for (let skip = 0; ; skip += PAGE) {
    let page = query().limit(PAGE);
    if (skip) page = page.skip(skip);
    const { data } = await page.get();
    all.push(...(data as T[]));
    if (data.length < PAGE) return all;
  }
}
