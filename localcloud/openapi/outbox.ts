import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';

/** One subscription message the functions tried to send: delivered, or refused by (scripted) WeChat. */
export interface OutboxEntry {
  /** WeChat's msgid for a delivered message. */
  msgid?: number;
  touser: string;
  templateId: string;
  page?: string;
  /** The template data as sent, e.g. { thing1: { value: '...' } }. */
  data: Record<string, unknown>;
  miniprogramState?: string;
  lang?: string;
  /** Local cloud clock time of the send (epoch ms). */
  at: number;
  /** The function that sent it. */
  fromFunction?: string;
  result: 'delivered' | 'refused';
  errcode: number;
  errmsg: string;
}

/**
 * What would have left the cloud towards users' WeChat, appended to `<dataDir>/outbox.jsonl`
 * (one JSON object per line: durable, greppable, survives restarts).
 */
export class Outbox {
  private readonly entries: OutboxEntry[] = [];

  constructor(private readonly file: string) {
    if (!existsSync(file)) return;
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      try {
        this.entries.push(JSON.parse(line) as OutboxEntry);
      } catch {
        // A line cut short by a crash is skipped; the rest of the outbox stays readable.
      }
    }
  }

  append(entry: OutboxEntry): void {
    appendFileSync(this.file, `${JSON.stringify(entry)}\n`);
    this.entries.push(entry);
  }

  /** Oldest first. Refusals are left out unless asked for. */
  list(options: { includeRefused?: boolean } = {}): OutboxEntry[] {
    return this.entries.filter((e) => options.includeRefused || e.result === 'delivered').map((e) => ({ ...e }));
  }

  clear(): void {
    this.entries.length = 0;
    writeFileSync(this.file, '');
  }
}
