import { removeHalfWrittenFiles } from '../db/durable-file';
import type { StorePaths } from '../db/store-paths';
import { finishInterruptedRestore } from './security/restore-journal';
import { finishInterruptedRotation } from './security/rotation-journal';

/**
 * Finishes or rolls back what a crash interrupted in the data folder, before anything opens the
 * store: run by every opener (app, host, CLI) right after it takes the folder's lock.
 */
export function finishInterruptedWork(paths: StorePaths): void {
  finishInterruptedRestore(paths);
  finishInterruptedRotation(paths);
  // Any other durable write (keyrings, the newest-backup record) a crash cut short.
  removeHalfWrittenFiles(paths.dataDir);
}
