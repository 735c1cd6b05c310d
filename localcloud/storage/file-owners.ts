import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

/**
 * Who created each stored object (the cloud's `resource.openid`), by `<env>.<bucket>/<path>`.
 * Objects a cloud function wrote have no entry: no client owns them. Kept as one JSON file in the
 * storage folder, so ownership survives a restart as the files do.
 */
export class FileOwners {
  private readonly owners: Map<string, string>;

  constructor(private readonly file: string) {
    this.owners = new Map(existsSync(file) ? Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : []);
  }

  ownerOf(key: string): string | null {
    return this.owners.get(key) ?? null;
  }

  /** Records the creator (an openid), or that a cloud function wrote or removed the object (null). */
  set(key: string, openid: string | null): void {
    if (openid === null ? !this.owners.delete(key) : this.owners.get(key) === openid) return;
    if (openid !== null) this.owners.set(key, openid);
    const tmp = `${this.file}.writing`;
    writeFileSync(tmp, JSON.stringify(Object.fromEntries(this.owners)));
    renameSync(tmp, this.file);
  }
}
