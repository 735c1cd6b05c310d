import type { IncomingMessage } from 'node:http';
import { serializeCookie, singleCookie } from '../http/cookies';
import { isPlausibleOpenid } from '../ids';

/** The H5 app's "logged-in WeChat user": an openid in an httpOnly cookie set by the sign-in page. */
export const SESSION_COOKIE = 'lc_openid';
const THIRTY_DAYS = 30 * 24 * 3600;

/** Throws an HttpError (400) when the request carries two session cookies. */
export function signedInOpenid(req: IncomingMessage): string | null {
  const value = singleCookie(req, SESSION_COOKIE);
  return isPlausibleOpenid(value) ? value : null;
}

export function signInCookie(openid: string): string {
  return serializeCookie(SESSION_COOKIE, openid, { httpOnly: true, maxAgeSeconds: THIRTY_DAYS });
}

export function signOutCookie(): string {
  return serializeCookie(SESSION_COOKIE, '', { httpOnly: true, maxAgeSeconds: 0 });
}
