import type { ColumnType } from 'kysely';

/** A timestamptz the database fills in (`DEFAULT now()`): read as a Date, never written by the app. */
type DatabaseTimestamp = ColumnType<Date, never, never>;

/**
 * One row (id = 1) describing the server database itself. `schema_version` is the number of
 * migrations applied, so `/health` and operators can see which server built the schema without
 * reading Kysely's bookkeeping tables.
 */
export interface ServerMetaTable {
  id: ColumnType<number, number | undefined, never>;
  schema_version: number;
  created_at: DatabaseTimestamp;
  /** When a server last brought the schema up to date. */
  migrated_at: ColumnType<Date, never, Date>;
}

/** A WorkWell partnership served by this server. */
export interface PartnershipsTable {
  id: string;
  name: string;
  created_at: DatabaseTimestamp;
}

/**
 * The partnership server's PostgreSQL schema as Kysely sees it. Each migration that adds a table
 * adds its interface here (a test compares this with the migrated database); the sync protocol's
 * tables come later.
 */
export interface ServerDatabase {
  server_meta: ServerMetaTable;
  partnerships: PartnershipsTable;
}
