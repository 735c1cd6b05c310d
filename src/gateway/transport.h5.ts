/**
 * The browser build talks to the local cloud that serves it (same origin). Never part of a weapp build.
 */
import Taro from '@tarojs/taro';
import type { PickedFile, SubscribeAnswers, StoredFile } from './types';
import { TransportError } from './types';
import { TOKEN_LENGTH, tokenFromBytes } from './token';
import { phoneAnswerOf, type PhoneAnswer } from './privacy';
import { SUBSCRIPTION_TEMPLATES } from '../../types/subscriptions';

export async function send(functionName: string, event: object): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(`/api/functions/${functionName}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ data: event }),
    });
  } catch {
    throw new TransportError('NETWORK');
  }
  if (res.status === 401) {
    // Local mode: choose who to act as on the local cloud's sign-in page.
    window.location.assign('/__dev/signin');
    throw new TransportError('NOT_SIGNED_IN');
  }
  if (!res.ok) throw new TransportError('NETWORK');
  return ((await res.json()) as { result: unknown }).result;
}

/** The browser has no phone button: a tap asks the local cloud for the code of the number the sign-in page chose. */
export const PHONE_BUTTON = 'browser';

export async function phoneCode(): Promise<PhoneAnswer> {
  try {
    const res = await fetch('/api/phone-code', { method: 'POST', credentials: 'same-origin' });
    if (res.status === 409) return { refused: 'user' }; // no number chosen: as if the person said no
    if (!res.ok) return { refused: 'failed' };
    return phoneAnswerOf(await res.json());
  } catch {
    return { refused: 'failed' };
  }
}

/** No privacy guide in a browser. */
export async function agreePrivacy(): Promise<boolean> {
  return true;
}

export async function pickFile(extensions: string[]): Promise<PickedFile | null> {
  const file = await chooseBrowserFile(extensions);
  if (!file) return null;
  return {
    name: file.name,
    size: file.size,
    upload: async (cloudPath) => {
      const res = await fetch(`/api/storage/upload?cloudPath=${encodeURIComponent(cloudPath)}`, { method: 'POST', credentials: 'same-origin', body: file });
      if (!res.ok) throw new TransportError('NETWORK');
      return ((await res.json()) as { fileID: string }).fileID;
    },
  };
}

function chooseBrowserFile(extensions: string[]): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = extensions.map((ext) => `.${ext}`).join(',');
    input.style.display = 'none';
    const done = (file: File | null) => {
      resolve(file);
      input.remove();
    };
    input.addEventListener('change', () => done(input.files?.[0] ?? null));
    input.addEventListener('cancel', () => done(null));
    document.body.appendChild(input);
    input.click();
  });
}

/** The browser saves the file (the temp URL is served by the local cloud, same origin). */
export async function openDocument({ tempFileURL, fileName }: StoredFile): Promise<void> {
  const link = document.createElement('a');
  link.href = tempFileURL;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
}

/** No subscription messages in a browser: a small question stands in for WeChat's sheet, so the flow can be tried locally. */
export async function requestSubscribe(templateIds: string[]): Promise<SubscribeAnswers> {
  try {
    const titles = templateIds.map((id) => Object.values(SUBSCRIPTION_TEMPLATES).find((t) => t.id === id)?.title ?? '提醒');
    const { confirm } = await Taro.showModal({ title: titles[0] ?? '提醒', content: `是否接收${titles.join('、')}？`, confirmText: '接收', cancelText: '不用了' });
    return Object.fromEntries(templateIds.map((id) => [id, confirm ? 'accept' : 'reject']));
  } catch {
    return {};
  }
}

/** The browser's Web Crypto source. */
export async function randomToken(): Promise<string> {
  const source = globalThis.crypto;
  if (!source || typeof source.getRandomValues !== 'function') throw new Error('crypto.getRandomValues is not available');
  return tokenFromBytes(source.getRandomValues(new Uint8Array(TOKEN_LENGTH)));
}
