import { fork, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { CloudError } from '../errors';
import { logStack } from '../log-line';
import type { ChildMessage, InvokeMessage } from './child/protocol';

export interface InstanceOptions {
  functionName: string;
  indexPath: string;
  cwd: string;
  runnerPath: string;
  codeVersion: number;
  baseEnv: Record<string, string>;
  log: (line: string) => void;
  onExit: (instance: FunctionInstance) => void;
}

interface Pending {
  id: number;
  resolve: (json: string) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
}

let nextInvocationId = 1;

/**
 * One function instance: a child process that serves one invocation at a time, as a cloud
 * instance does. Its console output is forwarded to the server log, tagged with the function name.
 */
export class FunctionInstance {
  readonly codeVersion: number;
  private readonly child: ChildProcess;
  private pending: Pending | null = null;
  private exited = false;
  private killed = false;
  private readonly exitPromise: Promise<void>;

  constructor(private readonly options: InstanceOptions) {
    this.codeVersion = options.codeVersion;
    this.child = fork(options.runnerPath, [options.indexPath], {
      cwd: options.cwd,
      // The instance gets only this environment, never the developer's (see instanceProcessEnv).
      env: options.baseEnv as NodeJS.ProcessEnv,
      execArgv: [],
      silent: true,
    });
    this.forwardOutput(this.child.stdout, 'log');
    this.forwardOutput(this.child.stderr, 'err');
    this.child.on('message', (message: ChildMessage) => this.onMessage(message));
    this.exitPromise = new Promise((resolve) => {
      this.child.once('exit', (code, signal) => {
        this.exited = true;
        this.failPending(`function instance exited unexpectedly (code ${code ?? '-'}, signal ${signal ?? '-'})`);
        options.onExit(this);
        resolve();
      });
    });
    this.child.on('error', (err) => options.log(`[${options.functionName}] instance error: ${err.message}`));
  }

  get isBusy(): boolean {
    return this.pending !== null;
  }

  /** False as soon as a kill is requested, so a dying instance is never handed out again. */
  get isAlive(): boolean {
    return !this.exited && !this.killed;
  }

  /** Runs one invocation; resolves with the JSON of main()'s return value. */
  invoke(message: Omit<InvokeMessage, 'type' | 'id'>, timeoutMs: number): Promise<string> {
    if (this.pending) throw new Error('a function instance serves one invocation at a time');
    if (!this.isAlive) return Promise.reject(new CloudError('FUNCTIONS_EXECUTE_FAIL', 'function instance has exited'));
    const id = nextInvocationId++;
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        // A timed-out instance may be stuck in a loop: the cloud discards it, and so do we.
        this.failPending(`Invoking task timed out after ${timeoutMs / 1000} seconds`);
        void this.kill();
      }, timeoutMs);
      this.pending = { id, resolve, reject, timer };
      // Whatever goes wrong handing the invocation over (an event too deep to serialize, a closed
      // channel) fails this invocation at once and frees the instance: it must not stay busy
      // until the timeout.
      const handOverFailed = (err: Error) => this.failPending(`the invocation could not be handed to the function instance: ${err.message}`, id);
      try {
        this.child.send({ type: 'invoke', id, ...message } satisfies InvokeMessage, (err) => {
          if (err) handOverFailed(err);
        });
      } catch (err) {
        handOverFailed(err as Error);
      }
    });
  }

  kill(): Promise<void> {
    this.killed = true;
    if (!this.exited) this.child.kill('SIGKILL');
    return this.exitPromise;
  }

  private onMessage(message: ChildMessage): void {
    const pending = this.pending;
    if (!pending || message?.type !== 'result' || message.id !== pending.id) return;
    this.pending = null;
    clearTimeout(pending.timer);
    if (message.ok) {
      pending.resolve(message.json);
    } else {
      if (message.error.stack) logStack(this.options.log, `[${this.options.functionName}]`, message.error.stack);
      pending.reject(new CloudError('FUNCTIONS_EXECUTE_FAIL', `${message.error.name}: ${message.error.message}`));
    }
  }

  /** Fails the running invocation (only invocation `id`, when given) and frees the instance. */
  private failPending(reason: string, id?: number): void {
    const pending = this.pending;
    if (!pending || (id !== undefined && pending.id !== id)) return;
    this.pending = null;
    clearTimeout(pending.timer);
    pending.reject(new CloudError('FUNCTIONS_EXECUTE_FAIL', reason));
  }

  private forwardOutput(stream: Readable | null, kind: 'log' | 'err'): void {
    if (!stream) return;
    const lines = createInterface({ input: stream });
    lines.on('line', (line) => this.options.log(`[${this.options.functionName}]${kind === 'err' ? ' (stderr)' : ''} ${line}`));
  }
}
