/**
 * The instant a test run calls "now". The local cloud, the browser (Playwright's page.clock) and the
 * weapp stand-in all start from it and run on at real speed, so a run answers the same on any day.
 * `scripts/date-table.ts` sets TEST_NOW to each instant it tries; without it, runs use the default.
 */

/**
 * A plain school-term Tuesday morning in Shanghai: nothing about it is an edge. It is later than
 * the fixed dates of the component tests' records (a notice published 2026-11-20), as every
 * instant of the date table is.
 */
export const DEFAULT_TEST_NOW = '2027-05-11T10:00:00+08:00';

/** TEST_NOW (an ISO instant with its offset) or the default, in epoch milliseconds. */
export function testNow(): number {
  const text = process.env.TEST_NOW || DEFAULT_TEST_NOW;
  const ms = Date.parse(text);
  if (!Number.isFinite(ms) || !/([+-]\d\d:\d\d|Z)$/.test(text)) {
    throw new Error(`TEST_NOW must be an ISO instant with its offset, e.g. 2026-01-01T00:30:00+08:00; got ${text}`);
  }
  return ms;
}
