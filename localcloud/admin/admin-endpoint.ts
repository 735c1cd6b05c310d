import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DatabaseEngine } from '../db';
import { CloudError } from '../errors';
import type { FunctionCatalog } from '../functions/function-catalog';
import type { Caller, FunctionRunner } from '../functions/function-runner';
import type { InvocationRegistry } from '../functions/invocation-registry';
import { logError } from '../log-line';
import { boundaryOf, parseMultipart } from '../http/multipart';
import { isHttpError } from '../http/http-error';
import { parseJsonWithinDepth } from '../http/json-body';
import { readBody } from '../http/request-body';
import { sendBytes, sendJson } from '../http/responses';
import { hexId } from '../ids';
import type { OpenApiService } from '../openapi/openapi-service';
import { decodeOpenApiRequest, encodeOpenApiReply } from '../openapi/wire-format';
import type { StorageService } from '../storage/storage-service';

export interface AdminDeps {
  db: DatabaseEngine;
  runner: FunctionRunner;
  registry: InvocationRegistry;
  catalog: FunctionCatalog;
  storage: StorageService;
  openapi: OpenApiService;
  cloudEnv: string;
  appid: string;
  log: (line: string) => void;
}

const MAX_ADMIN_BODY_BYTES = 64 * 1024 * 1024;

type Params = Record<string, unknown>;

/**
 * POST /admin: the endpoint node-sdk calls for every cloud API (spec §3.3). The body is JSON
 * `{action, ...params}` (multipart for wx.openApi). Answers are always HTTP 200: `{requestId, ...}`
 * on success, `{code, message, requestId}` on failure, which node-sdk turns into the SDK's errors.
 */
export async function handleAdminRequest(req: IncomingMessage, res: ServerResponse, url: URL, deps: AdminDeps): Promise<void> {
  const requestId = hexId();
  let action = '(unparsed)';
  try {
    const params = await readParams(req);
    action = typeof params.action === 'string' ? params.action : '';
    const env = (typeof params.envName === 'string' && params.envName) || url.searchParams.get('env') || deps.cloudEnv;
    if (action === 'wx.openApi') {
      const reply = encodeOpenApiReply(handleOpenApi(params, deps));
      // Raw protobuf: any content-type but node-sdk's exact JSON one makes it decode the bytes.
      sendBytes(res, 200, reply, 'application/octet-stream');
      return;
    }
    const result = await dispatch(action, params, env, deps);
    sendJson(res, 200, { requestId, ...result });
  } catch (err) {
    // Too large a body is an HTTP refusal (413), not an answer of the cloud API.
    if (isHttpError(err)) throw err;
    const { code, message } = toCodeAndMessage(err);
    if (code === 'SYS_ERR') logError(deps.log, `[admin] ${action} failed:`, err);
    sendJson(res, 200, { code, message, requestId });
  }
}

async function dispatch(action: string, params: Params, env: string, deps: AdminDeps): Promise<Params> {
  const { action: _action, ...rest } = params;
  if (action.startsWith('database.')) {
    deps.registry.countDatabaseRequest(params.wxCloudApiToken);
    return deps.db.handle(action, rest as Record<string, any>);
  }
  switch (action) {
    case 'functions.invokeFunction':
      return invokeFunction(params, deps);
    case 'storage.getUploadMetadata':
      return deps.storage.getUploadMetadata(params, env);
    case 'storage.batchGetDownloadUrl':
      return deps.storage.batchGetDownloadUrl(params);
    case 'storage.batchDeleteFile':
      return deps.storage.batchDeleteFile(params);
    case 'wx.api':
      return legacyOpenApi(params, deps);
    default:
      throw new CloudError('INVALID_PARAM', `the local cloud does not implement action "${action}"`);
  }
}

async function invokeFunction(params: Params, deps: AdminDeps): Promise<Params> {
  const name = params.function_name;
  if (typeof name !== 'string' || !name) throw new CloudError('INVALID_PARAM', 'function_name 必须是非空字符串');
  let event: unknown;
  try {
    event = parseJsonWithinDepth(typeof params.request_data === 'string' && params.request_data ? params.request_data : '{}');
  } catch (err) {
    throw new CloudError('INVALID_PARAM', isHttpError(err) ? `request_data ${err.message}` : 'request_data 不是合法的 JSON');
  }
  const callerRecord = deps.registry.lookup(params.wxCloudApiToken);
  // The callee runs as the same user; the cloud appends 'scf' to the source chain.
  const caller: Caller = callerRecord
    ? { identity: callerRecord.identity, source: `${callerRecord.source},scf`, parent: callerRecord }
    : { identity: { appid: deps.appid }, source: 'scf' };
  const outcome = await deps.runner.invoke(name, event, caller);
  return { data: { response_data: outcome.json } };
}

function handleOpenApi(params: Params, deps: AdminDeps) {
  const apiName = String(params.apiName ?? '');
  const requestData = params.requestData;
  if (!Buffer.isBuffer(requestData)) throw new CloudError('INVALID_PARAM', 'requestData 缺失');
  let decoded;
  try {
    decoded = decodeOpenApiRequest(requestData);
  } catch (err) {
    throw new CloudError('INVALID_PARAM', `requestData is not a CommApiData protobuf: ${(err as Error).message}`);
  }
  const caller = deps.registry.lookup(params.wxCloudApiToken);
  return deps.openapi.handle({
    apiName,
    params: decoded.params,
    callerFunction: caller?.functionName,
    callerPermissions: caller ? permissionsOf(caller.functionName, deps) : undefined,
  });
}

/** cloud.callOpenAPI (legacy): JSON in `requestData`, JSON back in `data.responseData`. */
function legacyOpenApi(params: Params, deps: AdminDeps): Params {
  let requestParams: Params;
  try {
    requestParams = JSON.parse(String(params.requestData ?? '{}')) as Params;
  } catch {
    throw new CloudError('INVALID_PARAM', 'requestData 不是合法的 JSON');
  }
  const caller = deps.registry.lookup(params.wxCloudApiToken);
  const reply = deps.openapi.handle({
    apiName: String(params.apiName ?? ''),
    params: requestParams,
    callerFunction: caller?.functionName,
    callerPermissions: caller ? permissionsOf(caller.functionName, deps) : undefined,
  });
  if (reply.kind === 'system-error') return { data: { responseData: JSON.stringify({ errcode: reply.errorCode, errmsg: 'system error' }) } };
  if (reply.kind === 'media') throw new CloudError('INVALID_PARAM', 'binary answers need cloud.openapi, not cloud.callOpenAPI');
  return { data: { responseData: JSON.stringify(reply.body) } };
}

function permissionsOf(functionName: string, deps: AdminDeps): string[] {
  try {
    return deps.catalog.get(functionName).config.permissions?.openapi ?? [];
  } catch {
    return [];
  }
}

async function readParams(req: IncomingMessage): Promise<Params> {
  const body = await readBody(req, MAX_ADMIN_BODY_BYTES);
  const boundary = boundaryOf(req.headers['content-type']);
  if (boundary) {
    const params: Params = {};
    for (const part of parseMultipart(body, boundary)) {
      // requestData is protobuf bytes; every other form field is text.
      params[part.name] = part.name === 'requestData' ? part.value : part.value.toString('utf8');
    }
    return params;
  }
  try {
    const parsed = parseJsonWithinDepth(body.toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
    return parsed as Params;
  } catch (err) {
    throw new CloudError('INVALID_PARAM', isHttpError(err) ? err.message : 'request body must be a JSON object');
  }
}

function toCodeAndMessage(err: unknown): { code: string; message: string } {
  if (err instanceof CloudError) return { code: err.code, message: err.message };
  return { code: 'SYS_ERR', message: err instanceof Error ? err.message : String(err) };
}
