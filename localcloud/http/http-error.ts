/**
 * A request the server refuses before any function runs (too large, too deep, badly encoded):
 * answered with `status` and `{code, message}`. Messages never echo what the request sent at
 * length, nor any path on this machine.
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export function isHttpError(err: unknown): err is HttpError {
  return err instanceof HttpError;
}
