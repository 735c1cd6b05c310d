/** What WeChat's phonenumber.getPhoneNumber answers (the SDK turns its keys into camelCase). */
export interface WechatPhoneInfo {
  phoneNumber?: string;
  purePhoneNumber?: string;
  countryCode?: string | number;
}

/**
 * The roster's form of a number WeChat vouches for: a mainland mobile as 11 digits, as the roster
 * import stores it. Anything else (another country) cannot match the roster: null.
 */
export function rosterFormOf(info: WechatPhoneInfo): string | null {
  const country = String(info.countryCode ?? '86').replace(/^\+/, '');
  if (country !== '86') return null;
  const number = normalisePhone(String(info.purePhoneNumber || info.phoneNumber || ''));
  return number;
}

/** "+86 138-0013-8000", "0086 13800138000", "138 0013 8000" → "13800138000"; null if not a mainland mobile. */
export function normalisePhone(text: string): string | null {
  let digits = text.replace(/[\s()-]/g, '');
  if (digits.startsWith('+86')) digits = digits.slice(3);
  else if (digits.startsWith('0086')) digits = digits.slice(4);
  else if (digits.length === 13 && digits.startsWith('86')) digits = digits.slice(2);
  return /^1\d{10}$/.test(digits) ? digits : null;
}
