import type { Store } from '../store';

/** What is being written and by whom (see the unfinished_files migration). */
export interface UnfinishedFile {
  readonly path: string;
  readonly kind: 'fhir_export' | 'backup';
  readonly destination: string;
  readonly userId: string | null;
  readonly username: string | null;
  readonly startedAt: string;
}

interface UnfinishedFileRow {
  readonly path: string;
  readonly kind: string;
  readonly destination: string;
  readonly user_id: string | null;
  readonly username: string | null;
  readonly started_at: string;
}

/** Records files about to be created, committed before their first byte is written. */
export function recordUnfinishedFiles(store: Pick<Store, 'sqlite'>, files: readonly UnfinishedFile[]): void {
  const { sqlite } = store;
  const insert = sqlite.prepare(
    'INSERT OR REPLACE INTO unfinished_files (path, kind, destination, user_id, username, started_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  sqlite.transaction(() => {
    for (const file of files) insert.run(file.path, file.kind, file.destination, file.userId, file.username, file.startedAt);
  })();
}

/**
 * Forgets finished files; `alongside` runs in the same transaction (the export-log entry), so a
 * crash never leaves a file both logged and still listed as unfinished, or neither.
 */
export function forgetUnfinishedFiles(store: Pick<Store, 'sqlite'>, paths: readonly string[], alongside?: () => void): void {
  const { sqlite } = store;
  const remove = sqlite.prepare('DELETE FROM unfinished_files WHERE path = ?');
  sqlite.transaction(() => {
    alongside?.();
    for (const path of paths) remove.run(path);
  })();
}

/** Every file still listed as being written, oldest first. */
export function listUnfinishedFiles(store: Pick<Store, 'sqlite'>): UnfinishedFile[] {
  const rows = store.sqlite
    .prepare('SELECT path, kind, destination, user_id, username, started_at FROM unfinished_files ORDER BY started_at, path')
    .all() as UnfinishedFileRow[];
  return rows.map((row) => ({
    path: row.path,
    kind: row.kind === 'backup' ? 'backup' : 'fhir_export',
    destination: row.destination,
    userId: row.user_id,
    username: row.username,
    startedAt: row.started_at,
  }));
}
