import type { Store } from '../store';
import { installCaptureTriggers } from './capture-triggers';

/** This store's link to its partnership server (one row once joined). */
export interface SyncState {
  readonly serverUrl: string;
  readonly deviceId: string;
  readonly userId: string;
  readonly username: string;
  readonly cursor: string;
  readonly lastMutationId: number;
  readonly lastPushedMutationId: number;
  readonly lastSyncedAt: string | null;
}

/** The store's sync settings, or undefined for a solo store. */
export function readSyncState(store: Pick<Store, 'sqlite'>): SyncState | undefined {
  const { sqlite } = store;
  const row = sqlite
    .prepare(
      'SELECT server_url, device_id, user_id, username, cursor, last_mutation_id, last_pushed_mutation_id, last_synced_at FROM sync_state WHERE id = 1',
    )
    .get() as
    | {
        server_url: string;
        device_id: string;
        user_id: string;
        username: string;
        cursor: string;
        last_mutation_id: number;
        last_pushed_mutation_id: number;
        last_synced_at: string | null;
      }
    | undefined;
  if (row === undefined) return undefined;
  return {
    serverUrl: row.server_url,
    deviceId: row.device_id,
    userId: row.user_id,
    username: row.username,
    cursor: row.cursor,
    lastMutationId: row.last_mutation_id,
    lastPushedMutationId: row.last_pushed_mutation_id,
    lastSyncedAt: row.last_synced_at,
  };
}

/** How many participant references one laptop's block holds: far more than a partnership registers. */
export const REFERENCE_BLOCK_SIZE = 1_000_000;

/**
 * Joins the store to a server: records the link, moves the reference counter into this laptop's
 * block (two laptops registering offline must never make the same WW- number; the number also
 * keys the local search index, so it stays numeric), and starts capturing changes.
 */
export function joinServer(
  store: Pick<Store, 'sqlite'>,
  link: { serverUrl: string; deviceId: string; userId: string; username: string; cursor: string; referenceBlock: number; joinedAt: string },
): void {
  const { sqlite } = store;
  sqlite.transaction(() => {
    sqlite
      .prepare('INSERT INTO sync_state (id, server_url, device_id, user_id, username, cursor, joined_at) VALUES (1, ?, ?, ?, ?, ?, ?)')
      .run(link.serverUrl, link.deviceId, link.userId, link.username, link.cursor, link.joinedAt);
    const floor = (link.referenceBlock - 1) * REFERENCE_BLOCK_SIZE;
    sqlite.prepare("UPDATE reference_counters SET value = max(value, ?) WHERE name = 'participant'").run(floor);
  })();
  installCaptureTriggers(store);
}

/** Moves the pull cursor on (after the pulled rows are applied). */
export function saveCursor(store: Pick<Store, 'sqlite'>, cursor: string): void {
  const { sqlite } = store;
  sqlite.prepare('UPDATE sync_state SET cursor = ? WHERE id = 1').run(cursor);
}

/** Records a finished sync, for "last synced at". */
export function markSynced(store: Pick<Store, 'sqlite'>, at: string, lastPushedMutationId: number): void {
  const { sqlite } = store;
  sqlite
    .prepare('UPDATE sync_state SET last_synced_at = ?, last_pushed_mutation_id = max(last_pushed_mutation_id, ?) WHERE id = 1')
    .run(at, lastPushedMutationId);
}
