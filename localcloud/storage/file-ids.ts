/** A stored object: `cloud://<env>.<bucket>/<path>` in the cloud's fileID notation. */
export interface ObjectRef {
  env: string;
  bucket: string;
  path: string;
}

const FILE_ID = /^cloud:\/\/([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\/(.+)$/;

export function parseFileId(fileId: unknown): ObjectRef | null {
  if (typeof fileId !== 'string') return null;
  const match = FILE_ID.exec(fileId);
  if (!match) return null;
  const [, env, bucket, path] = match;
  return cloudPathProblem(path!) ? null : { env: env!, bucket: bucket!, path: path! };
}

export function formatFileId(ref: ObjectRef): string {
  return `cloud://${ref.env}.${ref.bucket}/${ref.path}`;
}

/** `<env>.<bucket>`: the folder under storage/ and the first segment of storage URLs. */
export function bucketKey(ref: Pick<ObjectRef, 'env' | 'bucket'>): string {
  return `${ref.env}.${ref.bucket}`;
}

/** The bucket name the local cloud gives an environment, shaped like the cloud's `<env>-<appid>`. */
export function bucketOf(env: string): string {
  return `${env}-1250000000`;
}

/**
 * Why a cloudPath is refused, or null. Besides keeping paths inside the storage folder, this
 * refuses `?`, `#` and `%`: temp URLs carry the path unescaped (as the cloud's do, and node-sdk's
 * downloadFile re-encodes them with encodeURI), so those characters could not round-trip.
 */
export function cloudPathProblem(path: string): string | null {
  if (!path) return 'cloudPath 不能为空';
  if (path.length > 850) return 'cloudPath 过长（最多 850 个字符）';
  if (path.startsWith('/')) return 'cloudPath 不能以 / 开头';
  if (/[\\?#%\u0000-\u001f\u007f]/.test(path)) return 'cloudPath 含有不支持的字符（\\ ? # % 或控制字符）';
  if (path.split('/').some((segment) => segment === '' || segment === '.' || segment === '..')) return 'cloudPath 含有空的、"." 或 ".." 路径段';
  return null;
}
