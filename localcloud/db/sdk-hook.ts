/**
 * In-process interception of the real wx-server-sdk (spec §3.4 C): replace node-sdk's single
 * request choke point with a function that calls a local handler. Used by tests to drive the
 * engine through the unchanged SDK without HTTP.
 */
import path from 'node:path';
import { CloudError } from '../errors';

export type ActionHandler = (action: string, params: Record<string, any>) => Promise<Record<string, any>>;

interface RequesterModule {
  request: (args: { params: Record<string, any> }) => Promise<unknown>;
}

/** Resolve from wx-server-sdk's directory so we patch the very copy of node-sdk it uses. */
function requesterModule(): RequesterModule {
  const sdkDir = path.dirname(require.resolve('wx-server-sdk'));
  const file = require.resolve('@cloudbase/node-sdk/dist/utils/tcbapirequester', { paths: [sdkDir] });
  return require(file) as RequesterModule;
}

/**
 * Route every SDK request to `handler`. Results become `{requestId, ...result}`; a CloudError is
 * thrown as node-sdk 3.x throws backend errors: an Error carrying {code, message, requestId}.
 * Returns a function that restores the original requester.
 */
export function installSdkHook(handler: ActionHandler): () => void {
  const mod = requesterModule();
  const original = mod.request;
  let seq = 0;
  mod.request = async ({ params }) => {
    const requestId = `local-${++seq}`;
    const { action, ...rest } = params;
    try {
      return { requestId, ...(await handler(String(action), rest)) };
    } catch (e) {
      const code = e instanceof CloudError ? e.code : 'SYS_ERR';
      const message = e instanceof Error ? e.message : String(e);
      throw Object.assign(new Error(message), { code, message, requestId });
    }
  };
  return () => {
    mod.request = original;
  };
}
