import Taro from '@tarojs/taro';
import type { PickedFile, SubscribeAnswers, StoredFile } from './types';
import { TOKEN_LENGTH, tokenFromBytes } from './token';
import { isPrivacyRefusal, phoneAnswerOf, PrivacyRefusedError, type PhoneAnswer } from './privacy';

/** In WeChat the number comes from the getPhoneNumber button's own event, not from a tap. */
export const PHONE_BUTTON = 'wechat';

export async function phoneCode(detail?: unknown): Promise<PhoneAnswer> {
  return phoneAnswerOf(detail);
}

/**
 * Shows WeChat's privacy guide again (wx.requirePrivacyAuthorize): resolves true once the person
 * agrees (or already had), false when they refuse again or the WeChat is too old to ask.
 */
export function agreePrivacy(): Promise<boolean> {
  return new Promise((resolve) => {
    if (typeof Taro.requirePrivacyAuthorize !== 'function') {
      resolve(true); // before base library 2.32.3 there is no guide to agree to
      return;
    }
    Taro.requirePrivacyAuthorize({ success: () => resolve(true), fail: () => resolve(false) });
  });
}

let ready = false;

function ensureCloud(): void {
  if (ready) return;
  Taro.cloud.init({ env: CLOUD_ENV || undefined, traceUser: true });
  ready = true;
}

export async function send(functionName: string, event: object): Promise<unknown> {
  ensureCloud();
  const res = await Taro.cloud.callFunction({ name: functionName, data: event as Record<string, unknown> });
  return res.result;
}

/** In WeChat a file comes from a chat: the chair sends the roster to any chat, then picks it here. */
export async function pickFile(extensions: string[]): Promise<PickedFile | null> {
  ensureCloud();
  try {
    const { tempFiles } = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: extensions });
    const file = tempFiles[0];
    if (!file) return null;
    return {
      name: file.name,
      size: file.size,
      upload: async (cloudPath) => (await Taro.cloud.uploadFile({ cloudPath, filePath: file.path })).fileID,
    };
  } catch (failure) {
    if (isPrivacyRefusal(failure)) throw new PrivacyRefusedError();
    return null; // cancelled
  }
}

/**
 * Downloads the file from the temp URL the action handed out, then opens WeChat's document viewer;
 * its menu forwards the file to a chat. Not by fileID (wx.cloud.downloadFile): the storage rules
 * let a client read only files it uploaded itself. The temp URL's host must be a downloadFile
 * domain of the mini-program (README, 部署到微信).
 */
export async function openDocument({ tempFileURL, fileName }: StoredFile): Promise<void> {
  const { tempFilePath, statusCode } = await Taro.downloadFile({ url: tempFileURL });
  if (statusCode !== 200) throw new Error(`download failed: HTTP ${statusCode}`);
  const fileType = (fileName.split('.').pop() ?? 'xlsx') as Taro.openDocument.Option['fileType'];
  await Taro.openDocument({ filePath: tempFilePath, fileType, showMenu: true });
}

/** WeChat's own consent sheet. It must open within the tap, before anything asynchronous happens. */
export async function requestSubscribe(templateIds: string[]): Promise<SubscribeAnswers> {
  try {
    const res = (await Taro.requestSubscribeMessage({ tmplIds: templateIds } as never)) as unknown as Record<string, string>;
    const answers: SubscribeAnswers = {};
    for (const id of templateIds) {
      const value = res[id];
      if (value === 'accept' || value === 'reject' || value === 'ban' || value === 'filter') answers[id] = value;
    }
    return answers;
  } catch {
    return {}; // not configured, or the person closed the sheet
  }
}

/** How long to wait for wx.getRandomValues before giving up (it answers at once where it exists). */
const RANDOM_TIMEOUT_MS = 5000;

/**
 * The mini-program runtime has no Web Crypto (`crypto` is undefined there): WeChat's own
 * wx.getRandomValues (base library 2.15.0+) gives cryptographically secure bytes. Taro passes it
 * through without promisifying, so the callbacks are used. Older WeChat versions lack it: reject,
 * never fall back to weaker randomness.
 */
export function randomToken(): Promise<string> {
  return new Promise((resolve, reject) => {
    if (typeof Taro.getRandomValues !== 'function') {
      reject(new Error('wx.getRandomValues is not available'));
      return;
    }
    // A stand-in that never calls back (an unsupported API) must not leave the sender waiting.
    const timer = setTimeout(() => reject(new Error('wx.getRandomValues did not answer')), RANDOM_TIMEOUT_MS);
    try {
      Taro.getRandomValues({
        length: TOKEN_LENGTH,
        success: (res) => {
          clearTimeout(timer);
          try {
            resolve(tokenFromBytes(new Uint8Array(res.randomValues)));
          } catch (error) {
            reject(error);
          }
        },
        fail: (res) => {
          clearTimeout(timer);
          reject(new Error(res.errMsg || 'wx.getRandomValues failed'));
        },
      });
    } catch (error) {
      clearTimeout(timer);
      reject(error);
    }
  });
}
