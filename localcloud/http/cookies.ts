import type { IncomingMessage } from 'node:http';
import { HttpError } from './http-error';

/**
 * The one cookie called `name`, or undefined. A request carrying it twice is refused (400): which
 * copy wins would depend on parsing order, so a cookie planted for a parent path or another
 * subdomain could choose the identity.
 */
export function singleCookie(req: IncomingMessage, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  const copies = header.split(';').filter((part) => part.slice(0, Math.max(0, part.indexOf('='))).trim() === name).length;
  if (copies > 1) throw new HttpError(400, 'DUPLICATE_COOKIE', `请求带了 ${copies} 个 ${name} cookie：请清除本站的 cookie 后重新选择身份`);
  return readCookies(req).get(name);
}

export function readCookies(req: IncomingMessage): Map<string, string> {
  const cookies = new Map<string, string>();
  const header = req.headers.cookie;
  if (!header) return cookies;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    const raw = part.slice(eq + 1).trim();
    try {
      cookies.set(name, decodeURIComponent(raw));
    } catch {
      // A malformed cookie is ignored rather than failing the whole request.
    }
  }
  return cookies;
}

export interface CookieOptions {
  httpOnly?: boolean;
  maxAgeSeconds?: number;
}

export function serializeCookie(name: string, value: string, options: CookieOptions = {}): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, 'Path=/', 'SameSite=Lax'];
  if (options.httpOnly) parts.push('HttpOnly');
  if (options.maxAgeSeconds !== undefined) parts.push(`Max-Age=${options.maxAgeSeconds}`);
  return parts.join('; ');
}
