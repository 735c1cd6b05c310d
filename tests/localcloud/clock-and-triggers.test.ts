/** The controllable clock as functions see it, and timer triggers from config.json. */
import { createClock } from '../../localcloud/clock';
import { startTestCloud, type TestCloud } from './helpers';

let t: TestCloud;
beforeAll(async () => {
  t = await startTestCloud();
  t.cloud.db.admin.createCollection('timer_runs');
});
afterAll(() => t.stop());
afterEach(() => t.cloud.clock.reset());

// 08:00 on the 1st in UTC+8 is 00:00 UTC.
const FEB_1_0800_CST = Date.UTC(2026, 1, 1, 0, 0, 0);
const MAR_1_0800_CST = Date.UTC(2026, 2, 1, 0, 0, 0);

describe('clock', () => {
  test('set freezes, advance moves, reset follows real time again', () => {
    let real = 1_000;
    const clock = createClock(() => real);
    expect(clock.isReal).toBe(true);
    real = 2_000;
    expect(clock.now()).toBe(2_000);
    clock.set(50_000);
    real = 9_000;
    expect(clock.now()).toBe(50_000);
    clock.advance(5_000);
    expect(clock.now()).toBe(55_000);
    expect(clock.isReal).toBe(false);
    clock.reset();
    expect(clock.now()).toBe(9_000);
  });

  test('a function sees the set time in Date.now(), new Date() and Date(); elapsed time runs on', async () => {
    const at = Date.UTC(2030, 5, 15, 4, 30, 0);
    t.cloud.clock.set(at);
    const { result } = await t.cloud.call('clock', { waitMs: 50 });
    expect(result.now).toBeGreaterThanOrEqual(at + 50);
    expect(result.now).toBeLessThan(at + 1_000);
    expect(Math.abs(result.constructed - result.now)).toBeLessThan(5);
    expect(result.fromValue).toBe(0); // dates built from a value are untouched
    expect(result.called).toBe('string');
    expect(result.isDate).toBe(true);
    // Back on real time, the same warm instance follows the real clock again.
    t.cloud.clock.reset();
    const real = await t.cloud.call('clock', {});
    expect(Math.abs(real.result.now - Date.now())).toBeLessThan(2_000);
  });

  test('the database serverDate uses the clock too', async () => {
    t.cloud.clock.set(Date.UTC(2031, 0, 1));
    t.cloud.db.admin.createCollection('smoke');
    const { result } = await t.cloud.call('db-smoke', {}, { openid: 'o-clock' });
    expect(result.atMs).toBe(Date.UTC(2031, 0, 1));
  });
});

/** Runs recorded by the timer fixture that were not in `before`, by trigger time. */
function newRuns(before: any[]): any[] {
  const seen = new Set(before.map((r) => r._id));
  return t.cloud.db.admin.find('timer_runs').filter((r) => !seen.has(r._id)).sort((a, b) => a.seenNow - b.seenNow);
}

describe('timer triggers', () => {
  test('fireTrigger runs the function with the Timer event, source wx_trigger and no OPENID', async () => {
    t.cloud.clock.set(Date.UTC(2026, 4, 20, 1, 2, 3, 456));
    const run = await t.cloud.fireTrigger('timer', 'monthlyDigest');
    expect(run.event).toEqual({ Type: 'Timer', TriggerName: 'monthlyDigest', Time: '2026-05-20T01:02:03Z' });
    expect(run.context).toEqual({ APPID: 'wx-local-appid', ENV: 'local-dev', SOURCE: 'wx_trigger' });
    await expect(t.cloud.fireTrigger('timer', 'nope')).rejects.toThrow(/no timer trigger "nope"/);
  });

  test('advanceClock over a month boundary fires the monthly trigger once, at its time', async () => {
    const before = t.cloud.db.admin.find('timer_runs');
    t.cloud.clock.set(Date.UTC(2026, 0, 31, 15, 0, 0)); // Jan 31, 23:00 in UTC+8
    await t.cloud.advanceClock(2 * 24 * 3600 * 1000);
    const runs = newRuns(before);
    expect(runs).toHaveLength(1);
    expect(runs[0].event.Time).toBe('2026-02-01T00:00:00Z');
    // The function ran with the clock at the trigger time (plus its own few milliseconds).
    expect(runs[0].seenNow - FEB_1_0800_CST).toBeGreaterThanOrEqual(0);
    expect(runs[0].seenNow - FEB_1_0800_CST).toBeLessThan(1_000);
    expect(t.cloud.clock.now()).toBe(Date.UTC(2026, 0, 31, 15, 0, 0) + 2 * 24 * 3600 * 1000);
  });

  test('advancing again does not re-run a trigger time already passed; a longer jump runs each month in order', async () => {
    t.cloud.clock.set(FEB_1_0800_CST + 1);
    const before = t.cloud.db.admin.find('timer_runs');
    await t.cloud.advanceClock(10 * 3600 * 1000);
    expect(newRuns(before)).toEqual([]);
    await t.cloud.advanceClock(60 * 24 * 3600 * 1000);
    const times = newRuns(before).map((r) => r.event.Time);
    expect(times).toEqual(['2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z']);
    expect(MAR_1_0800_CST).toBe(Date.parse(times[0]));
  });
});
