import type { Store } from '../store';
import { presentSyncedTables, quoteIdentifier, syncedColumns } from './synced-columns';

const PREFIX = 'sync_capture_';

function jsonObject(row: 'NEW' | 'OLD', columns: readonly string[]): string {
  return `json_object(${columns.map((column) => `'${column}', ${row}.${quoteIdentifier(column)}`).join(', ')})`;
}

function jsonKey(row: 'NEW' | 'OLD', key: readonly string[]): string {
  return `json_array(${key.map((column) => `CAST(${row}.${quoteIdentifier(column)} AS TEXT)`).join(', ')})`;
}

/**
 * (Re)creates the change-capture triggers: after each insert, update (of a synced column) or
 * delete on a synced table, the row's new state and the state it had before are written to
 * `sync_capture`, inside the same transaction as the change. Only while `sync_state.capturing` is
 * 1: never on a solo store (no row, no triggers) nor while pulled rows are being applied. Made at
 * join and again at each sync, so columns added by later migrations are captured too.
 */
export function installCaptureTriggers(store: Pick<Store, 'sqlite'>): void {
  const { sqlite } = store;
  const existing = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'sync\\_capture\\_%' ESCAPE '\\'")
    .all() as Array<{ name: string }>;
  const when = 'WHEN (SELECT capturing FROM sync_state WHERE id = 1) = 1';
  sqlite.transaction(() => {
    for (const { name } of existing) sqlite.exec(`DROP TRIGGER ${quoteIdentifier(name)}`);
    for (const entry of presentSyncedTables(sqlite)) {
      const columns = syncedColumns(sqlite, entry);
      const table = quoteIdentifier(entry.table);
      const insert = (key: string, row: string, base: string) =>
        `INSERT INTO sync_capture (table_name, key_json, row_json, base_json) VALUES ('${entry.table}', ${key}, ${row}, ${base});`;
      sqlite.exec(`CREATE TRIGGER ${PREFIX}${entry.table}_insert AFTER INSERT ON ${table} ${when}
        BEGIN ${insert(jsonKey('NEW', entry.key), jsonObject('NEW', columns), 'NULL')} END`);
      sqlite.exec(`CREATE TRIGGER ${PREFIX}${entry.table}_update AFTER UPDATE OF ${columns.map(quoteIdentifier).join(', ')} ON ${table} ${when}
        BEGIN ${insert(jsonKey('NEW', entry.key), jsonObject('NEW', columns), jsonObject('OLD', columns))} END`);
      sqlite.exec(`CREATE TRIGGER ${PREFIX}${entry.table}_delete AFTER DELETE ON ${table} ${when}
        BEGIN ${insert(jsonKey('OLD', entry.key), 'NULL', jsonObject('OLD', columns))} END`);
    }
  })();
}
