import type { IncomingMessage, ServerResponse } from 'node:http';
import { readCookies, serializeCookie } from '../http/cookies';
import { sendJson } from '../http/responses';
import type { PhoneCodes } from '../openapi/phone-codes';
import { signedInOpenid } from './dev-session';

/**
 * The H5 app's stand-in for WeChat's getPhoneNumber button: the sign-in page records which number
 * "WeChat" would return for this browser (a cookie); the app asks here for the button's code.
 */
export const PHONE_CODE_PATH = '/api/phone-code';
export const PHONE_COOKIE = 'lc_phone';
const THIRTY_DAYS = 30 * 24 * 3600;

/** Digits only, up to 15 (E.164): what a tester may type as the number WeChat would return. */
export function plausiblePhone(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const digits = value.replace(/[\s-]/g, '');
  return /^\d{5,15}$/.test(digits) ? digits : null;
}

export function phoneCookie(phone: string | null): string {
  return phone ? serializeCookie(PHONE_COOKIE, phone, { httpOnly: true, maxAgeSeconds: THIRTY_DAYS }) : serializeCookie(PHONE_COOKIE, '', { httpOnly: true, maxAgeSeconds: 0 });
}

export function chosenPhone(req: IncomingMessage): string | null {
  return plausiblePhone(readCookies(req).get(PHONE_COOKIE));
}

/** POST /api/phone-code: `{code}` for the chosen number, or 409 when the tester chose none (as if the user refused). */
export function handlePhoneCode(req: IncomingMessage, res: ServerResponse, codes: PhoneCodes): void {
  if (!signedInOpenid(req)) {
    sendJson(res, 401, { code: 'NOT_SIGNED_IN', message: '请先选择身份登录' });
    return;
  }
  const phone = chosenPhone(req);
  if (!phone) {
    sendJson(res, 409, { code: 'NO_PHONE', message: '本地环境：登录页没有选择微信会返回的手机号' });
    return;
  }
  sendJson(res, 200, { code: codes.issue({ purePhoneNumber: phone, countryCode: '86' }) });
}
