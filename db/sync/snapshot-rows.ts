import type { Store } from '../store';
import { presentSyncedTables, quoteIdentifier, syncedColumns } from './synced-columns';

type Row = Record<string, string | number | null>;

/** What `server init` reads from a store (services/sync/store-snapshot.ts assembles it with the keyring). */
export interface StoreRows {
  readonly partnership: { readonly id: string; readonly name: string } | undefined;
  readonly users: ReadonlyArray<{
    readonly id: string;
    readonly username: string;
    readonly role: string;
    readonly disabled_at: string | null;
  }>;
  readonly tables: ReadonlyArray<{ readonly table: string; readonly key: readonly string[]; readonly rows: readonly Row[] }>;
}

/** The partnership, its users and every synced table's rows (the columns that travel), parents first. */
export function readStoreRows(store: Pick<Store, 'sqlite'>): StoreRows {
  const { sqlite } = store;
  const partnership = sqlite.prepare('SELECT id, name FROM partnership LIMIT 1').get() as { id: string; name: string } | undefined;
  const users = sqlite.prepare('SELECT id, username, role, disabled_at FROM users').all() as StoreRows['users'];
  const tables = presentSyncedTables(sqlite).map((entry) => {
    const columns = syncedColumns(sqlite, entry);
    const rows = sqlite.prepare(`SELECT ${columns.map(quoteIdentifier).join(', ')} FROM ${quoteIdentifier(entry.table)}`).all() as Row[];
    return { table: entry.table, key: entry.key, rows };
  });
  return { partnership, users, tables };
}
