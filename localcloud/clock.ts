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
  /**
   * Run from `ms` at real speed: "now" is `ms` plus the real time elapsed since this call. A test
   * run starts every layer at the instant it names this way, so time still passes inside it.
   */
  startAt(ms: number): void;
  /** Follow real time again. */
  reset(): void;
  /** True while the clock follows real time (timer triggers then fire on their own). */
  readonly isReal: boolean;
}

export function createClock(realNow: () => number = Date.now): Clock {
  let frozenAt: number | null = null;
  // While running from a chosen instant: that instant minus the real time it was chosen at.
  let offset: number | null = null;
  const now = () => frozenAt ?? (offset === null ? realNow() : realNow() + offset);
  const finite = (ms: number, what: string) => {
    if (!Number.isFinite(ms)) throw new TypeError(`clock.${what} needs a finite number of milliseconds, got ${ms}`);
    return Math.floor(ms);
  };
  return {
    now,
    set(ms: number) {
      frozenAt = finite(ms, 'set');
    },
    advance(ms: number) {
      if (!Number.isFinite(ms) || ms < 0) throw new TypeError(`clock.advance needs a non-negative number, got ${ms}`);
      frozenAt = now() + Math.floor(ms);
    },
    startAt(ms: number) {
      offset = finite(ms, 'startAt') - realNow();
      frozenAt = null;
    },
    reset() {
      frozenAt = null;
      offset = null;
    },
    get isReal() {
      return frozenAt === null && offset === null;
    },
  };
}
