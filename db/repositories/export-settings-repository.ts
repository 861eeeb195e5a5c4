import type { ExportSettingTable } from '../schema';
import type { Store } from '../store';

/** One export setting as stored (the token among them: never send it to the renderer or a log). */
export type ExportSettingRow = Pick<ExportSettingTable, 'key' | 'value' | 'updated_at'>;

/** Every export setting. Synchronous: the export reads its destinations between batches. */
export function listExportSettings(store: Pick<Store, 'sqlite'>): ExportSettingRow[] {
  return store.sqlite.prepare('SELECT key, value, updated_at FROM export_settings').all() as ExportSettingRow[];
}

/** Sets each of these settings (adding any not stored yet), all in one transaction, as changed by `userId` at `at`. */
export function saveExportSettingValues(
  store: Pick<Store, 'sqlite'>,
  values: ReadonlyArray<{ key: string; value: string }>,
  userId: string,
  at: string,
): void {
  const { sqlite } = store;
  const upsert = sqlite.prepare(
    'INSERT INTO export_settings (key, value, updated_by, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_by = excluded.updated_by, updated_at = excluded.updated_at',
  );
  sqlite.transaction(() => {
    for (const { key, value } of values) upsert.run(key, value, userId, at);
  })();
}
