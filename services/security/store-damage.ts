import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../core/app-error';
import { writeFileDurablySync } from '../../db/durable-file';
import { newestBackupFileName } from '../../db/repositories/security-repository';
import { storeProblems } from '../../db/repositories/store-file-repository';
import type { Store } from '../../db/store';
import type { StorePaths } from '../../db/store-paths';
import { newestRotationBackup } from './rotation-journal';

/**
 * Beside the store, the newest backup's path and time (no clinical data): a store too damaged to
 * open cannot tell which backup to restore from its own log.
 */
const NEWEST_BACKUP_FILE_NAME = 'newest-backup.json';

/** Records the backup just made as the newest, for the damage message. */
export function recordNewestBackup(paths: StorePaths, file: string, madeAt: string): void {
  writeFileDurablySync(path.join(paths.dataDir, NEWEST_BACKUP_FILE_NAME), `${JSON.stringify({ file, madeAt })}\n`);
}

/** The newest backup to name: the record beside the store, else the store's log, else the newest in `backups/`. */
function newestBackup(paths: StorePaths, store: Pick<Store, 'sqlite'> | undefined): string | undefined {
  try {
    const recorded = JSON.parse(readFileSync(path.join(paths.dataDir, NEWEST_BACKUP_FILE_NAME), 'utf8')) as { file?: unknown };
    if (typeof recorded.file === 'string' && recorded.file.length > 0) return recorded.file;
  } catch {
    // No record (no backup made since this version), or a damaged one: look further.
  }
  const logged = store === undefined ? undefined : newestBackupFileName(store);
  if (logged !== undefined) {
    const automatic = path.join(paths.backupsDir, logged);
    return existsSync(automatic) ? automatic : logged;
  }
  return newestRotationBackup(paths);
}

/** The human error for a damaged store, naming the newest backup; `consequence` says what was not done. */
export function damagedStoreError(paths: StorePaths, store: Pick<Store, 'sqlite'> | undefined, consequence: string): AppError {
  const backup = newestBackup(paths, store);
  return new AppError(
    'STORE_DAMAGED',
    `The store is damaged: restore from backup ${backup ?? '(your most recent backup file)'}. ${consequence}`,
  );
}

/**
 * Throws damagedStoreError when SQLite finds the store damaged: `quick` at every unlock (damage is
 * found the day it happens, not when backups start failing), `full` before every backup (a backup
 * must not copy damage).
 */
export function assertStoreSound(paths: StorePaths, store: Pick<Store, 'sqlite'>, depth: 'quick' | 'full', consequence: string): void {
  if (storeProblems(store, depth).length > 0) throw damagedStoreError(paths, store, consequence);
}
