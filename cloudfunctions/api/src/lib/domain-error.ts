import type { ErrorCode } from '../../../../types/errors';
import type { FieldIssue } from '../../../../types/envelope';

/** A refusal the caller should see, with a stable code. Thrown by handlers and domain rules. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail?: string,
    readonly issues?: FieldIssue[],
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'DomainError';
  }
}

export const fail = (code: ErrorCode, detail?: string): never => {
  throw new DomainError(code, detail);
};
