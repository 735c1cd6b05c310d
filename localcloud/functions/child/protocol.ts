/** Messages between the function pool (parent) and one function instance (child process). */

export interface InvokeMessage {
  type: 'invoke';
  id: number;
  event: unknown;
  /** The SCF-style context object handed to main() as its second argument. */
  context: Record<string, unknown>;
  /** The per-invocation environment (identity, token, endpoint); replaces the previous invocation's. */
  env: Record<string, string>;
  /** The local cloud clock at dispatch; the child's Date continues from it. */
  clockNow: number;
}

export type ParentMessage = InvokeMessage;

export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
}

export type ChildMessage =
  | { type: 'result'; id: number; ok: true; json: string }
  | { type: 'result'; id: number; ok: false; error: SerializedError };
