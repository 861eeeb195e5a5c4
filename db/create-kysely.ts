import { Kysely, SqliteDialect } from 'kysely';
import type { SqliteDatabase } from './open-store';
import type { Database } from './schema';

/** Wraps an open, keyed connection in a typed Kysely instance. */
export function createKysely(database: SqliteDatabase): Kysely<Database> {
  return new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
}
