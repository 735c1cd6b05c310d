import type { IncomingMessage, ServerResponse } from 'node:http';
import { CloudError } from '../errors';
import { isValidFunctionName } from '../functions/function-catalog';
import type { FunctionRunner } from '../functions/function-runner';
import { HttpError, isHttpError } from '../http/http-error';
import { parseJsonWithinDepth } from '../http/json-body';
import { readBody } from '../http/request-body';
import { logError } from '../log-line';
import { sendJson } from '../http/responses';
import type { StorageService } from '../storage/storage-service';
import { signedInOpenid } from './dev-session';

export interface H5ApiDeps {
  runner: FunctionRunner;
  storage: StorageService;
  cloudEnv: string;
  appid: string;
  log: (line: string) => void;
}

const NOT_SIGNED_IN = { code: 'NOT_SIGNED_IN', message: '请先选择身份登录' };
const MAX_JSON_BYTES = 5 * 1024 * 1024; // the cloud's callFunction payload limit is of this order
const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

/**
 * The H5 app's stand-in for wx.cloud: the gateway POSTs here instead of Taro.cloud.callFunction.
 * The caller is whoever the sign-in page's cookie says, exactly as WeChat vouches for OPENID.
 */
export async function handleH5Api(req: IncomingMessage, res: ServerResponse, url: URL, deps: H5ApiDeps): Promise<void> {
  const openid = signedInOpenid(req);
  if (!openid) {
    sendJson(res, 401, NOT_SIGNED_IN);
    return;
  }
  const caller = { identity: { openid, appid: deps.appid, clientIp: clientIp(req) }, source: 'wx_client' };
  try {
    const fnMatch = /^\/api\/functions\/([^/]+)$/.exec(url.pathname);
    if (fnMatch && req.method === 'POST') {
      // Requiring JSON makes a cross-site form post impossible (it would need a CORS preflight).
      if (!/^application\/json/i.test(req.headers['content-type'] ?? '')) throw new CloudError('INVALID_PARAM', '请求体必须是 JSON（content-type: application/json）');
      const body = parseJsonObject(await readBody(req, MAX_JSON_BYTES));
      const data = body.data ?? {};
      if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new CloudError('INVALID_PARAM', 'data 必须是对象');
      // The path was checked to decode (see checkedPathname).
      const name = decodeURIComponent(fnMatch[1]!);
      if (!isValidFunctionName(name)) throw new HttpError(400, 'INVALID_PARAM', '云函数名不合法：以字母开头，最多 60 个字母、数字、_ 或 -');
      const outcome = await deps.runner.invoke(name, data, caller);
      const text = `{"result":${outcome.json}}`;
      res.writeHead(200, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(text),
        'cache-control': 'no-store',
        // Lets benchmarks and e2e tests see how many database requests one tap costs.
        'x-lc-db-requests': String(outcome.dbRequests),
      });
      res.end(text);
      return;
    }
    if (url.pathname === '/api/storage/upload' && req.method === 'POST') {
      const bytes = await readBody(req, MAX_UPLOAD_BYTES);
      const fileID = deps.storage.clientUpload(deps.cloudEnv, url.searchParams.get('cloudPath') ?? '', bytes, openid);
      sendJson(res, 200, { fileID });
      return;
    }
    if (url.pathname === '/api/storage/temp-urls' && req.method === 'POST') {
      const body = parseJsonObject(await readBody(req, MAX_JSON_BYTES));
      sendJson(res, 200, { fileList: deps.storage.clientTempUrls(body.fileList, openid) });
      return;
    }
    sendJson(res, 404, { code: 'NOT_FOUND', message: `没有这个接口：${req.method} ${url.pathname}` });
  } catch (err) {
    const { status, code, message } = describeError(err, deps.log);
    sendJson(res, status, { code, message });
  }
}

function parseJsonObject(bytes: Buffer): Record<string, unknown> {
  try {
    const value = parseJsonWithinDepth(bytes.toString('utf8') || '{}');
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch (err) {
    if (isHttpError(err)) throw err;
  }
  throw new CloudError('INVALID_PARAM', '请求体不是合法的 JSON 对象');
}

function describeError(err: unknown, log: (line: string) => void): { status: number; code: string; message: string } {
  if (isHttpError(err)) return { status: err.status, code: err.code, message: err.message };
  if (err instanceof CloudError) {
    const status = err.code === 'INVALID_PARAM' ? 400 : err.code === 'STORAGE_EXCEED_AUTHORITY' ? 403 : err.code === 'FUNCTIONS_REQUEST_FAIL' ? 404 : 500;
    return { status, code: err.code, message: err.message };
  }
  // An unexpected error's message may name files on this machine: it goes to the log, not to the browser.
  logError(log, '[h5-api] request failed:', err);
  return { status: 500, code: 'SYS_ERR', message: '本地云内部出错，详情见本地云的日志' };
}

function clientIp(req: IncomingMessage): string {
  const address = req.socket.remoteAddress ?? '127.0.0.1';
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}
