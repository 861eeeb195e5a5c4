import { acquireStoreLock } from '../db/store-lock';
import { storePaths } from '../db/store-paths';
import { finishInterruptedWork } from './interrupted-work';

/**
 * Runs `work` holding the data folder's lock (db/store-lock.ts): for CLI commands, which hold it
 * for their duration. Throws AppError('STORE_IN_USE') naming the holder if another window, host
 * or command has the folder open. A rotation or restore a crash interrupted is finished or rolled
 * back first.
 */
export async function withDataFolderLock<T>(dataDir: string, program: string, now: Date, work: () => Promise<T>): Promise<T> {
  const lock = acquireStoreLock(dataDir, program, now);
  try {
    finishInterruptedWork(storePaths(dataDir));
    return await work();
  } finally {
    lock.release();
  }
}
