import { cloud } from './cloud';

const HOUR_S = 60 * 60;

/** Uploads bytes to cloud storage at this path; resolves the fileID. */
export async function uploadBytes(cloudPath: string, content: Buffer): Promise<string> {
  const { fileID } = (await cloud.uploadFile({ cloudPath, fileContent: content })) as { fileID: string };
  return fileID;
}

/** A temporary download URL for a stored file, valid for an hour. */
export async function tempUrlOf(fileID: string, maxAge = HOUR_S): Promise<string> {
  const { fileList } = (await cloud.getTempFileURL({ fileList: [{ fileID, maxAge }] })) as {
    fileList: Array<{ fileID: string; tempFileURL: string; status: number; errMsg?: string }>;
  };
  const file = fileList[0];
  if (!file || file.status !== 0 || !file.tempFileURL) throw new Error(`getTempFileURL failed: ${file?.errMsg ?? 'no file'}`);
  return file.tempFileURL;
}

/** Temporary download URLs for several files in one request, by file id; files that failed are left out. */
export async function tempUrlsOf(fileIDs: string[], maxAge = HOUR_S): Promise<Record<string, string>> {
  const unique = [...new Set(fileIDs)];
  if (unique.length === 0) return {};
  const { fileList } = (await cloud.getTempFileURL({ fileList: unique.map((fileID) => ({ fileID, maxAge })) })) as {
    fileList: Array<{ fileID: string; tempFileURL: string; status: number }>;
  };
  return Object.fromEntries(fileList.filter((f) => f.status === 0 && f.tempFileURL).map((f) => [f.fileID, f.tempFileURL]));
}
