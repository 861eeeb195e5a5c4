import { SYNCED_TABLES, type SyncedTable } from '../../core/sync/synced-tables';
import type { SqliteDatabase } from '../open-store';

/** A SQLite identifier, quoted. Table and column names come from the catalogue and PRAGMA, never from the wire. */
export function quoteIdentifier(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}

/**
 * The columns of a synced table that travel: every column the store has, less the caches its
 * triggers keep. Read from the schema so a column added by a later migration syncs without a
 * change here.
 */
export function syncedColumns(sqlite: SqliteDatabase, entry: SyncedTable): string[] {
  const derived = new Set(entry.derived ?? []);
  const columns = sqlite.pragma(`table_info(${quoteIdentifier(entry.table)})`) as Array<{ name: string }>;
  return columns.map((column) => column.name).filter((name) => !derived.has(name));
}

/** The catalogue's tables that exist in this store (a table from a newer feature may not yet). */
export function presentSyncedTables(sqlite: SqliteDatabase): SyncedTable[] {
  const present = new Set(
    (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>).map((row) => row.name),
  );
  return SYNCED_TABLES.filter((entry) => present.has(entry.table));
}
