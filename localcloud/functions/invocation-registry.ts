import type { InvocationIdentity } from './invocation-env';

export interface InvocationRecord {
  readonly token: string;
  readonly functionName: string;
  readonly identity: InvocationIdentity;
  readonly source: string;
  readonly parent: InvocationRecord | null;
  /** Database requests made by this invocation and by the functions it called. */
  dbRequests: number;
}

/**
 * Ties SDK requests back to the invocation that made them. Every invocation gets a unique
 * WX_API_TOKEN, and node-sdk sends it as `wxCloudApiToken` on each request (spec §1.3): the
 * server learns who is calling (for callFunction identity and openapi permissions) and counts
 * database requests per call.
 */
export class InvocationRegistry {
  private readonly live = new Map<string, InvocationRecord>();

  begin(record: Omit<InvocationRecord, 'dbRequests'>): InvocationRecord {
    const full: InvocationRecord = { ...record, dbRequests: 0 };
    this.live.set(record.token, full);
    return full;
  }

  end(token: string): void {
    this.live.delete(token);
  }

  lookup(token: unknown): InvocationRecord | undefined {
    return typeof token === 'string' && token ? this.live.get(token) : undefined;
  }

  countDatabaseRequest(token: unknown): void {
    // A callee's requests count for its callers too: "requests made by this call" includes nested calls.
    for (let record = this.lookup(token) ?? null; record; record = record.parent) record.dbRequests++;
  }
}
