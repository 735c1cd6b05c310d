/**
 * Committed state: one SQLite file (the source of truth) mirrored in memory for fast queries.
 * Every batch of changes is written in ONE SQLite transaction and only then applied to memory,
 * so a failed write leaves both unchanged. WAL + synchronous=FULL: once `apply` returns, the
 * change survives kill -9 (and power loss, as far as the disk honours fsync).
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { EJSON } from 'bson';
import { Doc, decodeStored, encodeDoc } from './ejson';

/** A stored document: the decoded object (never mutated) and its canonical EJSON text. */
export interface Entry {
  readonly obj: Doc;
  readonly text: string;
}

/** One document's transition; `before`/`after` null mean absent. */
export interface Change {
  coll: string;
  key: string;
  before: Entry | null;
  after: Entry | null;
}

/** Read access to a state of the database (committed, or a transaction's snapshot). */
export interface View {
  hasCollection(coll: string): boolean;
  get(coll: string, key: string): Entry | undefined;
  /** Documents in natural (insertion) order. */
  list(coll: string): Entry[];
}

/** Map key of an _id: strings as themselves, other types (numbers, ...) by their EJSON, so 1 and '1' differ. */
export function idKey(id: unknown): string {
  return typeof id === 'string' ? id : '\u0000' + EJSON.stringify({ v: id as never }, { relaxed: false });
}

export function makeEntry(obj: Doc): Entry {
  return { obj, text: encodeDoc(obj) };
}

export class Store implements View {
  private readonly db: Database.Database;
  private readonly colls = new Map<string, Map<string, Entry>>();
  private readonly stmt: {
    addColl: Database.Statement;
    insert: Database.Statement;
    update: Database.Statement;
    remove: Database.Statement;
  };
  private readonly applyTx: (changes: Change[]) => void;

  constructor(file: string) {
    if (file !== ':memory:' && !file.startsWith('file:')) fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    // FULL: the WAL is fsynced at every commit, so an acknowledged write is on disk.
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS collections (name TEXT PRIMARY KEY, created_at INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS documents (
        coll TEXT NOT NULL,
        id   TEXT NOT NULL,
        body TEXT NOT NULL,
        UNIQUE (coll, id)
      );
    `);
    this.stmt = {
      addColl: this.db.prepare('INSERT OR IGNORE INTO collections (name, created_at) VALUES (?, ?)'),
      insert: this.db.prepare('INSERT INTO documents (coll, id, body) VALUES (?, ?, ?)'),
      update: this.db.prepare('UPDATE documents SET body = ? WHERE coll = ? AND id = ?'),
      remove: this.db.prepare('DELETE FROM documents WHERE coll = ? AND id = ?'),
    };
    this.applyTx = this.db.transaction((changes: Change[]) => {
      for (const c of changes) {
        if (c.after === null) this.stmt.remove.run(c.coll, c.key);
        else if (c.before === null) this.stmt.insert.run(c.coll, c.key, c.after.text);
        else this.stmt.update.run(c.after.text, c.coll, c.key);
      }
    });
    this.load();
  }

  private load(): void {
    for (const row of this.db.prepare('SELECT name FROM collections ORDER BY rowid').all() as { name: string }[]) {
      this.colls.set(row.name, new Map());
    }
    // rowid order = insertion order (UPDATE keeps the rowid), i.e. MongoDB's natural order.
    const rows = this.db.prepare('SELECT coll, id, body FROM documents ORDER BY rowid').iterate() as Iterable<{ coll: string; id: string; body: string }>;
    for (const row of rows) {
      let docs = this.colls.get(row.coll);
      if (!docs) this.colls.set(row.coll, (docs = new Map()));
      docs.set(row.id, { obj: decodeStored(row.body), text: row.body });
    }
  }

  hasCollection(coll: string): boolean {
    return this.colls.has(coll);
  }

  collections(): string[] {
    return [...this.colls.keys()];
  }

  createCollection(name: string): boolean {
    if (this.colls.has(name)) return false;
    this.stmt.addColl.run(name, Date.now());
    this.colls.set(name, new Map());
    return true;
  }

  get(coll: string, key: string): Entry | undefined {
    return this.colls.get(coll)?.get(key);
  }

  list(coll: string): Entry[] {
    const docs = this.colls.get(coll);
    return docs ? [...docs.values()] : [];
  }

  /** [key, entry] pairs in natural order (a live iterator: consume before writing). */
  keyed(coll: string): Iterable<[string, Entry]> {
    return this.colls.get(coll)?.entries() ?? [];
  }

  isEmpty(): boolean {
    for (const docs of this.colls.values()) if (docs.size > 0) return false;
    return true;
  }

  /** Persist then mirror. Throws (with nothing changed) if SQLite refuses. */
  apply(changes: Change[]): void {
    if (changes.length === 0) return;
    this.applyTx(changes);
    for (const c of changes) {
      const docs = this.colls.get(c.coll);
      if (!docs) continue; // collections are never dropped; defensive only
      if (c.after === null) docs.delete(c.key);
      else docs.set(c.key, c.after);
    }
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
