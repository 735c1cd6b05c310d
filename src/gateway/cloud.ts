/**
 * The one gateway to the cloud. Every screen calls actions through `call`; nothing else in the app
 * knows whether it runs in WeChat (Taro.cloud) or in a browser against the local cloud (fetch).
 */
import Taro from '@tarojs/taro';
import type { ActionInput, ActionName, ActionOutput } from '../../types/actions';
import type { Envelope, FieldIssue } from '../../types/envelope';
import { CLIENT_ERROR_MESSAGES, type ClientErrorCode, type ErrorCode } from '../../types/errors';

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
let cloudReady = false;

function ensureWeappCloud(): void {
  if (cloudReady) return;
  Taro.cloud.init({ env: process.env.TARO_APP_CLOUD_ENV || undefined, traceUser: true });
  cloudReady = true;
}

const clientFailure = (code: ClientErrorCode): Envelope<never> => ({ ok: false, code, message: CLIENT_ERROR_MESSAGES[code] });

/** Sends one event to the request function and returns its envelope, whatever the runtime. */
async function send(event: { action: string; input: unknown }): Promise<Envelope<unknown>> {
  if (process.env.TARO_ENV === 'weapp') {
    ensureWeappCloud();
    const res = await Taro.cloud.callFunction({ name: REQUEST_FUNCTION, data: event });
    return res.result as Envelope<unknown>;
  }
  const res = await fetch(`/api/functions/${REQUEST_FUNCTION}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ data: event }),
  });
  if (res.status === 401) {
    // Local mode only: pick who to act as on the local cloud's sign-in page.
    window.location.assign('/__dev/signin');
    return clientFailure('NOT_SIGNED_IN');
  }
  if (!res.ok) return clientFailure('NETWORK');
  return ((await res.json()) as { result: Envelope<unknown> }).result;
}

const isEnvelope = (value: unknown): value is Envelope<unknown> =>
  typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';

export interface CallOptions {
  /** Don't show the error toast: the caller shows the error itself (forms, list states). */
  silent?: boolean;
}

/** Calls one action. Resolves with its data; rejects with a CloudCallError after showing its message. */
export async function call<A extends ActionName>(action: A, input: ActionInput<A>, options: CallOptions = {}): Promise<ActionOutput<A>> {
  let envelope: Envelope<unknown>;
  try {
    const answer = await send({ action, input });
    envelope = isEnvelope(answer) ? answer : clientFailure('NETWORK');
  } catch {
    envelope = clientFailure('NETWORK');
  }
  if (envelope.ok) return envelope.data as ActionOutput<A>;
  if (!options.silent) void Taro.showToast({ title: envelope.message, icon: 'none', duration: 2500 });
  throw new CloudCallError(envelope.code, envelope.message, envelope.issues);
}

/** A file the person picked, ready to upload to cloud storage. */
export interface PickedFile {
  name: string;
  size: number;
  upload(cloudPath: string): Promise<string>;
}

/**
 * Lets the person pick a file: in WeChat from a chat (chooseMessageFile), in a browser from disk.
 * Resolves null when they cancel.
 */
export async function pickFile(extensions: string[]): Promise<PickedFile | null> {
  if (process.env.TARO_ENV === 'weapp') {
    ensureWeappCloud();
    try {
      const { tempFiles } = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: extensions });
      const file = tempFiles[0];
      if (!file) return null;
      return {
        name: file.name,
        size: file.size,
        upload: async (cloudPath) => (await Taro.cloud.uploadFile({ cloudPath, filePath: file.path })).fileID,
      };
    } catch {
      return null; // cancelled
    }
  }
  const file = await chooseBrowserFile(extensions);
  if (!file) return null;
  return {
    name: file.name,
    size: file.size,
    upload: async (cloudPath) => {
      const res = await fetch(`/api/storage/upload?cloudPath=${encodeURIComponent(cloudPath)}`, {
        method: 'POST',
        credentials: 'same-origin',
        body: file,
      });
      if (!res.ok) throw new CloudCallError('NETWORK', CLIENT_ERROR_MESSAGES.NETWORK);
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
    input.addEventListener('change', () => {
      resolve(input.files?.[0] ?? null);
      input.remove();
    });
    input.addEventListener('cancel', () => {
      resolve(null);
      input.remove();
    });
    document.body.appendChild(input);
    input.click();
  });
}
