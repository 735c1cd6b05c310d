import { mkdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { handleAdminRequest } from './admin/admin-endpoint';
import { createClock, type Clock } from './clock';
import type { DatabaseEngine } from './db';
import { buildChildRunner } from './functions/child-runner-build';
import { FunctionCatalog } from './functions/function-catalog';
import { FunctionPool } from './functions/function-pool';
import { FunctionRunner } from './functions/function-runner';
import { instanceProcessEnv } from './functions/invocation-env';
import { logError, oneLineLog } from './log-line';
import { InvocationRegistry } from './functions/invocation-registry';
import { HttpError, isHttpError } from './http/http-error';
import { checkedPathname } from './http/request-path';
import { sendJson, sendText } from './http/responses';
import { OpenApiService } from './openapi/openapi-service';
import { Outbox, type OutboxEntry } from './openapi/outbox';
import { OpenApiScript } from './openapi/script';
import { PhoneCodes } from './openapi/phone-codes';
import { handlePhoneCode, PHONE_CODE_PATH } from './web/phone-code';
import { DOWNLOAD_PREFIX, StorageService, UPLOAD_PREFIX } from './storage/storage-service';
import { TriggerScheduler } from './triggers/trigger-scheduler';
import { handleH5Api } from './web/h5-api';
import { renderOutboxPage, sendOutboxJson } from './web/outbox-page';
import { handleSignin, handleSignout, readRoster, renderSigninPage, SIGNIN_PATH, SIGNOUT_PATH } from './web/signin-page';
import { serveStatic } from './web/static-files';

export interface LocalCloudOptions {
  /** Holds db.sqlite, storage/ and outbox.jsonl. */
  dataDir: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: '127.0.0.1';
  /** Folder of `<name>/index.js` + `config.json`. */
  functionsDir: string;
  /** The H5 build served at `/` (default `dist-h5`). */
  staticDir?: string;
  /** Cloud environment id (default 'local-dev'). */
  env?: string;
  /** The mini-program appid functions see as APPID (default 'wx-local-appid'). */
  appid?: string;
  /** Instances per function (default 2), each serving one invocation at a time. */
  instancesPerFunction?: number;
  /** Per function name, extra environment variables (what the cloud console's 环境变量 sets), e.g. { api: { UNION_SETUP_CODE: 'x' } }. */
  functionEnv?: Record<string, Record<string, string>>;
  /** Fire timer triggers in real time while the clock is not set (default true). */
  autoTriggers?: boolean;
  log?: (line: string) => void;
}

export interface CallIdentity {
  openid?: string;
  unionid?: string;
}

export interface LocalCloudScript {
  /** The next subscribeMessage.send (to `openid`, or anyone) is refused with `errcode` (default 43101). */
  refuseNext(openid?: string, errcode?: number): void;
  /** security.msgSecCheck flags any text containing `word`. */
  flagText(word: string): void;
  /** The next call of openapi `apiName` answers WeChat error `errcode`. */
  failNext(apiName: string, errcode: number, errmsg?: string): void;
  /** A getPhoneNumber code, as the button's event would carry it, for the number WeChat would return. */
  phoneCode(purePhoneNumber: string, countryCode?: string): string;
  reset(): void;
}

export interface LocalCloud {
  url: string;
  port: number;
  db: DatabaseEngine;
  clock: Clock;
  /** Calls a function as a mini-program user would (SOURCE wx_client). Rejects with a CloudError if it fails. */
  call(name: string, data: object, who?: CallIdentity): Promise<{ result: any; dbRequests: number }>;
  /** Delivered subscription messages, oldest first (refusals too with includeRefused). */
  outbox(options?: { includeRefused?: boolean }): OutboxEntry[];
  clearOutbox(): void;
  script: LocalCloudScript;
  fireTrigger(fn: string, trigger: string): Promise<any>;
  /** Advances the clock, running every timer trigger due on the way, in order, once each. */
  advanceClock(ms: number): Promise<void>;
  /** Live function instances per function name. */
  instanceCounts(): Record<string, number>;
  stop(): Promise<void>;
}

const REPO_ROOT = resolve(__dirname, '..');

/** Starts the local cloud around a given database engine (index.ts passes the SQLite one). */
export async function createLocalCloud(options: LocalCloudOptions, openDb: (opts: { file: string; now: () => number }) => DatabaseEngine): Promise<LocalCloud> {
  const host = options.host ?? '127.0.0.1';
  const cloudEnv = options.env ?? 'local-dev';
  const appid = options.appid ?? 'wx-local-appid';
  // Every line the local cloud logs may quote a request: one call is always one line.
  const log = oneLineLog(options.log ?? ((line: string) => process.stdout.write(`${line}\n`)));
  const dataDir = resolve(options.dataDir);
  const functionsDir = resolve(options.functionsDir);
  const staticDir = resolve(options.staticDir ?? 'dist-h5');
  mkdirSync(dataDir, { recursive: true });

  let origin = '';
  const adminUrl = () => `${origin}/admin`;
  const clock = createClock();
  const db = openDb({ file: join(dataDir, 'db.sqlite'), now: () => clock.now() });
  const catalog = new FunctionCatalog(functionsDir);
  const registry = new InvocationRegistry();
  const storage = new StorageService({ dataDir, clock, origin: () => origin, log });
  const outbox = new Outbox(join(dataDir, 'outbox.jsonl'));
  const script = new OpenApiScript();
  const phoneCodes = new PhoneCodes(() => clock.now());
  const openapi = new OpenApiService({ outbox, script, clock, phoneCodes, appid });

  const server: Server = createServer();
  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(options.port ?? 0, host, () => resolveListen());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://${host}:${port}`;

  const pool = new FunctionPool({
    catalog,
    runnerPath: buildChildRunner(dataDir),
    instancesPerFunction: Math.max(1, options.instancesPerFunction ?? 2),
    baseEnv: instanceProcessEnv(cloudEnv, adminUrl(), join(REPO_ROOT, 'node_modules')),
    log,
  });
  const runner = new FunctionRunner({ pool, registry, clock, cloudEnv, adminUrl, functionEnv: options.functionEnv ?? {}, log });
  const scheduler = new TriggerScheduler({
    catalog,
    clock,
    log,
    fire: (trigger, event) => runner.invoke(trigger.functionName, event, { identity: { appid }, source: 'wx_trigger', timer: true }).then((o) => JSON.parse(o.json)),
  });
  if (options.autoTriggers ?? true) scheduler.start();

  const adminDeps = { db, runner, registry, catalog, storage, openapi, cloudEnv, appid, log };
  const nameOf = (openid: string) => readRoster(db).members.find((m) => m.openid === openid)?.name;

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    route(req, res).catch((err: unknown) => {
      if (isHttpError(err)) {
        if (!res.headersSent) sendJson(res, err.status, { code: err.code, message: err.message });
        return;
      }
      logError(log, `[http] ${req.method} ${req.url} failed:`, err);
      if (!res.headersSent) sendText(res, 500, 'internal error');
      else res.destroy();
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = checkedPathname(req.url, origin);
    const path = url.pathname;
    const method = req.method ?? 'GET';
    if (path === '/admin' && method === 'POST') {
      refuseBrowsers(req);
      return handleAdminRequest(req, res, url, adminDeps);
    }
    if (path.startsWith(UPLOAD_PREFIX) && method === 'PUT') return storage.handleUpload(req, res, path.slice(UPLOAD_PREFIX.length));
    if (path.startsWith(DOWNLOAD_PREFIX) && (method === 'GET' || method === 'HEAD')) {
      return storage.handleDownload(res, path.slice(DOWNLOAD_PREFIX.length), url.searchParams, method === 'HEAD');
    }
    if (path === PHONE_CODE_PATH && method === 'POST') return handlePhoneCode(req, res, phoneCodes);
    if (path.startsWith('/api/')) return handleH5Api(req, res, url, { runner, storage, cloudEnv, appid, log });
    if (path === SIGNIN_PATH && method === 'GET') return renderSigninPage(req, res, db, url.searchParams);
    if (path === SIGNIN_PATH && method === 'POST') return handleSignin(req, res, db);
    if (path === SIGNOUT_PATH && method === 'POST') return handleSignout(res);
    if (path === '/__dev/outbox' && method === 'GET') return renderOutboxPage(res, outbox.list({ includeRefused: true }), nameOf);
    if (path === '/__dev/outbox.json' && method === 'GET') return sendOutboxJson(res, outbox.list({ includeRefused: true }));
    if (path === '/__dev' || path === '/__dev/') {
      res.writeHead(303, { location: SIGNIN_PATH, 'content-length': 0 });
      res.end();
      return;
    }
    if (method === 'GET' || method === 'HEAD') return serveStatic(req, res, staticDir, path);
    sendJson(res, 405, { code: 'METHOD_NOT_ALLOWED', message: `${method} ${path}` });
  }

  /**
   * /admin is the SDK's endpoint and needs no cookie, so any web page the developer opens could
   * post to it (a text/plain body is a "simple" cross-site request). The SDK never sends Origin;
   * browsers always do on such a POST.
   */
  function refuseBrowsers(req: IncomingMessage): void {
    if (req.headers.origin !== undefined) throw new HttpError(403, 'FORBIDDEN', '/admin 只接受云函数里的 SDK 调用，不接受网页发来的请求');
  }

  let stopping: Promise<void> | null = null;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      scheduler.stop();
      await pool.stop();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      db.close();
    })();
    return stopping;
  };

  log(`[localcloud] env ${cloudEnv} at ${origin} (functions: ${functionsDir}, data: ${dataDir})`);

  return {
    url: origin,
    port,
    db,
    clock,
    async call(name, data, who = {}) {
      const identity = { openid: who.openid, unionid: who.unionid, appid };
      const outcome = await runner.invoke(name, data, { identity, source: 'wx_client' });
      return { result: JSON.parse(outcome.json), dbRequests: outcome.dbRequests };
    },
    outbox: (opts) => outbox.list(opts),
    clearOutbox: () => outbox.clear(),
    script: {
      refuseNext: (openid, errcode) => script.refuseNext(openid, errcode),
      flagText: (word) => script.flagText(word),
      failNext: (apiName, errcode, errmsg) => script.failNext(apiName, errcode, errmsg),
      phoneCode: (purePhoneNumber, countryCode = '86') => phoneCodes.issue({ purePhoneNumber, countryCode }),
      reset: () => script.reset(),
    },
    fireTrigger: async (fn, trigger) => scheduler.fireNow(scheduler.find(fn, trigger)),
    advanceClock: (ms) => scheduler.advance(ms),
    instanceCounts: () => pool.instanceCounts(),
    stop,
  };
}

