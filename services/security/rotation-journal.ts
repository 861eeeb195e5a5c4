import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../../core/app-error';
import { renameDurablySync, writeFileDurablySync } from '../../db/durable-file';
import { parseKeyring, writeKeyringSync } from '../../db/keyring';
import type { StorePaths } from '../../db/store-paths';
import { noteRotationCompleted } from './rotation-completed-note';

/**
 * The journal of a data-key rotation (services/security/key-rotation.ts), written before any file
 * of the rotation exists. Phase `copying`: the old key is in force; the copy under the new key
 * (`workwell.db.rotating`) and the new keyring (`keyring.next.json`) may be partial or absent.
 * Phase `swapping`: the copy is complete and flushed; the rotation only has to be carried on.
 * The next start reads it (finishInterruptedRotation) and rolls back or forward, so the store file
 * in place and the keyring always hold the same key.
 */
const journalSchema = z.strictObject({
  format: z.literal('workwell-mdt-rotation'),
  phase: z.enum(['copying', 'swapping']),
  /** The backup the rotation made under the old key before it started (file name, in `backups/`). */
  backupFile: z.string().min(1).max(300),
  /** When the rotation started (ISO): recorded as the rotation time when a start has to finish it. */
  startedAt: z.string().max(40).optional(),
});
export type RotationJournal = z.infer<typeof journalSchema>;

/** Writes the journal durably (flushed, atomically renamed, folder flushed). */
export function writeRotationJournal(paths: StorePaths, journal: RotationJournal): void {
  writeFileDurablySync(paths.rotationJournal, `${JSON.stringify(journalSchema.parse(journal))}\n`);
}

/**
 * The backup folder's newest backup (`before-rotation-*`, or `after-rotation-*` once a rotation is
 * complete), by the time in its name, for a message when a store does not open.
 */
export function newestRotationBackup(paths: StorePaths): string | undefined {
  let names: string[];
  try {
    names = readdirSync(paths.backupsDir);
  } catch {
    return undefined;
  }
  const dated = (name: string) => name.replace(/^(before|after)-rotation-/, '');
  const newest = names
    .filter((name) => /^(before|after)-rotation-.*\.wwbackup$/.test(name))
    .sort((a, b) => dated(a).localeCompare(dated(b)))
    .at(-1);
  return newest === undefined ? undefined : path.join(paths.backupsDir, newest);
}

function removeCopy(paths: StorePaths): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(`${paths.rotatingDatabase}${suffix}`, { force: true });
}

/** The temporary files of an atomic write of the journal or the new keyring that a crash cut short. */
function removeHalfWritten(paths: StorePaths): void {
  const prefixes = [paths.pendingKeyring, paths.rotationJournal].map((file) => `.${path.basename(file)}.`);
  for (const name of readdirSync(paths.dataDir)) {
    if (name.endsWith('.tmp') && prefixes.some((prefix) => name.startsWith(prefix)))
      rmSync(path.join(paths.dataDir, name), { force: true });
  }
}

/**
 * Finishes or rolls back a rotation a crash interrupted. Runs at every start, holding the data
 * folder's lock and before the store is opened. Synchronous: nothing may touch the files meanwhile.
 * Returns what it did, for the log.
 */
export function finishInterruptedRotation(paths: StorePaths): 'none' | 'rolled-back' | 'finished' {
  removeHalfWritten(paths);
  if (!existsSync(paths.rotationJournal)) {
    // A copy without a journal was never going to be used (the journal comes first).
    if (existsSync(paths.rotatingDatabase)) removeCopy(paths);
    return 'none';
  }
  let journal: RotationJournal;
  try {
    journal = journalSchema.parse(JSON.parse(readFileSync(paths.rotationJournal, 'utf8')));
  } catch {
    const backup = newestRotationBackup(paths);
    throw new AppError(
      'NOT_A_STORE',
      `An interrupted key rotation left a damaged journal, so the store was not opened.${backup === undefined ? '' : ` Restore the backup the rotation made: ${backup}.`}`,
    );
  }
  if (journal.phase === 'copying') {
    removeCopy(paths);
    rmSync(paths.pendingKeyring, { force: true });
    rmSync(paths.rotationJournal, { force: true });
    return 'rolled-back';
  }
  if (existsSync(paths.rotatingDatabase)) {
    // The copy is complete and the old file was never written after it was made (the swap is one
    // synchronous step): the old file's WAL holds nothing the copy lacks, and is under the old key.
    for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${paths.database}${suffix}`, { force: true });
    for (const suffix of ['-journal', '-wal', '-shm']) rmSync(`${paths.rotatingDatabase}${suffix}`, { force: true });
    renameDurablySync(paths.rotatingDatabase, paths.database);
  }
  if (existsSync(paths.pendingKeyring)) {
    // Written atomically before the journal said `swapping`, so it is whole.
    writeKeyringSync(paths.keyring, parseKeyring(JSON.parse(readFileSync(paths.pendingKeyring, 'utf8'))));
    rmSync(paths.pendingKeyring, { force: true });
  }
  // The new key is in force: the copies under the old one go at the next unlock (old-key-copies.ts).
  noteRotationCompleted(paths, journal.startedAt ?? null);
  rmSync(paths.rotationJournal, { force: true });
  return 'finished';
}
