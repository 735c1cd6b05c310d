import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { Clock } from '../clock';
import { CloudError } from '../errors';
import { readBody } from '../http/request-body';
import { sendBytes } from '../http/responses';
import { hexId } from '../ids';
import { mimeTypeOf } from '../web/mime';
import { bucketKey, bucketOf, cloudPathProblem, formatFileId, parseFileId, type ObjectRef } from './file-ids';
import { FileOwners } from './file-owners';
import { FileStore } from './file-store';
import { compileRules, STORAGE_RULES, type CompiledRules, type StorageRules } from './storage-rules';

export const DOWNLOAD_PREFIX = '/__storage/';
export const UPLOAD_PREFIX = '/__storage-upload/';
const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
const UPLOAD_TOKEN_TTL_MS = 10 * 60 * 1000;
const DEFAULT_URL_MAX_AGE_SECONDS = 24 * 3600;
/** getTempFileURL takes at most this many files per request, on the cloud as here. */
export const MAX_TEMP_URL_FILES = 50;

export interface StorageOptions {
  dataDir: string;
  clock: Clock;
  /** The server's own origin, e.g. http://127.0.0.1:8080 (known only once it listens). */
  origin: () => string;
  log: (line: string) => void;
  /** The storage security rules for client requests (default: the README's, creator-only). */
  rules?: StorageRules;
}

/** A client's storage request was refused by the rules (the cloud's STORAGE_EXCEED_AUTHORITY, -503002). */
const PERMISSION_DENIED = { code: 'STORAGE_EXCEED_AUTHORITY', status: -503002, message: 'permission denied' } as const;

/**
 * Cloud storage on local disk, speaking the three storage actions of node-sdk (spec §3.3, §5.2)
 * plus the two HTTP legs the SDK performs itself: the PUT of an upload and the GET of a temp URL.
 * Those are the server's (admin) requests, which the rules never limit. Client requests (the H5
 * gateway, the weapp stand-in's wx.cloud) come through `clientUpload` and `clientTempUrls`, which
 * apply the storage security rules with the client's openid, as the cloud does.
 */
export class StorageService {
  private readonly store: FileStore;
  private readonly owners: FileOwners;
  private readonly rules: CompiledRules;
  private readonly signingKey: Buffer;
  private readonly uploadTokens = new Map<string, { key: string; expires: number }>();

  constructor(private readonly o: StorageOptions) {
    const root = join(o.dataDir, 'storage');
    this.store = new FileStore(root);
    this.owners = new FileOwners(join(root, '.file-owners.json'));
    this.rules = compileRules(o.rules ?? STORAGE_RULES);
    this.signingKey = loadOrCreateKey(join(root, '.url-signing-key'));
  }

  // ---- SDK actions -------------------------------------------------------------------------

  getUploadMetadata(params: Record<string, unknown>, env: string): Record<string, unknown> {
    const ref = this.refForNewObject(env, params.path);
    this.forgetExpiredUploadTokens();
    const token = hexId();
    const key = objectKey(ref);
    this.uploadTokens.set(token, { key, expires: Date.now() + UPLOAD_TOKEN_TTL_MS });
    const url = `${this.o.origin()}${UPLOAD_PREFIX}${key.split('/').map(encodeURIComponent).join('/')}`;
    return {
      data: {
        url,
        token,
        authorization: `q-sign-algorithm=sha1&q-ak=local&q-sign-time=0;0&q-key-time=0;0&q-header-list=&q-url-param-list=&q-signature=${hexId(20)}`,
        fileId: formatFileId(ref),
        cosFileId: hexId(),
      },
    };
  }

  batchGetDownloadUrl(params: Record<string, unknown>): Record<string, unknown> {
    const list = Array.isArray(params.file_list) ? (params.file_list as Array<Record<string, unknown>>) : null;
    if (!list) throw new CloudError('INVALID_PARAM', 'file_list 必须是数组');
    checkTempUrlCount(list.length);
    const download_list = list.map((item) => {
      const fileID = String(item?.fileid ?? '');
      const maxAge = typeof item?.max_age === 'number' ? item.max_age : undefined;
      const ref = parseFileId(fileID);
      if (!ref) return { fileID, tempFileURL: '', code: 'INVALID_PARAM', message: 'fileID 格式不正确' };
      if (!this.store.exists(ref)) return { fileID, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST', message: 'storage file not exists' };
      return { fileID, tempFileURL: this.tempUrl(ref, maxAge), code: 'SUCCESS', ...(maxAge !== undefined ? { maxAge } : {}) };
    });
    return { data: { download_list } };
  }

  batchDeleteFile(params: Record<string, unknown>): Record<string, unknown> {
    const list = Array.isArray(params.fileid_list) ? (params.fileid_list as unknown[]) : null;
    if (!list) throw new CloudError('INVALID_PARAM', 'fileid_list 必须是数组');
    const delete_list = list.map((fileID) => {
      const ref = parseFileId(fileID);
      if (!ref) return { fileID, code: 'INVALID_PARAM', message: 'fileID 格式不正确' };
      if (!this.store.remove(ref)) return { fileID, code: 'STORAGE_FILE_NONEXIST', message: 'storage file not exists' };
      this.owners.set(objectKey(ref), null);
      return { fileID, code: 'SUCCESS' };
    });
    return { data: { delete_list } };
  }

  // ---- Client requests (the H5 gateway, the weapp stand-in), under the storage rules -----------

  /**
   * wx.cloud.uploadFile by this WeChat user: a new file becomes theirs; an existing one may be
   * overwritten only as the `write` rule allows (by default, by its creator).
   */
  clientUpload(env: string, cloudPath: unknown, bytes: Buffer, openid: string): string {
    const ref = this.refForNewObject(env, cloudPath);
    const key = objectKey(ref);
    const resource = { openid: this.store.exists(ref) ? this.owners.ownerOf(key) : openid };
    if (!this.rules.write({ auth: { openid }, resource })) throw new CloudError(PERMISSION_DENIED.code, PERMISSION_DENIED.message);
    this.store.write(ref, bytes);
    this.owners.set(key, openid);
    return formatFileId(ref);
  }

  /**
   * wx.cloud.getTempFileURL by this WeChat user: at most 50 files; each only as the `read` rule
   * allows. A file the rule does not let them read answers "permission denied" whether or not it
   * exists, so the answer tells a stranger nothing.
   */
  clientTempUrls(fileList: unknown, openid: string): Array<{ fileID: unknown; tempFileURL: string; status: number; errMsg: string }> {
    if (!Array.isArray(fileList)) throw new CloudError('INVALID_PARAM', 'fileList 必须是数组');
    checkTempUrlCount(fileList.length);
    return fileList.map((fileID: unknown) => {
      const ref = parseFileId(fileID);
      if (!ref) return { fileID, tempFileURL: '', status: -503001, errMsg: 'fileID 格式不正确' };
      const exists = this.store.exists(ref);
      const resource = { openid: exists ? this.owners.ownerOf(objectKey(ref)) : null };
      if (!this.rules.read({ auth: { openid }, resource })) return { fileID, tempFileURL: '', status: PERMISSION_DENIED.status, errMsg: PERMISSION_DENIED.message };
      if (!exists) return { fileID, tempFileURL: '', status: -503003, errMsg: 'storage file not exists' };
      return { fileID, tempFileURL: this.tempUrl(ref), status: 0, errMsg: 'ok' };
    });
  }

  // ---- HTTP legs -----------------------------------------------------------------------------

  /** PUT <upload url>: what COS does for the SDK's upload. 2xx with an empty body means success. */
  async handleUpload(req: IncomingMessage, res: ServerResponse, encodedKey: string): Promise<void> {
    const key = decodeKey(encodedKey);
    const token = String(req.headers['x-cos-security-token'] ?? '');
    const grant = this.uploadTokens.get(token);
    if (!key || !grant || grant.key !== key || grant.expires < Date.now()) {
      cosError(res, 403, 'AccessDenied', 'upload token missing, expired or for another object');
      return;
    }
    this.uploadTokens.delete(token);
    const body = await readBody(req, MAX_UPLOAD_BYTES);
    const ref = refOfKey(key);
    if (!ref) {
      cosError(res, 400, 'InvalidURI', 'malformed object key');
      return;
    }
    this.store.write(ref, body);
    // Written by a cloud function (the SDK's upload): no client owns it.
    this.owners.set(key, null);
    res.writeHead(200, { 'content-length': 0, 'x-cos-request-id': hexId(12) });
    res.end();
  }

  /** GET <temp url>: checks the signature and expiry, then serves the bytes. */
  handleDownload(res: ServerResponse, encodedKey: string, query: URLSearchParams, headOnly: boolean): void {
    const key = decodeKey(encodedKey);
    const expires = Number(query.get('t'));
    const sign = query.get('sign') ?? '';
    if (!key || !Number.isFinite(expires) || !this.signatureMatches(key, expires, sign)) {
      cosError(res, 403, 'AccessDenied', 'invalid signature');
      return;
    }
    if (expires * 1000 < this.o.clock.now()) {
      cosError(res, 403, 'AccessDenied', 'request has expired');
      return;
    }
    const ref = refOfKey(key);
    const bytes = ref ? this.store.read(ref) : null;
    if (!bytes) {
      cosError(res, 404, 'NoSuchKey', 'The specified key does not exist.');
      return;
    }
    const headers = {
      // Uploaded files share the app's origin; a sandbox keeps an uploaded HTML or SVG from running script.
      'content-security-policy': 'sandbox',
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, max-age=600',
    };
    if (headOnly) {
      res.writeHead(200, { 'content-type': mimeTypeOf(key), 'content-length': bytes.length, ...headers });
      res.end();
      return;
    }
    sendBytes(res, 200, bytes, mimeTypeOf(key), headers);
  }

  // ---- helpers -------------------------------------------------------------------------------

  private refForNewObject(env: string, cloudPath: unknown): ObjectRef {
    if (typeof cloudPath !== 'string') throw new CloudError('INVALID_PARAM', 'cloudPath 必须是字符串');
    const problem = cloudPathProblem(cloudPath);
    if (problem) throw new CloudError('INVALID_PARAM', problem);
    return { env, bucket: bucketOf(env), path: cloudPath };
  }

  private forgetExpiredUploadTokens(): void {
    const now = Date.now();
    for (const [token, grant] of this.uploadTokens) if (grant.expires < now) this.uploadTokens.delete(token);
  }

  private tempUrl(ref: ObjectRef, maxAgeSeconds?: number): string {
    const key = objectKey(ref);
    const expires = Math.floor(this.o.clock.now() / 1000) + (maxAgeSeconds && maxAgeSeconds > 0 ? maxAgeSeconds : DEFAULT_URL_MAX_AGE_SECONDS);
    // The path stays unescaped, like the cloud's temp URLs; see cloudPathProblem for why that is safe.
    return `${this.o.origin()}${DOWNLOAD_PREFIX}${key}?sign=${this.sign(key, expires)}&t=${expires}`;
  }

  private sign(key: string, expires: number): string {
    return createHmac('sha256', this.signingKey).update(`${key}\n${expires}`).digest('hex').slice(0, 32);
  }

  private signatureMatches(key: string, expires: number, sign: string): boolean {
    const expected = Buffer.from(this.sign(key, expires));
    const given = Buffer.from(sign);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}

function checkTempUrlCount(count: number): void {
  if (count > MAX_TEMP_URL_FILES) throw new CloudError('INVALID_PARAM', `一次最多获取 ${MAX_TEMP_URL_FILES} 个文件的临时链接，这次有 ${count} 个`);
}

function objectKey(ref: ObjectRef): string {
  return `${bucketKey(ref)}/${ref.path}`;
}

function refOfKey(key: string): ObjectRef | null {
  return parseFileId(`cloud://${key}`);
}

function decodeKey(encoded: string): string | null {
  try {
    return encoded.split('/').map(decodeURIComponent).join('/');
  } catch {
    return null;
  }
}

function cosError(res: ServerResponse, status: number, code: string, message: string): void {
  const xml = `<?xml version='1.0' encoding='utf-8' ?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>${hexId(12)}</RequestId><TraceId>${hexId(16)}</TraceId></Error>`;
  sendBytes(res, status, Buffer.from(xml), 'application/xml');
}

function loadOrCreateKey(file: string): Buffer {
  // Kept in the data folder so temp URLs survive a restart of the local cloud.
  if (existsSync(file)) return readFileSync(file);
  mkdirSync(join(file, '..'), { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, key, { mode: 0o600 });
  return key;
}
