import Taro from '@tarojs/taro';
import type { PickedFile, SubscribeAnswers, StoredFile } from './types';

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

/** Downloads the file, then opens WeChat's document viewer; its menu forwards the file to a chat. */
/** By fileID through the cloud, so no download domain has to be allowed in the mini-program's settings. */
export async function openDocument({ fileID, fileName }: StoredFile): Promise<void> {
  ensureCloud();
  const { tempFilePath } = await Taro.cloud.downloadFile({ fileID });
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
