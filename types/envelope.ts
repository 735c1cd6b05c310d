import type { ClientErrorCode, ErrorCode } from './errors';

/** Where an input problem is, for forms: a dotted path and a Chinese message. */
export interface FieldIssue {
  path: string;
  message: string;
}

/** The one response shape of every cloud action. */
export type Envelope<T> =
  | { ok: true; data: T }
  | { ok: false; code: ErrorCode | ClientErrorCode; message: string; issues?: FieldIssue[] };

