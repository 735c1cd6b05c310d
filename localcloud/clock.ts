/**
 * The local cloud's notion of "now". It follows real time until a test sets it; from then on it
 * stands still (so assertions about time are deterministic) until advanced, set again or reset.
 * The database's serverDate, the function children's Date and the timer triggers all read it.
 */
export interface Clock {
  now(): number;
  /** Freeze the clock at `ms` (epoch milliseconds). */
  set(ms: number): void;
  /** Move a frozen clock forward; on a real-time clock this freezes it at now + ms. */
  advance(ms: number): void;
  /** Follow real time again. */
  reset(): void;
  /** True while the clock follows real time (timer triggers then fire on their own). */
  readonly isReal: boolean;
}

export function createClock(realNow: () => number = Date.now): Clock {
  let frozenAt: number | null = null;
  return {
    now: () => (frozenAt ?? realNow()),
    set(ms: number) {
      if (!Number.isFinite(ms)) throw new TypeError(`clock.set needs a finite number of milliseconds, got ${ms}`);
      frozenAt = Math.floor(ms);
    },
    advance(ms: number) {
      if (!Number.isFinite(ms) || ms < 0) throw new TypeError(`clock.advance needs a non-negative number, got ${ms}`);
      frozenAt = (frozenAt ?? realNow()) + Math.floor(ms);
    },
    reset() {
      frozenAt = null;
    },
    get isReal() {
      return frozenAt === null;
    },
  };
}
