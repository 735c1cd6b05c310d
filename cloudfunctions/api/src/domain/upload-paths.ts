/**
 * Storage paths of uploads and of the files made from them. Pure: no cloud calls.
 *
 * - An upload: `uploads/<owner key>/<purpose>/<32 hex>.<ext>`, handed out by `file.uploadPath`.
 *   The owner key is a hash of the uploader's openid, so no file id carries an openid.
 * - A copy an action keeps of an adopted upload: `files/<purpose>/<32 hex>.<ext>`, the name a hash
 *   of the upload's own random name, so saving the same form twice finds the same copy.
 * - An export: `exports/<kind>/<32 hex>.xlsx`.
 * Every name carries 128 random bits (directly, or through a hash of a random name).
 */
import { createHash, randomBytes } from 'node:crypto';
import { UPLOAD_EXTENSIONS, type UploadPurpose } from '../../../../types/uploads';

/** 32 hex characters: 128 random bits. */
export const randomName = (): string => randomBytes(16).toString('hex');

const hash32 = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 32);

/** The uploader's folder name. */
export const ownerKey = (openid: string): string => hash32(`jgzj-upload-owner\n${openid}`);

export const uploadPath = (openid: string, purpose: UploadPurpose, extension: string): string =>
  `uploads/${ownerKey(openid)}/${purpose}/${randomName()}.${extension}`;

export const exportPath = (kind: string): string => `exports/${kind}/${randomName()}.xlsx`;

const UPLOAD_ID = /^(cloud:\/\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\/)uploads\/([0-9a-f]{32})\/([A-Za-z]+)\/([0-9a-f]{32})\.([a-z0-9]+)$/;

export interface OwnUpload {
  /** `cloud://<env>.<bucket>/` */
  root: string;
  name: string;
  extension: string;
}

/** The parts of a file id if it is this openid's upload for this purpose, else null. */
export function ownUpload(fileID: string, openid: string, purpose: UploadPurpose): OwnUpload | null {
  const match = UPLOAD_ID.exec(fileID);
  if (!match) return null;
  const [, root, owner, folder, name, extension] = match;
  if (owner !== ownerKey(openid) || folder !== purpose || !UPLOAD_EXTENSIONS[purpose].includes(extension!)) return null;
  return { root: root!, name: name!, extension: extension! };
}

/** The cloudPath of the copy kept of an upload. */
export const copyPathOf = (upload: OwnUpload, purpose: UploadPurpose): string => `files/${purpose}/${hash32(`jgzj-adopted\n${upload.name}`)}.${upload.extension}`;
