import { hexId } from '../ids';

/** How long WeChat honours a getPhoneNumber code (its documentation: 5 minutes, once). */
export const PHONE_CODE_TTL_MS = 5 * 60 * 1000;

export interface PhoneOnWechat {
  /** The number without country code, e.g. "13800138000". */
  purePhoneNumber: string;
  /** "86" for the mainland. */
  countryCode: string;
}

/**
 * The codes WeChat's getPhoneNumber button would hand the app: a tester (sign-in page) or a test
 * (the weapp stand-in) chooses the number; phonenumber.getPhoneNumber exchanges a code once.
 */
export class PhoneCodes {
  private readonly codes = new Map<string, PhoneOnWechat & { expiresAt: number }>();

  constructor(private readonly now: () => number) {}

  /** A fresh code for this number, as the button's event would carry it. */
  issue(phone: PhoneOnWechat): string {
    const code = hexId(16);
    this.codes.set(code, { ...phone, expiresAt: this.now() + PHONE_CODE_TTL_MS });
    return code;
  }

  /** The number behind a live code, spending it; null when unknown, used or expired. */
  redeem(code: string): PhoneOnWechat | null {
    const found = this.codes.get(code);
    this.codes.delete(code);
    if (!found || found.expiresAt <= this.now()) return null;
    return { purePhoneNumber: found.purePhoneNumber, countryCode: found.countryCode };
  }
}
