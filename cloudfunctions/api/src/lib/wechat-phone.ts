import { rosterFormOf, type WechatPhoneInfo } from '../domain/phone-match';
import { cloud } from './cloud';
import { DomainError } from './domain-error';

type PhoneApi = { getPhoneNumber(options: { code: string }): Promise<{ phoneInfo?: WechatPhoneInfo }> };

/**
 * Exchanges the getPhoneNumber button's code for the number WeChat vouches for, in the roster's
 * form (null: not a mainland mobile). The number is compared and forgotten, never stored.
 * A code WeChat refuses (used, expired, forged: 40029 and the like) is BIND_PHONE_FAILED.
 */
export async function phoneFromWechat(code: string): Promise<string | null> {
  let info: WechatPhoneInfo | undefined;
  try {
    info = (await (cloud.openapi as unknown as { phonenumber: PhoneApi }).phonenumber.getPhoneNumber({ code })).phoneInfo;
  } catch {
    throw new DomainError('BIND_PHONE_FAILED');
  }
  if (!info) throw new DomainError('BIND_PHONE_FAILED');
  return rosterFormOf(info);
}
