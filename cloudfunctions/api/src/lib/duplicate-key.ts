/**
 * A write refused because its `_id` exists already. The cloud answers DATABASE_REQUEST_FAILED,
 * which wx-server-sdk turns into errCode -502001 with the database's own text in errMsg
 * ("E11000 duplicate key error …"). -502001 alone means any database failure, so both must hold:
 * anything else is a real error and must reach the caller.
 */
export function isDuplicateKey(error: unknown): boolean {
  const { errCode, errMsg } = (error ?? {}) as { errCode?: unknown; errMsg?: unknown };
  return errCode === -502001 && typeof errMsg === 'string' && /E11000|duplicate key/i.test(errMsg);
}
