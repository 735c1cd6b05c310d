import type { IncomingMessage } from 'node:http';
import { HttpError } from './http-error';

/** Thrown when a body is larger than the endpoint accepts; the server answers 413. */
export class BodyTooLargeError extends HttpError {
  constructor(readonly limit: number) {
    super(413, 'BODY_TOO_LARGE', `请求体太大：最多 ${formatBytes(limit)}`);
  }
}

/**
 * Reads a whole request body, refusing more than `limit` bytes so a runaway client cannot exhaust
 * memory. A declared content-length over the limit is refused before a byte is read.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    return Promise.reject(new BodyTooLargeError(limit));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > limit) {
        failed = true;
        reject(new BodyTooLargeError(limit));
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!failed) resolve(Buffer.concat(chunks, size));
    });
    req.on('error', (err) => {
      if (!failed) reject(err);
    });
  });
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KB`;
  return `${bytes} 字节`;
}
