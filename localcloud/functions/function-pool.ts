import type { InvokeMessage } from './child/protocol';
import type { CloudFunctionInfo, FunctionCatalog } from './function-catalog';
import { FunctionInstance } from './function-instance';

export const DEFAULT_TIMEOUT_SECONDS = 20;
/** How long an instance beyond the limit stays warm after its last invocation. */
const EXTRA_INSTANCE_IDLE_MS = 10_000;

export interface PoolOptions {
  catalog: FunctionCatalog;
  runnerPath: string;
  instancesPerFunction: number;
  baseEnv: Record<string, string>;
  log: (line: string) => void;
}

/** Built once an instance is free, so the clock and environment are those of the moment it runs. */
export type PrepareInvocation = (fn: CloudFunctionInfo) => Omit<InvokeMessage, 'type' | 'id'>;

interface Waiter {
  start: () => void;
  reject: (err: Error) => void;
}

interface FunctionState {
  instances: FunctionInstance[];
  /** Top-level invocations waiting for a free slot, in arrival order. */
  waiters: Waiter[];
  /** Top-level invocations running now (at most instancesPerFunction). */
  running: number;
  codeVersion: number;
}

/**
 * Child-process instances per function, each serving one invocation at a time. At most N
 * invocations from outside (clients, triggers) run at once per function; more wait in order.
 *
 * Calls made by a running function (cloud.callFunction) never wait: their caller holds an instance
 * while it waits, so a chain A -> B -> A, or ten callers of a function that calls itself, would
 * deadlock a fixed pool. They get an idle or extra instance, as the cloud would scale out; extra
 * instances are retired after a short idle time.
 *
 * A rebuilt index.js (new mtime) retires the old instances: idle ones at once, busy ones when done.
 */
export class FunctionPool {
  private readonly states = new Map<string, FunctionState>();
  /** Instances handed to an invocation, from acquire() until release(). */
  private readonly inUse = new Set<FunctionInstance>();
  private readonly idleTimers = new Map<FunctionInstance, NodeJS.Timeout>();
  private stopped = false;

  constructor(private readonly options: PoolOptions) {}

  async invoke(name: string, prepare: PrepareInvocation, options: { nested?: boolean } = {}): Promise<string> {
    if (this.stopped) throw new Error('the local cloud is stopped');
    const nested = options.nested ?? false;
    const state = this.stateOf(this.options.catalog.get(name));
    if (!nested) await this.takeSlot(state);
    let instance: FunctionInstance | null = null;
    try {
      // Read again: the function may have been rebuilt while this call waited for a slot.
      const fn = this.options.catalog.get(name);
      this.stateOf(fn);
      instance = this.acquire(fn, state);
      const timeoutSeconds = positiveNumber(fn.config.timeout) ?? DEFAULT_TIMEOUT_SECONDS;
      return await instance.invoke(prepare(fn), timeoutSeconds * 1000);
    } finally {
      if (instance) this.release(state, instance);
      if (!nested) this.freeSlot(state);
    }
  }

  /** Live instances per function (for tests and diagnostics). */
  instanceCounts(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const [name, state] of this.states) counts[name] = state.instances.length;
    return counts;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.idleTimers.values()) clearTimeout(timer);
    this.idleTimers.clear();
    const states = [...this.states.values()];
    for (const state of states) {
      for (const waiter of state.waiters.splice(0)) waiter.reject(new Error('the local cloud is stopped'));
    }
    await Promise.all(states.flatMap((s) => s.instances).map((instance) => instance.kill()));
    this.states.clear();
  }

  private stateOf(fn: CloudFunctionInfo): FunctionState {
    let state = this.states.get(fn.name);
    if (!state) {
      state = { instances: [], waiters: [], running: 0, codeVersion: fn.codeVersion };
      this.states.set(fn.name, state);
    }
    if (state.codeVersion !== fn.codeVersion) {
      this.options.log(`[${fn.name}] index.js changed: new invocations get fresh instances`);
      state.codeVersion = fn.codeVersion;
      for (const instance of state.instances.filter((i) => !this.inUse.has(i))) this.retire(state, instance);
    }
    return state;
  }

  private takeSlot(state: FunctionState): Promise<void> {
    if (state.running < this.options.instancesPerFunction) {
      state.running++;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => state.waiters.push({ start: resolve, reject }));
  }

  private freeSlot(state: FunctionState): void {
    const next = state.waiters.shift();
    // The slot passes straight to the next waiter, so `running` stays the same.
    if (next && !this.stopped) next.start();
    else state.running--;
  }

  private acquire(fn: CloudFunctionInfo, state: FunctionState): FunctionInstance {
    const idle = state.instances.find((i) => !this.inUse.has(i) && !i.isBusy && i.isAlive && i.codeVersion === state.codeVersion);
    const instance = idle ?? this.spawn(fn, state);
    const timer = this.idleTimers.get(instance);
    if (timer) clearTimeout(timer);
    this.idleTimers.delete(instance);
    this.inUse.add(instance);
    return instance;
  }

  private release(state: FunctionState, instance: FunctionInstance): void {
    this.inUse.delete(instance);
    if (!instance.isAlive || instance.codeVersion !== state.codeVersion || this.stopped) {
      this.retire(state, instance);
      return;
    }
    if (state.instances.length > this.options.instancesPerFunction) {
      const timer = setTimeout(() => {
        this.idleTimers.delete(instance);
        if (!this.inUse.has(instance) && state.instances.length > this.options.instancesPerFunction) this.retire(state, instance);
      }, EXTRA_INSTANCE_IDLE_MS);
      timer.unref();
      this.idleTimers.set(instance, timer);
    }
  }

  private spawn(fn: CloudFunctionInfo, state: FunctionState): FunctionInstance {
    const instance = new FunctionInstance({
      functionName: fn.name,
      indexPath: fn.indexPath,
      cwd: fn.dir,
      runnerPath: this.options.runnerPath,
      codeVersion: state.codeVersion,
      baseEnv: this.options.baseEnv,
      log: this.options.log,
      onExit: (exited) => {
        const index = state.instances.indexOf(exited);
        if (index >= 0) state.instances.splice(index, 1);
      },
    });
    state.instances.push(instance);
    return instance;
  }

  private retire(state: FunctionState, instance: FunctionInstance): void {
    const index = state.instances.indexOf(instance);
    if (index >= 0) state.instances.splice(index, 1);
    void instance.kill();
  }
}

function positiveNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;
}
