import * as v from 'valibot';
import { UPLOAD_EXTENSIONS, UPLOAD_PURPOSES } from './file-kinds';

export { extensionOf, UPLOAD_EXTENSIONS, UPLOAD_PURPOSES, type UploadPurpose } from './file-kinds';

const EXTENSION_LIST = [...new Set(Object.values(UPLOAD_EXTENSIONS).flat())];

/** `file.uploadPath`: where to upload a file for one purpose. */
export const FileUploadPathInput = v.strictObject({
  purpose: v.picklist(UPLOAD_PURPOSES, '不支持上传这类文件'),
  /** Only the file's ending is sent: the stored name is random. */
  extension: v.pipe(v.string('缺少文件类型'), v.toLowerCase(), v.picklist(EXTENSION_LIST, '不支持这种文件类型')),
});

/** Where to upload: a cloudPath for wx.cloud.uploadFile. */
export interface UploadPath {
  cloudPath: string;
}
