/**
 * Entry point of one function instance (a child process). It loads the function's bundled
 * index.js once and runs one invocation at a time: before each, it swaps in that invocation's
 * environment (the SDK reads process.env at call time) and continues the cloud clock.
 * argv[2] is the absolute path of the function's index.js.
 */
import { continueClockFrom, installControllableDate } from './date-patch';
import type { ChildMessage, InvokeMessage, SerializedError } from './protocol';

type Handler = (event: unknown, context: Record<string, unknown>) => unknown;

const indexPath = process.argv[2];
if (!indexPath) {
  console.error('child-runner: missing the path of the function index.js');
  process.exit(2);
}

installControllableDate();

let handler: Handler | null = null;
let currentInvocation: number | null = null;
let managedEnvKeys: string[] = [];

function send(message: ChildMessage, then?: () => void): void {
  if (process.send) process.send(message, undefined, {}, () => then?.());
  else then?.();
}

function serializeError(err: unknown): SerializedError {
  if (err instanceof Error) return { name: err.name, message: err.message, stack: err.stack };
  return { name: 'Error', message: typeof err === 'string' ? err : safeString(err) };
}

function safeString(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function applyEnvironment(env: Record<string, string>): void {
  for (const key of managedEnvKeys) delete process.env[key];
  for (const [key, value] of Object.entries(env)) process.env[key] = value;
  managedEnvKeys = Object.keys(env);
}

function loadHandler(): Handler {
  if (handler) return handler;
  // The function bundle is plain CommonJS; require it from its own folder so that its
  // node_modules (or the repository's) resolve wx-server-sdk.
  const loaded = require(indexPath!) as { main?: unknown };
  if (typeof loaded.main !== 'function') throw new TypeError(`${indexPath} does not export a main(event, context) function`);
  handler = loaded.main as Handler;
  return handler;
}

async function invoke(message: InvokeMessage): Promise<void> {
  currentInvocation = message.id;
  applyEnvironment(message.env);
  try {
    // Load first (a cold start takes a while), then continue the clock, so main() sees the
    // dispatch time plus only its own running time.
    const main = loadHandler();
    continueClockFrom(message.clockNow);
    const value = await main(message.event, message.context);
    // The cloud hands the caller JSON; undefined becomes null like a JSON round trip would.
    const json = JSON.stringify(value === undefined ? null : value);
    send({ type: 'result', id: message.id, ok: true, json });
  } catch (err) {
    send({ type: 'result', id: message.id, ok: false, error: serializeError(err) });
  } finally {
    currentInvocation = null;
  }
}

process.on('message', (message: InvokeMessage) => {
  if (message?.type === 'invoke') void invoke(message);
});

// A stray rejection (for example an un-awaited SDK call) must not kill the instance: Node 20 would.
process.on('unhandledRejection', (reason) => {
  console.error('Unhandled promise rejection:', reason);
});

// An exception thrown outside the awaited chain (a timer callback) fails the running invocation
// and ends this instance, as the cloud's runtime would; the pool starts a fresh one.
process.on('uncaughtException', (err) => {
  console.error('Uncaught exception:', err);
  const exit = (): never => process.exit(1);
  if (currentInvocation !== null) send({ type: 'result', id: currentInvocation, ok: false, error: serializeError(err) }, exit);
  else exit();
});

process.on('disconnect', () => process.exit(0));
