import { Kysely, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver } from 'kysely';
import type { SqliteDatabase } from './open-store';
import type { Database } from './schema';

/**
 * Kysely's SQLite driver, except that a rollback SQLite has already done is not attempted again.
 * On SQLITE_FULL, SQLITE_IOERR and some SQLITE_BUSY failures SQLite rolls the transaction back
 * itself; Kysely's `ROLLBACK` then fails with "no transaction is active", and that error replaced
 * the real one, so a full disk was reported as an internal error. Keeping the first error lets
 * `toStoreError` tell the user the disk is full.
 */
class FirstErrorSqliteDriver extends SqliteDriver {
  constructor(private readonly database: SqliteDatabase) {
    super({ database });
  }

  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    if (!this.database.inTransaction) return;
    try {
      await super.rollbackTransaction(connection);
    } catch (rollbackError) {
      // Only a rollback that left the transaction open is worth reporting over the first error.
      if (this.database.inTransaction) throw rollbackError;
    }
  }
}

class FirstErrorSqliteDialect extends SqliteDialect {
  constructor(private readonly database: SqliteDatabase) {
    super({ database });
  }

  override createDriver(): Driver {
    return new FirstErrorSqliteDriver(this.database);
  }
}

/** Wraps an open, keyed connection in a typed Kysely instance. */
export function createKysely(database: SqliteDatabase): Kysely<Database> {
  return new Kysely<Database>({ dialect: new FirstErrorSqliteDialect(database) });
}
