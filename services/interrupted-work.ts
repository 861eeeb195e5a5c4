import { removeHalfWrittenFiles } from '../db/durable-file';
import type { StorePaths } from '../db/store-paths';
import { removeReplacedFolders } from './security/old-key-copies';
import { finishInterruptedRestore } from './security/restore-journal';
import { finishInterruptedRotation } from './security/rotation-journal';

/**
 * Finishes or rolls back what a crash interrupted in the data folder, before anything opens the
 * store: run by every opener (app, host, CLI) right after it takes the folder's lock. Also deletes
 * a restore's `replaced-*` folders older than REPLACED_KEPT_DAYS.
 */
export function finishInterruptedWork(paths: StorePaths, now: Date): void {
  finishInterruptedRestore(paths);
  finishInterruptedRotation(paths);
  // A restore's replaced store is kept a week, not for ever: it may open with a key since replaced.
  removeReplacedFolders(paths, now);
  // Any other durable write (keyrings, the newest-backup record) a crash cut short.
  removeHalfWrittenFiles(paths.dataDir);
}
