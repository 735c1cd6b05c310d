/**
 * The error every local-cloud backend part throws when a request fails the way the real cloud
 * would fail it. `code` is the cloud's string code (the SDK maps it to its numeric errCode, see
 * wx-server-sdk-emulation.md §4.1); `message` is what the SDK appends to its errMsg.
 */
export class CloudError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = 'CloudError';
  }
}

/** The string codes the database engine uses (spellings as the cloud sends them, typos included). */
export const DbErrorCode = {
  COLLECTION_NOT_EXIST: 'DATABASE_COLLECTION_NOT_EXIST',
  COLLECTION_ALREADY_EXIST: 'DATABASE_COLLECTION_ALREADY_EXIST',
  REQUEST_FAILED: 'DATABASE_REQUEST_FAILED',
  INVALID_OPERATOR: 'DATABASE_INVALID_OPERRATOR',
  TRANSACTION_CONFLICT: 'DATABASE_TRANSACTION_CONFLICT',
  TRANSACTION_FAIL: 'DATABASE_TRANSACTION_FAIL',
  INVALID_PARAM: 'INVALID_PARAM',
} as const;

export function isCloudError(e: unknown): e is CloudError {
  return e instanceof CloudError;
}
