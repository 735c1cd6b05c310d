/**
 * WeChat's privacy rules (2023): a privacy API (getPhoneNumber, chooseMessageFile, ...) works only
 * after the person agreed to the mini-program's 《用户隐私保护指引》. When they refuse, WeChat
 * fails the call with "…:fail privacy permission is not authorized" (errno 104 or 112); the app
 * says so in Chinese and offers to agree later (wx.requirePrivacyAuthorize shows the guide again).
 * Pure: shared by both transports.
 */
const PRIVACY_ERRNOS = new Set([104, 112]);

export function isPrivacyRefusal(failure: unknown): boolean {
  const { errno, errMsg } = (failure ?? {}) as { errno?: unknown; errMsg?: unknown };
  if (typeof errno === 'number' && PRIVACY_ERRNOS.has(errno)) return true;
  return typeof errMsg === 'string' && /privacy/i.test(errMsg);
}

/** The person closed WeChat's own sheet (cancel, deny). */
export function isCancel(failure: unknown): boolean {
  const { errMsg } = (failure ?? {}) as { errMsg?: unknown };
  return typeof errMsg === 'string' && /cancel|deny/i.test(errMsg);
}

/** Thrown by a transport when WeChat refused a privacy API because the guide was not agreed to. */
export class PrivacyRefusedError extends Error {
  constructor() {
    super('privacy permission is not authorized');
    this.name = 'PrivacyRefusedError';
  }
}

/** What the getPhoneNumber button gave: the code to exchange, or why there is none. */
export type PhoneAnswer = { code: string } | { refused: 'privacy' | 'user' | 'failed' };

/** Reads the getPhoneNumber button's event detail (WeChat's shape) into a PhoneAnswer. */
export function phoneAnswerOf(detail: unknown): PhoneAnswer {
  const { code } = (detail ?? {}) as { code?: unknown };
  if (typeof code === 'string' && code) return { code };
  if (isPrivacyRefusal(detail)) return { refused: 'privacy' };
  if (isCancel(detail)) return { refused: 'user' };
  return { refused: 'failed' };
}
