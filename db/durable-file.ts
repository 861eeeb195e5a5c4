import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
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

/** The name writeFileDurablySync gives its temporary file: `.<name>.<12 hex>.tmp`. */
const HALF_WRITTEN = /^\..+\.[0-9a-f]{12}\.tmp$/;

/**
 * Removes the temporary files of durable writes that a crash cut short in `folder`. Only for a
 * folder nobody else is writing to (the data folder, under its lock): the real file was never
 * replaced, so these are debris.
 */
export function removeHalfWrittenFiles(folder: string): void {
  for (const name of readdirSync(folder)) {
    if (HALF_WRITTEN.test(name)) rmSync(path.join(folder, name), { force: true });
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
