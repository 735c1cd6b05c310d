/**
 * Uploads by organisers, and their adoption by the actions that use them.
 *
 * `file.uploadPath` hands out `uploads/<owner key>/<purpose>/<random>.<ext>`. The storage rules
 * let a client write only a file it created, and no one else knows the random name, so a file at
 * a path under the caller's owner key was uploaded by the caller. An action that adopts an upload
 * checks exactly that (NOT_YOUR_UPLOAD otherwise), reads the file (missing: refused), and, for
 * files that others will see, keeps its own copy under `files/`, which no client can write: what
 * was checked (size, kind) is what members get.
 */
import { ACTIONS, type ActionName } from '../../../../types/actions';
import { UPLOAD_EXTENSIONS, type UploadPurpose } from '../../../../types/uploads';
import { copyPathOf, ownUpload, uploadPath } from '../domain/upload-paths';
import { checkAccess, type Caller } from './caller';
import { DomainError } from './domain-error';
import { downloadBytes, removeQuietly, uploadBytes } from './storage';

/** The action that adopts each purpose's uploads: only its callers may upload for it. */
const ADOPTED_BY: Record<UploadPurpose, ActionName> = {
  notice: 'notice.create',
  votePhoto: 'vote.create',
  roster: 'roster.preview',
  plan: 'plan.preview',
};

/** Where this caller may upload a file for this purpose (FORBIDDEN for a purpose their role cannot use). */
export function uploadPathFor(caller: Caller, purpose: UploadPurpose, extension: string): string {
  checkAccess(caller, ACTIONS[ADOPTED_BY[purpose]].access);
  const allowed = UPLOAD_EXTENSIONS[purpose];
  if (!allowed.includes(extension)) throw new DomainError('INVALID_INPUT', undefined, [{ path: 'extension', message: `这里只能上传 ${allowed.join('、')} 文件` }]);
  return uploadPath(caller.openid, purpose, extension);
}

/** Refuses a file id that is not an upload this caller made for this purpose. */
export function mustBeOwnUpload(fileID: string, openid: string, purpose: UploadPurpose): void {
  if (!ownUpload(fileID, openid, purpose)) throw new DomainError('NOT_YOUR_UPLOAD', undefined, [{ path: 'fileID', message: '请重新上传这个文件' }]);
}

/** The bytes of the caller's own upload; refused when it is not theirs, or was never uploaded. */
export async function readOwnUpload(fileID: string, openid: string, purpose: UploadPurpose, missing: DomainError = new DomainError('UPLOAD_MISSING')): Promise<Buffer> {
  mustBeOwnUpload(fileID, openid, purpose);
  const bytes = await downloadBytes(fileID);
  if (!bytes) throw missing;
  return bytes;
}

/**
 * Adopting uploads into a record others will see (a notice's attachments, a vote's photos). Each
 * upload is copied to `files/<purpose>/…` (domain/upload-paths.ts): saving the same form again
 * finds the copy made the first time, even after the upload is gone.
 */
export class Adoption {
  private readonly taken: string[] = [];

  constructor(private readonly openid: string, private readonly purpose: UploadPurpose) {}

  /** The id the copy of this upload has (or will have), or null when it is not the caller's upload. */
  copyIdOf(fileID: string): string | null {
    const upload = ownUpload(fileID, this.openid, this.purpose);
    return upload && `${upload.root}${copyPathOf(upload, this.purpose)}`;
  }

  /** Reads the caller's upload, checks it, and stores the copy; resolves the copy's file id. */
  async adopt(fileID: string, check: (bytes: Buffer) => void = () => undefined, missing?: DomainError): Promise<string> {
    const bytes = await readOwnUpload(fileID, this.openid, this.purpose, missing);
    check(bytes);
    const copyId = this.copyIdOf(fileID)!;
    const stored = await uploadBytes(copyId.replace(/^cloud:\/\/[^/]+\//, ''), bytes);
    this.taken.push(fileID);
    return stored;
  }

  /** After the record is written: the uploads are no longer needed. */
  async done(): Promise<void> {
    await removeQuietly(this.taken.splice(0));
  }
}
