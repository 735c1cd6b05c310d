/**
 * Which files the app stores, by kind and purpose. Plain constants, no schema library: the gateway
 * (main package) reads them, and the weapp main package has a size budget.
 */
export const ATTACHMENT_KINDS = ['image', 'pdf', 'excel', 'word'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];
/** File name endings a notice attachment may have, by kind. */
export const ATTACHMENT_EXTENSIONS: Record<AttachmentKind, string[]> = {
  image: ['jpg', 'jpeg', 'png'],
  pdf: ['pdf'],
  excel: ['xlsx', 'xls'],
  word: ['docx', 'doc'],
};

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

/** The ending of a file name, lower case, or '' without one. */
export const extensionOf = (fileName: string): string => /\.([A-Za-z0-9]+)$/.exec(fileName.trim())?.[1]?.toLowerCase() ?? '';
