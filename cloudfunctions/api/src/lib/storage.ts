/**
 * Cloud storage as the request function uses it. Clients cannot read files they did not upload
 * (the storage rules in the README), so every file a member sees comes from an action that
 * checked they may, as a temp URL that lasts minutes.
 */
import type { StoredFile } from '../../../../types/files';
import { exportPath } from '../domain/upload-paths';
import { cloud } from './cloud';

/** How long a temp URL handed to a member works: long enough to open the file, too short to pass around. */
export const TEMP_URL_SECONDS = 10 * 60;
/** getTempFileURL takes at most 50 files per request. */
const TEMP_URL_BATCH = 50;

/** Uploads bytes to cloud storage at this path; resolves the fileID. */
export async function uploadBytes(cloudPath: string, content: Buffer): Promise<string> {
  const { fileID } = (await cloud.uploadFile({ cloudPath, fileContent: content })) as { fileID: string };
  return fileID;
}

/** The bytes of a stored file, or null when there is no such file. */
export async function downloadBytes(fileID: string): Promise<Buffer | null> {
  try {
    return ((await cloud.downloadFile({ fileID })) as { fileContent: Buffer }).fileContent;
  } catch {
    return null;
  }
}

/** Deletes files whose work is done; a failure only leaves an unreachable file behind. */
export async function removeQuietly(fileIDs: string[]): Promise<void> {
  if (fileIDs.length === 0) return;
  try {
    await cloud.deleteFile({ fileList: fileIDs });
  } catch {
    // Nobody can reach the file without its random name; it only takes space.
  }
}

/** A temporary download URL for a stored file. */
export async function tempUrlOf(fileID: string): Promise<string> {
  const url = (await tempUrlsOf([fileID]))[fileID];
  if (!url) throw new Error(`getTempFileURL failed for ${fileID}`);
  return url;
}

/** Temporary download URLs by file id, 50 per request; files that failed are left out. */
export async function tempUrlsOf(fileIDs: string[]): Promise<Record<string, string>> {
  const unique = [...new Set(fileIDs)];
  const urls: Record<string, string> = {};
  for (let i = 0; i < unique.length; i += TEMP_URL_BATCH) {
    const batch = unique.slice(i, i + TEMP_URL_BATCH);
    const { fileList } = (await cloud.getTempFileURL({ fileList: batch.map((fileID) => ({ fileID, maxAge: TEMP_URL_SECONDS })) })) as {
      fileList: Array<{ fileID: string; tempFileURL: string; status: number }>;
    };
    for (const f of fileList) if (f.status === 0 && f.tempFileURL) urls[f.fileID] = f.tempFileURL;
  }
  return urls;
}

/**
 * An export (.xlsx) for the organiser who asked: stored at `exports/<kind>/<random>.xlsx`, so no
 * one can find it from the vote or activity it came from, and handed back as a temp URL.
 */
export async function storeExport(kind: 'activity' | 'vote' | 'proposal-report', content: Buffer, fileName: string): Promise<StoredFile> {
  const fileID = await uploadBytes(exportPath(kind), content);
  return { fileID, tempFileURL: await tempUrlOf(fileID), fileName };
}
