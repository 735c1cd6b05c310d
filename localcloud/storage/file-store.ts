import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { bucketKey, type ObjectRef } from './file-ids';

/** Objects as plain files: `<root>/<env>.<bucket>/<path>`, so a developer can look at them. */
export class FileStore {
  constructor(readonly root: string) {
    mkdirSync(root, { recursive: true });
  }

  fileOf(ref: ObjectRef): string {
    const file = join(this.root, bucketKey(ref), ...ref.path.split('/'));
    // Paths are validated before they get here; this is the last line of defence.
    if (!file.startsWith(this.root + sep)) throw new Error(`object path escapes the storage folder: ${ref.path}`);
    return file;
  }

  write(ref: ObjectRef, bytes: Buffer): void {
    const file = this.fileOf(ref);
    mkdirSync(dirname(file), { recursive: true });
    // Write then rename: a reader never sees half a file.
    const tmp = `${file}.uploading-${process.pid}-${Date.now()}`;
    writeFileSync(tmp, bytes);
    renameSync(tmp, file);
  }

  read(ref: ObjectRef): Buffer | null {
    try {
      return readFileSync(this.fileOf(ref));
    } catch {
      return null;
    }
  }

  exists(ref: ObjectRef): boolean {
    try {
      return statSync(this.fileOf(ref)).isFile();
    } catch {
      return false;
    }
  }

  remove(ref: ObjectRef): boolean {
    if (!this.exists(ref)) return false;
    rmSync(this.fileOf(ref));
    return true;
  }
}
