import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

/**
 * Files that must survive a crash or a power cut: written, flushed to the disk, and named by a
 * rename that is itself flushed. The journals of rotation and restore depend on this order: a
 * journal step is on disk before the file move it describes begins.
 */

/** Flushes a file's contents to the disk. */
export function fsyncFileSync(file: string): void {
  const descriptor = openSync(file, 'r+');
  try {
    fsyncSync(descriptor);
  } finally {
    closeSync(descriptor);
  }
}

/**
 * Flushes a folder's entries (renames, new and removed files) to the disk. Windows cannot open a
 * folder for this and journals its renames itself, so there the failure is ignored.
 */
export function fsyncFolderSync(folder: string): void {
  let descriptor: number;
  try {
    descriptor = openSync(folder, 'r');
  } catch {
    return;
  }
  try {
    fsyncSync(descriptor);
  } catch {
    // EISDIR/EPERM on platforms that cannot flush a folder: nothing more can be done.
  } finally {
    closeSync(descriptor);
  }
}

/** Writes `text` to `file` atomically and durably: a flushed temporary file renamed over it, then the folder flushed. */
export function writeFileDurablySync(file: string, text: string): void {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  const descriptor = openSync(temporary, 'wx', 0o600);
  try {
    writeSync(descriptor, text);
    fsyncSync(descriptor);
  } finally {
    closeSync(descriptor);
  }
  try {
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  fsyncFolderSync(path.dirname(file));
}

/** Renames `from` to `to` (replacing it) and flushes the folder, so the move survives a power cut. */
export function renameDurablySync(from: string, to: string): void {
  renameSync(from, to);
  fsyncFolderSync(path.dirname(to));
}
