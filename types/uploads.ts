import * as v from 'valibot';
import { ATTACHMENT_EXTENSIONS } from './notice';

/**
 * What a member uploads, and where. The client never chooses a storage path: it asks
 * `file.uploadPath` for one under `uploads/<its owner key>/<purpose>/`, and the action that later
 * adopts the file checks that the path is the caller's own.
 */
export const UPLOAD_PURPOSES = ['notice', 'votePhoto', 'roster', 'plan'] as const;
export type UploadPurpose = (typeof UPLOAD_PURPOSES)[number];

/** File name endings each purpose accepts (lower case). */
export const UPLOAD_EXTENSIONS: Record<UploadPurpose, readonly string[]> = {
  notice: Object.values(ATTACHMENT_EXTENSIONS).flat(),
  votePhoto: ['jpg', 'jpeg', 'png'],
  roster: ['xlsx', 'csv'],
  plan: ['txt', 'docx'],
};

const EXTENSION_LIST = [...new Set(Object.values(UPLOAD_EXTENSIONS).flat())];

export const FileUploadPathInput = v.strictObject({
  purpose: v.picklist(UPLOAD_PURPOSES, '不支持上传这类文件'),
  /** Only its ending is used: the stored name is random. */
  extension: v.pipe(v.string('缺少文件类型'), v.toLowerCase(), v.picklist(EXTENSION_LIST, '不支持这种文件类型')),
});

/** Where to upload: a cloudPath for wx.cloud.uploadFile. */
export interface UploadPath {
  cloudPath: string;
}

/** The ending of a file name, lower case, or '' without one. */
export const extensionOf = (fileName: string): string => /\.([A-Za-z0-9]+)$/.exec(fileName.trim())?.[1]?.toLowerCase() ?? '';
