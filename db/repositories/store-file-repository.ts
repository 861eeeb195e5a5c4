import { openEncryptedDatabase } from '../open-store';
import type { Store } from '../store';

/**
 * Writes a consistent copy of the open store to `file` with `VACUUM INTO`: still encrypted under
 * the data key, and the store stays open and usable while it is made. `file` must not exist yet.
 */
export function copyStoreInto(store: Pick<Store, 'sqlite'>, file: string): void {
  // The path is bound as a parameter, so no quoting issue.
  store.sqlite.prepare('VACUUM INTO ?').run(file);
}

/** Whether the store file at `file` opens with the data key and passes SQLite's quick check. */
export function storeFilePassesQuickCheck(file: string, dataKey: Buffer): boolean {
  const database = openEncryptedDatabase(file, dataKey, { create: false });
  try {
    return database.pragma('quick_check', { simple: true }) === 'ok';
  } finally {
    database.close();
  }
}
