/**
 * The one gateway to the cloud. Every screen calls actions through `call`; only the transport
 * beside this file knows whether it runs in WeChat (Taro.cloud) or in a browser (the local cloud).
 */
import Taro from '@tarojs/taro';
import type { ActionInput, ActionName, ActionOutput } from '../../types/actions';
import type { Envelope, FieldIssue } from '../../types/envelope';
import { CLIENT_ERROR_MESSAGES, type ClientErrorCode, type ErrorCode } from '../../types/errors';
import { extensionOf, UPLOAD_EXTENSIONS, type UploadPurpose } from '../../types/file-kinds';
import {
  agreePrivacy as agreeWithTransport, openDocument as openWithTransport, phoneCode as phoneWithTransport, PHONE_BUTTON, pickFile as pickWithTransport,
  randomToken as tokenWithTransport, requestSubscribe as askWithTransport, send,
} from './transport';
import { PrivacyRefusedError, type PhoneAnswer } from './privacy';
import { TransportError, type ChosenFile, type StoredFile, type SubscribeAnswers } from './types';

export type { ChosenFile, PhoneAnswer, SubscribeAnswers };

/** How this platform gets the phone number: WeChat's getPhoneNumber button event, or a tap (browser). */
export const phoneButton: 'wechat' | 'browser' = PHONE_BUTTON;

/** The code for me.bindPhone, from the getPhoneNumber button's event detail (WeChat) or the local cloud (browser). */
export const phoneCode = (detail?: unknown): Promise<PhoneAnswer> => phoneWithTransport(detail);

/** Shows WeChat's privacy guide again so the person can agree later; true once agreed. */
export const agreePrivacy = (): Promise<boolean> => agreeWithTransport();

/** Said when WeChat refused a privacy API: the person has not agreed to the guide (yet). */
export const PRIVACY_REFUSED_MESSAGE = '你还没有同意《教工之家用户隐私保护指引》，微信暂时不允许使用这个功能。';

export class CloudCallError extends Error {
  constructor(
    readonly code: ErrorCode | ClientErrorCode,
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
    this.name = 'CloudCallError';
  }
}

const REQUEST_FUNCTION = 'api';

const clientFailure = (code: ClientErrorCode): Envelope<never> => ({ ok: false, code, message: CLIENT_ERROR_MESSAGES[code] });

const isEnvelope = (value: unknown): value is Envelope<unknown> =>
  typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';

export interface CallOptions {
  /** Don't show the error toast: the caller shows the error itself (forms, list states). */
  silent?: boolean;
}

/** Calls one action. Resolves with its data; rejects with a CloudCallError after showing its message. */
let openingBinding = false;

/**
 * Sends a WeChat user who is not (or no longer) bound to the binding page: once, however many
 * calls and pages find out at the same moment (two reLaunches left two binding pages stacked).
 */
export function openBinding(): void {
  const pages = Taro.getCurrentPages?.() ?? [];
  if (openingBinding || (pages[pages.length - 1]?.route ?? '').endsWith('pages/bind/index')) return;
  openingBinding = true;
  void Promise.resolve(Taro.reLaunch({ url: '/pages/bind/index' })).finally(() => {
    openingBinding = false;
  });
}

export async function call<A extends ActionName>(action: A, input: ActionInput<A>, options: CallOptions = {}): Promise<ActionOutput<A>> {
  let envelope: Envelope<unknown>;
  try {
    const answer = await send(REQUEST_FUNCTION, { action, input });
    envelope = isEnvelope(answer) ? answer : clientFailure('NETWORK');
  } catch (error) {
    envelope = clientFailure(error instanceof TransportError ? error.code : 'NETWORK');
  }
  if (envelope.ok) return envelope.data as ActionOutput<A>;
  // Unbound since the page opened (the chair unbound this WeChat): only the binding page is left.
  if (envelope.code === 'NOT_BOUND') openBinding();
  if (!options.silent) void Taro.showToast({ title: envelope.message, icon: 'none', duration: 2500 });
  throw new CloudCallError(envelope.code, envelope.message, envelope.issues);
}

/**
 * Lets the person pick a file for one purpose (the kinds it accepts): in WeChat from a chat
 * (chooseMessageFile), in a browser from disk. Resolves null when they cancel. Its upload goes
 * where `file.uploadPath` says (a place only this person can write; the app never makes up a
 * path), and can fail with a CloudCallError.
 */
export async function pickFile(purpose: UploadPurpose): Promise<ChosenFile | null> {
  const picked = await pickAgreeingLater([...UPLOAD_EXTENSIONS[purpose]]);
  if (!picked) return null;
  return {
    name: picked.name,
    size: picked.size,
    upload: async () => {
      const { cloudPath } = await call('file.uploadPath', { purpose, extension: extensionOf(picked.name) }, { silent: true });
      try {
        return await picked.upload(cloudPath);
      } catch {
        throw new CloudCallError('NETWORK', CLIENT_ERROR_MESSAGES.NETWORK);
      }
    },
  };
}

/**
 * Picks a file; when WeChat refuses for want of agreement to the privacy guide, says so in Chinese
 * and offers to agree now (WeChat shows the guide), then tries once more. Null when they decline.
 */
async function pickAgreeingLater(extensions: string[]) {
  try {
    return await pickWithTransport(extensions);
  } catch (error) {
    if (!(error instanceof PrivacyRefusedError)) throw error;
    const { confirm } = await Taro.showModal({ title: '需要你的同意', content: `${PRIVACY_REFUSED_MESSAGE}选择文件前，请先查看并同意。`, confirmText: '查看并同意', cancelText: '暂不' });
    if (!confirm || !(await agreeWithTransport())) {
      void Taro.showToast({ title: '未同意隐私保护指引，无法选择文件', icon: 'none', duration: 2500 });
      return null;
    }
    try {
      return await pickWithTransport(extensions);
    } catch {
      return null;
    }
  }
}

/** Opens a file an action handed out (its temp URL): WeChat's document viewer (forward to a chat from its menu), or a browser download. */
export async function openDocument(file: StoredFile): Promise<void> {
  try {
    await openWithTransport(file);
  } catch {
    throw new CloudCallError('NETWORK', CLIENT_ERROR_MESSAGES.NETWORK);
  }
}

/**
 * Asks for consent to subscription messages. Call it synchronously from a tap handler (WeChat
 * refuses the sheet after an await). Resolves {} when nothing could be asked.
 */
export const requestSubscribe = (templateIds: string[]): Promise<SubscribeAnswers> => askWithTransport(templateIds);

/** Said when the phone has no strong random source (WeChat older than base library 2.15.0). */
const NO_RANDOM_MESSAGE = '这台手机暂时无法匿名提交，请把微信更新到最新版本后再试，或关闭「匿名」';

/**
 * A new owner token for one anonymous suggestion: 43 characters of [A-Za-z0-9_-] from the
 * platform's cryptographically strong random source. Rejects with a CloudCallError when there is none.
 */
export async function randomToken(): Promise<string> {
  try {
    return await tokenWithTransport();
  } catch {
    throw new CloudCallError('INTERNAL', NO_RANDOM_MESSAGE);
  }
}
