/**
 * What a member uploads, and where. The client never chooses a storage path: it asks
 * `file.uploadPath` for one under `uploads/<its owner key>/<purpose>/`, and the action that later
 * adopts the file checks that the path is the caller's own. Plain constants, no schema library:
 * the gateway (weapp main package, which has a size budget) reads them.
 */
export const UPLOAD_PURPOSES = ['notice', 'votePhoto', 'roster', 'plan'] as const;
export type UploadPurpose = (typeof UPLOAD_PURPOSES)[number];

/** File name endings each purpose accepts (lower case). */
export const UPLOAD_EXTENSIONS: Record<UploadPurpose, readonly string[]> = {
  // A notice's attachments: types/notice.ts ATTACHMENT_EXTENSIONS, flattened (a unit test holds them equal).
  notice: ['jpg', 'jpeg', 'png', 'pdf', 'xlsx', 'xls', 'docx', 'doc'],
  votePhoto: ['jpg', 'jpeg', 'png'],
  roster: ['xlsx', 'csv'],
  plan: ['txt', 'docx'],
};

/** The ending of a file name, lower case, or '' without one. */
export const extensionOf = (fileName: string): string => /\.([A-Za-z0-9]+)$/.exec(fileName.trim())?.[1]?.toLowerCase() ?? '';
