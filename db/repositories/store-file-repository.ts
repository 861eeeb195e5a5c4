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

/**
 * Re-encrypts every page of the open store under `newKey` in one transaction (`PRAGMA rekey`).
 * SQLite3 Multiple Ciphers refuses to rekey in WAL mode, so the log is folded in and the journal
 * switches to DELETE for the rekey, and back to WAL whatever happens.
 */
export function rekeyStore(store: Pick<Store, 'sqlite'>, newKey: Buffer): void {
  const { sqlite } = store;
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.pragma('journal_mode = DELETE');
  try {
    sqlite.pragma(`rekey="x'${newKey.toString('hex')}'"`);
  } finally {
    sqlite.pragma('journal_mode = WAL');
  }
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
