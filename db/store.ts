import type { Kysely } from 'kysely';
import { recordAuditHeadSync } from './audit-head';
import { createKysely } from './create-kysely';
import { migrateToLatest } from './migrate';
import { openEncryptedDatabase, type SqliteDatabase } from './open-store';
import type { Database } from './schema';

/** An open, keyed, migrated store. */
export interface Store {
  readonly db: Kysely<Database>;
  /** The raw connection, for bulk work where Kysely's per-row overhead matters. */
  readonly sqlite: SqliteDatabase;
  close(): Promise<void>;
}

/**
 * Opens the encrypted store with the data key and migrates it to the code's schema. On any error
 * the connection is closed before the error is rethrown.
 */
export async function openStore(file: string, dataKey: Buffer, options: { create: boolean }): Promise<Store> {
  const sqlite = openEncryptedDatabase(file, dataKey, options);
  const db = createKysely(sqlite);
  try {
    await migrateToLatest(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return storeOver(sqlite, db);
}

/**
 * Opens, synchronously, a store file known to be migrated already: the copy a data-key rotation
 * has just made of the open store. Synchronous so the session can move to it without an `await`
 * in which another call could write to the file being replaced.
 */
export function openMigratedStoreSync(file: string, dataKey: Buffer): Store {
  const sqlite = openEncryptedDatabase(file, dataKey, { create: false });
  return storeOver(sqlite, createKysely(sqlite));
}

function storeOver(sqlite: SqliteDatabase, db: Kysely<Database>): Store {
  let closed = false;
  return {
    db,
    sqlite,
    async close() {
      if (closed) return;
      closed = true;
      // Fold the WAL back into the main file so a closed store is a single encrypted file. On a
      // full disk the main file cannot grow: the committed pages stay in the (encrypted) WAL, the
      // next open folds them in, and closing must still close, or the data folder stays locked.
      try {
        recordAuditHeadSync({ sqlite });
        if (sqlite.open) sqlite.pragma('wal_checkpoint(TRUNCATE)');
      } catch {
        // Nothing is lost: SQLite replays the WAL at the next open.
      } finally {
        await db.destroy();
      }
    },
  };
}
