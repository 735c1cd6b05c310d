import Taro from '@tarojs/taro';
import type { PickedFile } from './types';

let ready = false;

function ensureCloud(): void {
  if (ready) return;
  Taro.cloud.init({ env: process.env.TARO_APP_CLOUD_ENV || undefined, traceUser: true });
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
  } catch {
    return null; // cancelled
  }
}
