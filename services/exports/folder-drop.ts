import { createHash, type Hash } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A file dropped into a folder without anyone ever seeing it half-written: the bytes go to a
 * hidden temporary name in the same folder (so the rename is atomic on one file system), and
 * only `commit` gives it its real name. `abort` removes the temporary file.
 */
export class FolderDrop {
  private readonly fd: number;
  private readonly hash: Hash = createHash('sha256');
  private bytesWritten = 0;
  private finished = false;
  readonly temporaryPath: string;
  readonly finalPath: string;

  constructor(
    folder: string,
    /** The file's real name (no folder). */
    readonly fileName: string,
  ) {
    this.finalPath = join(folder, fileName);
    this.temporaryPath = FolderDrop.temporaryPathFor(folder, fileName);
    if (existsSync(this.finalPath)) throw Object.assign(new Error('The file already exists'), { code: 'EEXIST' });
    // 'wx': never overwrite something already there; 0o600: the content is personal data.
    this.fd = openSync(this.temporaryPath, 'wx', 0o600);
  }

  /** The hidden name the file has while it is written: recorded before it exists (unfinished files). */
  static temporaryPathFor(folder: string, fileName: string): string {
    return join(folder, `.${fileName}.partial`);
  }

  /** Appends bytes to the temporary file. */
  write(chunk: string): void {
    const buffer = Buffer.from(chunk, 'utf8');
    writeSync(this.fd, buffer);
    this.hash.update(buffer);
    this.bytesWritten += buffer.byteLength;
  }

  /** Flushes, closes and gives the file its real name. Returns the digest of what was written. */
  commit(): { sha256: string; bytes: number } {
    this.finished = true;
    fsyncSync(this.fd);
    closeSync(this.fd);
    renameSync(this.temporaryPath, this.finalPath);
    return { sha256: this.hash.digest('hex'), bytes: this.bytesWritten };
  }

  /** Closes and deletes the temporary file: nothing is left behind. Safe to call twice. */
  abort(): void {
    if (this.finished) return;
    this.finished = true;
    closeSync(this.fd);
    rmSync(this.temporaryPath, { force: true });
  }
}
