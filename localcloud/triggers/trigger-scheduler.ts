import type { Clock } from '../clock';
import type { FunctionCatalog } from '../functions/function-catalog';
import { parseCron, type CronSchedule } from './cron';

export interface TimerTrigger {
  functionName: string;
  triggerName: string;
  schedule: CronSchedule;
}

/** The event a timer trigger hands to main(), as SCF sends it. */
export interface TimerEvent {
  Type: 'Timer';
  TriggerName: string;
  Time: string;
}

export interface SchedulerOptions {
  catalog: FunctionCatalog;
  clock: Clock;
  /** Runs the function for one firing; rejects if the function failed. */
  fire: (trigger: TimerTrigger, event: TimerEvent) => Promise<unknown>;
  log: (line: string) => void;
}

/**
 * Timer triggers from each function's config.json. While the clock follows real time they fire
 * on their own (checked every second); tests move a frozen clock with advance(), which fires every
 * trigger time passed over, in time order, exactly once.
 */
export class TriggerScheduler {
  private lastCheck: number | null = null;
  private ticker: NodeJS.Timeout | null = null;
  private ticking = false;
  private readonly warned = new Set<string>();

  constructor(private readonly o: SchedulerOptions) {}

  triggers(): TimerTrigger[] {
    const out: TimerTrigger[] = [];
    for (const fn of this.o.catalog.list()) {
      for (const t of fn.config.triggers ?? []) {
        if (t?.type !== 'timer') continue;
        try {
          out.push({ functionName: fn.name, triggerName: t.name, schedule: parseCron(t.config) });
        } catch (err) {
          const key = `${fn.name}/${t.name}/${t.config}`;
          if (!this.warned.has(key)) this.o.log(`[triggers] ${fn.name}: ${(err as Error).message}`);
          this.warned.add(key);
        }
      }
    }
    return out;
  }

  find(functionName: string, triggerName: string): TimerTrigger {
    const trigger = this.triggers().find((t) => t.functionName === functionName && t.triggerName === triggerName);
    if (!trigger) throw new Error(`no timer trigger "${triggerName}" in ${functionName}/config.json`);
    return trigger;
  }

  /** Fires one trigger now (at the clock's current time). */
  fireNow(trigger: TimerTrigger): Promise<unknown> {
    return this.o.fire(trigger, timerEvent(trigger, this.o.clock.now()));
  }

  /**
   * Advances the clock by `ms`, stopping at each trigger time on the way so the function sees that
   * time, and runs the triggers one after another. Rejects at the end if any of them failed.
   */
  async advance(ms: number): Promise<void> {
    const from = this.o.clock.now();
    const to = from + ms;
    const failures: string[] = [];
    for (const { trigger, at } of this.dueBetween(from, to)) {
      this.o.clock.set(at);
      try {
        await this.o.fire(trigger, timerEvent(trigger, at));
      } catch (err) {
        failures.push(`${trigger.functionName}/${trigger.triggerName} at ${new Date(at).toISOString()}: ${(err as Error).message}`);
      }
    }
    this.o.clock.set(to);
    if (failures.length) throw new Error(`timer trigger(s) failed:\n${failures.join('\n')}`);
  }

  /** Starts real-time firing (only acts while the clock follows real time). */
  start(): void {
    if (this.ticker) return;
    this.ticker = setInterval(() => void this.tick(), 1000);
    this.ticker.unref();
  }

  stop(): void {
    if (this.ticker) clearInterval(this.ticker);
    this.ticker = null;
  }

  private async tick(): Promise<void> {
    if (this.ticking) return;
    if (!this.o.clock.isReal) {
      // A test owns the clock; when it hands time back, start from the real present, not from the past.
      this.lastCheck = null;
      return;
    }
    const now = this.o.clock.now();
    const from = this.lastCheck ?? now;
    this.lastCheck = now;
    this.ticking = true;
    try {
      for (const { trigger, at } of this.dueBetween(from, now)) {
        await this.o.fire(trigger, timerEvent(trigger, at)).catch((err: Error) => this.o.log(`[triggers] ${trigger.functionName}/${trigger.triggerName} failed: ${err.message}`));
      }
    } finally {
      this.ticking = false;
    }
  }

  /** Every (trigger, time) with from < time <= to, in time order (then by function and trigger name). */
  private dueBetween(from: number, to: number): Array<{ trigger: TimerTrigger; at: number }> {
    const due: Array<{ trigger: TimerTrigger; at: number }> = [];
    for (const trigger of this.triggers()) {
      for (let at = trigger.schedule.nextAfter(from); at !== null && at <= to; at = trigger.schedule.nextAfter(at)) {
        due.push({ trigger, at });
        if (due.length > 100_000) throw new Error(`too many trigger firings between ${new Date(from).toISOString()} and ${new Date(to).toISOString()}`);
      }
    }
    return due.sort((a, b) => a.at - b.at || a.trigger.functionName.localeCompare(b.trigger.functionName) || a.trigger.triggerName.localeCompare(b.trigger.triggerName));
  }
}

function timerEvent(trigger: TimerTrigger, at: number): TimerEvent {
  // SCF sends whole seconds in UTC: "2026-03-01T00:00:00Z".
  return { Type: 'Timer', TriggerName: trigger.triggerName, Time: new Date(Math.floor(at / 1000) * 1000).toISOString().replace('.000Z', 'Z') };
}
