import { hexId } from '../ids';
import type { Clock } from '../clock';
import { DEFAULT_TIMEOUT_SECONDS, type FunctionPool } from './function-pool';
import { invocationEnv, type InvocationIdentity } from './invocation-env';
import type { InvocationRecord, InvocationRegistry } from './invocation-registry';

export interface Caller {
  identity: InvocationIdentity;
  source: string;
  /** The invocation that called this one through cloud.callFunction. */
  parent?: InvocationRecord;
  timer?: boolean;
}

export interface InvocationOutcome {
  /** JSON text of main()'s return value, as the cloud puts it in response_data. */
  json: string;
  dbRequests: number;
}

export interface RunnerOptions {
  pool: FunctionPool;
  registry: InvocationRegistry;
  clock: Clock;
  cloudEnv: string;
  adminUrl: () => string;
  /** Per function, the environment variables a developer would set in the cloud console. */
  functionEnv: Record<string, Record<string, string>>;
  log: (line: string) => void;
}

/** Invokes a function as a given caller: registers the invocation, injects its environment and clock. */
export class FunctionRunner {
  constructor(private readonly o: RunnerOptions) {}

  async invoke(name: string, event: unknown, caller: Caller): Promise<InvocationOutcome> {
    const token = hexId();
    const record = this.o.registry.begin({ token, functionName: name, identity: caller.identity, source: caller.source, parent: caller.parent ?? null });
    const started = Date.now();
    let outcome = 'ok';
    try {
      const json = await this.o.pool.invoke(
        name,
        (fn) => ({
          event,
          env: this.environmentFor(name, token, caller),
          context: scfContext(name, this.o.cloudEnv, timeLimitMs(fn.config.timeout)),
          clockNow: this.o.clock.now(),
        }),
        { nested: caller.parent !== undefined },
      );
      return { json, dbRequests: record.dbRequests };
    } catch (err) {
      outcome = `failed: ${(err as Error).message}`;
      throw err;
    } finally {
      this.o.registry.end(token);
      const who = caller.identity.openid ? ` openid=${caller.identity.openid}` : '';
      this.o.log(`[${name}] ${caller.source}${who} ${Date.now() - started}ms db=${record.dbRequests} ${outcome}`);
    }
  }

  private environmentFor(name: string, token: string, caller: Caller): Record<string, string> {
    return {
      ...configuredVariables(this.o.functionEnv[name]),
      ...invocationEnv({
        cloudEnv: this.o.cloudEnv,
        adminUrl: this.o.adminUrl(),
        apiToken: token,
        identity: caller.identity,
        source: caller.source,
        timer: caller.timer ?? false,
        seqId: hexId(8),
      }),
    };
  }
}

// The runtime owns these names: a configured variable may not pose as identity or endpoint.
const RUNTIME_VARIABLE = /^(WX_|TCB_|TENCENTCLOUD_|SCF_|TRIGGER_SRC$|SILENCE$|TZ$)/;

function configuredVariables(vars: Record<string, string> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(vars ?? {}).filter(([key]) => !RUNTIME_VARIABLE.test(key)));
}

function timeLimitMs(timeoutSeconds: unknown): number {
  return (typeof timeoutSeconds === 'number' && timeoutSeconds > 0 ? timeoutSeconds : DEFAULT_TIMEOUT_SECONDS) * 1000;
}

/** The second argument of main(): the fields an SCF Node.js runtime passes. */
function scfContext(functionName: string, namespace: string, timeLimitInMs: number): Record<string, unknown> {
  return {
    callbackWaitsForEmptyEventLoop: false,
    memory_limit_in_mb: 256,
    time_limit_in_ms: timeLimitInMs,
    request_id: hexId(),
    function_version: '$LATEST',
    function_name: functionName,
    namespace,
    tencentcloud_region: 'ap-shanghai',
  };
}
