/**
 * The logic layer of a mini-program: one JavaScript realm holding only what WeChat gives it (wx,
 * App, Page, Component, Behavior, getApp, getCurrentPages, require, timers, console). No process,
 * window, document, fetch, XMLHttpRequest or Node globals: using one throws, and the error is kept
 * with the file it came from. Files are loaded as WeChat's define/require does: once each, with
 * paths relative to the requiring file.
 */
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

export interface SandboxError {
  where: string;
  message: string;
  /** The first dist file in the stack, when there is one. */
  file?: string;
}

/** WeChat's module wrapper hides these names from every file (they are undefined parameters). */
const SHADOWED = ['window', 'document', 'frames', 'self', 'location', 'navigator', 'localStorage', 'history', 'Caches', 'screen', 'alert', 'confirm', 'prompt', 'XMLHttpRequest', 'WebSocket', 'Reporter', 'webkit', 'WeixinJSCore'];

export interface SandboxOptions {
  distDir: string;
  /** The names WeChat's framework defines (wx, App, Page, …), from the runtime. */
  framework: Record<string, unknown>;
  /** "Now" for Date in the sandbox (the local cloud's clock). */
  now: () => number;
  /** Where console output goes; errors and warnings are also kept. */
  onConsole?: (level: string, text: string) => void;
}

export class Sandbox {
  readonly errors: SandboxError[] = [];
  readonly context: vm.Context;
  private readonly modules = new Map<string, { exports: unknown }>();
  private readonly timers = new Map<number, NodeJS.Timeout>();
  private nextTimer = 1;
  private stopped = false;
  private readonly realmJson: JSON;

  constructor(private readonly o: SandboxOptions) {
    const globals: Record<string, unknown> = {
      ...o.framework,
      console: this.makeConsole(),
      setTimeout: (fn: (...a: unknown[]) => void, ms?: number, ...args: unknown[]) => this.timer(false, fn, ms, args),
      setInterval: (fn: (...a: unknown[]) => void, ms?: number, ...args: unknown[]) => this.timer(true, fn, ms, args),
      clearTimeout: (id: number) => this.clearTimer(id),
      clearInterval: (id: number) => this.clearTimer(id),
    };
    this.context = vm.createContext(globals, { name: 'weapp logic layer', codeGeneration: { strings: true, wasm: false } });
    vm.runInContext(clockedDateSource, this.context)(o.now);
    this.realmJson = vm.runInContext('JSON', this.context) as JSON;
  }

  /** A value made in this realm (JSON-shaped), so `instanceof Object`/`Array` hold inside the app. */
  toRealm<T>(value: T): T {
    if (value === undefined) return value;
    return this.realmJson.parse(JSON.stringify(value)) as T;
  }

  /** Bytes in this realm's own Uint8Array (an ArrayBuffer cannot travel as JSON). */
  bytesInRealm(bytes: Uint8Array): Uint8Array {
    const make = vm.runInContext('(n) => new Uint8Array(n)', this.context) as (n: number) => Uint8Array;
    const out = make(bytes.length);
    out.set(bytes);
    return out;
  }

  /** Runs a file of dist/ (and what it requires), once. `file` is relative to dist, without ".js" or with. */
  require(file: string): unknown {
    const key = path.posix.normalize(file.endsWith('.js') ? file : `${file}.js`);
    const known = this.modules.get(key);
    if (known) return known.exports;
    const full = path.join(this.o.distDir, key);
    if (!existsSync(full)) throw new Error(`require: ${key} is not in dist/`);
    const module = { exports: {} as unknown };
    this.modules.set(key, module);
    const wrapper = `(function (require, module, exports, ${SHADOWED.join(', ')}) {${readFileSync(full, 'utf8')}\n})`;
    const fn = new vm.Script(wrapper, { filename: full }).runInContext(this.context) as (...a: unknown[]) => void;
    const localRequire = (request: string) => this.require(path.posix.join(path.posix.dirname(key), request));
    this.guard(`loading ${key}`, () => fn.call(module.exports, localRequire, module, module.exports));
    return module.exports;
  }

  loaded(file: string): boolean {
    return this.modules.has(file.endsWith('.js') ? file : `${file}.js`);
  }

  /** Calls into the app, keeping (not throwing) what it throws, as WeChat reports it to the console. */
  guard<T>(where: string, fn: () => T): T | undefined {
    try {
      return fn();
    } catch (error) {
      this.keep(where, error);
      return undefined;
    }
  }

  keep(where: string, error: unknown): void {
    const err = error as { message?: string; stack?: string };
    const message = String(err?.message ?? error);
    this.errors.push({ where, message, file: this.fileIn(err?.stack ?? '') });
  }

  /** The first file of dist/ named in a stack, relative to dist/. */
  private fileIn(stack: string): string | undefined {
    const at = stack.indexOf(this.o.distDir + path.sep);
    if (at < 0) return undefined;
    return /^[^:)\s]+\.js/.exec(stack.slice(at + this.o.distDir.length + 1))?.[0];
  }

  stop(): void {
    this.stopped = true;
    for (const handle of this.timers.values()) clearTimeout(handle);
    this.timers.clear();
  }

  private timer(repeat: boolean, fn: (...a: unknown[]) => void, ms: number | undefined, args: unknown[]): number {
    const id = this.nextTimer++;
    if (this.stopped || typeof fn !== 'function') return id;
    const run = () => {
      if (!repeat) this.timers.delete(id);
      this.guard('a timer', () => fn(...args));
    };
    const handle = repeat ? setInterval(run, Math.max(1, ms ?? 0)) : setTimeout(run, ms ?? 0);
    this.timers.set(id, handle);
    return id;
  }

  private clearTimer(id: number): void {
    const handle = this.timers.get(id);
    if (handle) clearTimeout(handle);
    this.timers.delete(id);
  }

  private makeConsole() {
    const out = (level: string) => (...args: unknown[]) => {
      const text = args.map((a) => (typeof a === 'string' ? a : a instanceof Error || (a as Error)?.stack ? String((a as Error).stack) : safeJson(a))).join(' ');
      this.o.onConsole?.(level, text);
      if (level === 'error') this.errors.push({ where: 'console.error', message: text, file: this.fileIn(text) });
    };
    return { log: out('log'), info: out('info'), debug: out('debug'), warn: out('warn'), error: out('error'), group: out('log'), groupEnd: () => undefined, time: () => undefined, timeEnd: () => undefined };
  }
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

/** Date inside the realm, whose "now" is the test's clock; everything else is the realm's own Date. */
const clockedDateSource = `(function (now) {
  const RealDate = Date;
  function ClockedDate(...args) {
    if (!new.target) return new RealDate(now()).toString();
    return args.length === 0 ? new RealDate(now()) : new RealDate(...args);
  }
  ClockedDate.prototype = RealDate.prototype;
  ClockedDate.now = () => now();
  ClockedDate.parse = RealDate.parse;
  ClockedDate.UTC = RealDate.UTC;
  Object.defineProperty(RealDate.prototype, 'constructor', { value: ClockedDate, writable: true, configurable: true });
  globalThis.Date = ClockedDate;
})`;
