import { HttpError } from './http-error';

/** Longer than any name a file system or the cloud accepts (function names stop at 60). */
export const MAX_PATH_SEGMENT = 255;

/**
 * The request's path, refused with 400 when it cannot be decoded (`/%E0%A4%A`) or when one of its
 * segments is longer than any real name: every handler after this may decode it safely.
 */
export function checkedPathname(rawUrl: string | undefined, origin: string): URL {
  let url: URL;
  try {
    url = new URL(rawUrl ?? '/', origin);
  } catch {
    throw new HttpError(400, 'BAD_URI', '请求地址不合法');
  }
  for (const segment of url.pathname.split('/')) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      throw new HttpError(400, 'BAD_URI', '请求路径的编码不正确（% 转义不完整或不是 UTF-8）');
    }
    if (decoded.length > MAX_PATH_SEGMENT) throw new HttpError(400, 'PATH_TOO_LONG', `请求路径中的一段太长：最多 ${MAX_PATH_SEGMENT} 个字符`);
  }
  return url;
}
