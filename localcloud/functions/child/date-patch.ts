/**
 * Lets the local cloud's clock reach product code without product code knowing: the global Date is
 * replaced by one whose "now" is the parent's clock at dispatch plus the real time elapsed since.
 * Only Date.now(), new Date() and Date() (no arguments) change; dates built from values are real.
 */
const RealDate = Date;
let offsetMs = 0;

export function continueClockFrom(clockNow: number): void {
  offsetMs = clockNow - RealDate.now();
}

export function installControllableDate(): void {
  const now = (): number => RealDate.now() + offsetMs;
  function LocalDate(this: unknown, ...args: unknown[]): unknown {
    // Called without `new`, Date returns a string.
    if (!new.target) return new RealDate(now()).toString();
    // Reflect.construct keeps subclasses (class X extends Date) working.
    return Reflect.construct(RealDate, args.length === 0 ? [now()] : args, new.target);
  }
  Object.setPrototypeOf(LocalDate, RealDate); // Date.parse, Date.UTC
  LocalDate.prototype = RealDate.prototype; // instanceof Date stays true both ways
  Object.defineProperty(LocalDate, 'now', { value: now, writable: true, configurable: true });
  Object.defineProperty(LocalDate, 'name', { value: 'Date' });
  globalThis.Date = LocalDate as unknown as DateConstructor;
}
