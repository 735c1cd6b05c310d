/** The 7-field cron matcher of timer triggers, evaluated in UTC+8. */
import { parseCron } from '../../localcloud/triggers/cron';

// Helper: a UTC+8 wall-clock time as epoch milliseconds.
const cst = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0) => Date.UTC(y, mo - 1, d, h - 8, mi, s);

describe('parseCron', () => {
  test("'0 0 8 1 * * *' is 08:00:00 on the 1st of each month in UTC+8 (00:00 UTC)", () => {
    const cron = parseCron('0 0 8 1 * * *');
    expect(cron.matches(cst(2026, 3, 1, 8))).toBe(true);
    expect(cron.matches(Date.UTC(2026, 2, 1, 0, 0, 0))).toBe(true);
    expect(cron.matches(Date.UTC(2026, 2, 1, 8, 0, 0))).toBe(false); // 08:00 UTC is 16:00 in UTC+8
    expect(cron.matches(cst(2026, 3, 2, 8))).toBe(false);
    expect(cron.matches(cst(2026, 3, 1, 8, 0, 1))).toBe(false);
    expect(cron.nextAfter(cst(2026, 1, 15, 12))).toBe(cst(2026, 2, 1, 8));
    expect(cron.nextAfter(cst(2026, 12, 1, 8))).toBe(cst(2027, 1, 1, 8));
  });

  test('matching ignores milliseconds; nextAfter is strictly after the given instant', () => {
    const cron = parseCron('0 0 8 1 * * *');
    expect(cron.matches(cst(2026, 3, 1, 8) + 999)).toBe(true);
    expect(cron.nextAfter(cst(2026, 3, 1, 8))).toBe(cst(2026, 4, 1, 8));
    expect(cron.nextAfter(cst(2026, 3, 1, 8) - 1)).toBe(cst(2026, 3, 1, 8));
  });

  test('ranges, lists and steps', () => {
    const cron = parseCron('0 */15 9-11,14 * * * *');
    expect(cron.matches(cst(2026, 5, 6, 9, 45))).toBe(true);
    expect(cron.matches(cst(2026, 5, 6, 14, 0))).toBe(true);
    expect(cron.matches(cst(2026, 5, 6, 12, 0))).toBe(false);
    expect(cron.matches(cst(2026, 5, 6, 10, 20))).toBe(false);
    const startStep = parseCron('5/20 * * * * * *');
    expect([5, 25, 45].every((s) => startStep.matches(cst(2026, 1, 1, 0, 0, s)))).toBe(true);
    expect(startStep.matches(cst(2026, 1, 1, 0, 0, 0))).toBe(false);
    const rangeStep = parseCron('0 0 0-12/6 * * * *');
    expect([0, 6, 12].map((h) => rangeStep.matches(cst(2026, 1, 1, h)))).toEqual([true, true, true]);
    expect(rangeStep.matches(cst(2026, 1, 1, 18))).toBe(false);
  });

  test('day-of-week: 0 and SUN are Sunday; ? leaves a day field unrestricted', () => {
    // 2026-03-01 is a Sunday.
    expect(parseCron('0 0 9 ? * 0 *').matches(cst(2026, 3, 1, 9))).toBe(true);
    expect(parseCron('0 0 9 ? * SUN *').matches(cst(2026, 3, 1, 9))).toBe(true);
    expect(parseCron('0 0 9 ? * MON-FRI *').matches(cst(2026, 3, 1, 9))).toBe(false);
    expect(parseCron('0 0 9 ? * MON-FRI *').matches(cst(2026, 3, 2, 9))).toBe(true);
    expect(parseCron('0 0 9 * * 1 *').nextAfter(cst(2026, 3, 1, 12))).toBe(cst(2026, 3, 2, 9));
  });

  test('when both day fields are restricted, either may match', () => {
    const cron = parseCron('0 0 9 15 * MON *');
    expect(cron.matches(cst(2026, 3, 15, 9))).toBe(true); // the 15th (a Sunday)
    expect(cron.matches(cst(2026, 3, 2, 9))).toBe(true); // a Monday
    expect(cron.matches(cst(2026, 3, 3, 9))).toBe(false);
  });

  test('month names, years, and impossible dates', () => {
    expect(parseCron('0 30 7 1 JAN,JUL * 2027').nextAfter(cst(2026, 1, 1))).toBe(cst(2027, 1, 1, 7, 30));
    expect(parseCron('0 0 0 30 2 * *').nextAfter(cst(2026, 1, 1))).toBeNull(); // February 30th never comes
    expect(parseCron('0 0 0 29 2 * *').nextAfter(cst(2026, 1, 1))).toBe(cst(2028, 2, 29));
  });

  test.each([
    ['0 0 8 1 * *', /7 fields/],
    ['60 * * * * * *', /second field "60" has 60 outside 0-59/],
    ['0 0 24 * * * *', /hour/],
    ['0 0 8 L * * *', /L, W or #/],
    ['0 0 8 * * 1#2 *', /L, W or #/],
    ['? * * * * * *', /may not be "\?"/],
    ['0 0 8 * FOO * *', /unknown value "FOO"/],
    ['*/0 * * * * * *', /invalid step/],
    ['0 0 10-8 * * * *', /backwards range/],
  ])('rejects %s', (expr, message) => {
    expect(() => parseCron(expr)).toThrow(message);
  });
});
