import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../../core/app-error';
import { renameDurablySync, writeFileDurablySync } from '../../db/durable-file';
import { KEYRING_COPY_FILE_NAME, parseKeyring, writeKeyringSync, type Keyring } from '../../db/keyring';
import type { StorePaths } from '../../db/store-paths';

/**
 * The journal of a restore's file moves, written (flushed) once the incoming store is complete and
 * checked and before anything in the folder moves. It holds what the moves need: the folder the
 * current files go to and the backup's keyring. A start that finds it finishes the restore
 * (finishInterruptedRestore): the incoming file is known good, so carrying on is always possible.
 *
 * Order of the moves, each durable: every current store file into `replaced-<time>/`, then
 * `workwell.db.restoring` renamed to `workwell.db`, then the keyring written; the journal goes last.
 */
const journalSchema = z.strictObject({
  format: z.literal('workwell-mdt-restore'),
  /** The folder name (inside the data folder) the replaced files go to. */
  replacedInto: z.string().regex(/^replaced-[0-9TZ-]+$/),
  keyring: z.unknown(),
});

/** The steps of the replacing, in order; a test kills the process after each one. */
export type RestoreStep = 'journal-written' | `moved-aside:${string}` | 'store-in-place' | 'keyring-written';

/** The incoming store while a restore is under way. */
export function incomingStoreFile(paths: StorePaths): string {
  return `${paths.database}.restoring`;
}

export function restoreJournalFile(paths: StorePaths): string {
  return path.join(paths.dataDir, 'restore-journal.json');
}

/** The store files a restore moves aside, whichever exist. */
function currentStoreFiles(paths: StorePaths): string[] {
  const keyringCopy = path.join(paths.dataDir, KEYRING_COPY_FILE_NAME);
  return [paths.database, `${paths.database}-wal`, `${paths.database}-shm`, paths.keyring, keyringCopy, paths.pendingKeyring].filter(
    (each) => existsSync(each),
  );
}

/**
 * Puts the checked incoming store (`workwell.db.restoring`) and its keyring in place, journaled:
 * see the journal above. Synchronous from the journal on, so nothing else touches the folder.
 * Returns the folder the replaced files went to, or null when there were none.
 */
export function replaceStoreFiles(
  paths: StorePaths,
  keyring: Keyring,
  replacedName: string,
  afterStep: (step: RestoreStep) => void = () => undefined,
): string | null {
  const hadFiles = currentStoreFiles(paths).length > 0;
  writeFileDurablySync(
    restoreJournalFile(paths),
    `${JSON.stringify({ format: 'workwell-mdt-restore', replacedInto: replacedName, keyring })}\n`,
  );
  afterStep('journal-written');
  carryOn(paths, replacedName, keyring, afterStep);
  return hadFiles ? path.join(paths.dataDir, replacedName) : null;
}

function carryOn(paths: StorePaths, replacedName: string, keyring: Keyring, afterStep: (step: RestoreStep) => void): void {
  const incoming = incomingStoreFile(paths);
  if (existsSync(incoming)) {
    // The incoming file is still beside the store: every current file goes aside first.
    const replacedInto = path.join(paths.dataDir, replacedName);
    for (const each of currentStoreFiles(paths)) {
      mkdirSync(replacedInto, { recursive: true, mode: 0o700 });
      renameDurablySync(each, path.join(replacedInto, path.basename(each)));
      afterStep(`moved-aside:${path.basename(each)}`);
    }
    renameDurablySync(incoming, paths.database);
    afterStep('store-in-place');
  }
  writeKeyringSync(paths.keyring, keyring);
  afterStep('keyring-written');
  rmSync(restoreJournalFile(paths), { force: true });
}

/**
 * Finishes a restore a crash interrupted; runs at every start, holding the folder's lock, before
 * the store opens. Without a journal, an incoming file is a restore that never began replacing
 * anything (or was refused): it is deleted and the store in place stays.
 */
export function finishInterruptedRestore(paths: StorePaths): 'none' | 'finished' {
  const journalFile = restoreJournalFile(paths);
  if (!existsSync(journalFile)) {
    rmSync(incomingStoreFile(paths), { force: true });
    for (const name of readdirSync(paths.dataDir))
      if (name.startsWith('.restore-journal.json.') && name.endsWith('.tmp')) rmSync(path.join(paths.dataDir, name), { force: true });
    return 'none';
  }
  let journal: z.infer<typeof journalSchema>;
  let keyring: Keyring;
  try {
    journal = journalSchema.parse(JSON.parse(readFileSync(journalFile, 'utf8')));
    keyring = parseKeyring(journal.keyring);
  } catch {
    throw new AppError(
      'NOT_A_STORE',
      'An interrupted restore left a damaged journal, so it cannot be finished. Restore the backup again (Restore a backup, or `workwell-mdt restore`).',
    );
  }
  carryOn(paths, journal.replacedInto, keyring, () => undefined);
  return 'finished';
}

/**
 * What an interrupted restore may have left (a store without its keyring, `replaced-*`, an
 * incoming file, a journal):
 * while any is there, the first-run screen offers to finish the restore, never to set up anew.
 */
export function interruptedRestoreTraces(paths: StorePaths): string[] {
  let names: string[];
  try {
    names = readdirSync(paths.dataDir);
  } catch {
    return [];
  }
  const traces = [path.basename(paths.database), path.basename(incomingStoreFile(paths)), path.basename(restoreJournalFile(paths))];
  return names.filter((name) => traces.includes(name) || name.startsWith('replaced-')).sort();
}
