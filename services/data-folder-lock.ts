import { acquireStoreLock } from '../db/store-lock';
import { toEnvironmentError } from '../db/store-errors';
import { storePaths } from '../db/store-paths';
import { finishInterruptedWork } from './interrupted-work';

/**
 * Runs `work` holding the data folder's lock (db/store-lock.ts): for CLI commands, which hold it
 * for their duration. Throws AppError('STORE_IN_USE') naming the holder if another window, host
 * or command has the folder open. A rotation or restore a crash interrupted is finished or rolled
 * back first. A full disk, a busy or damaged store or an I/O error comes out as its typed error
 * (DISK_FULL, STORE_BUSY, STORE_DAMAGED, STORE_IO), so the CLI's exit message says what happened
 * rather than SQLite's wording.
 */
export async function withDataFolderLock<T>(dataDir: string, program: string, now: Date, work: () => Promise<T>): Promise<T> {
  try {
    const lock = acquireStoreLock(dataDir, program, now);
    try {
      finishInterruptedWork(storePaths(dataDir), now);
      return await work();
    } finally {
      lock.release();
    }
  } catch (error) {
    throw toEnvironmentError(error) ?? error;
  }
}
