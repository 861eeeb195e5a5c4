import { AppError } from '../../core/app-error';
import type { StoreSnapshot } from '../../core/sync/store-snapshot';
import { presentSyncedTables, quoteIdentifier, syncedColumns } from '../../db/sync/synced-columns';
import { readSyncState } from '../../db/sync/sync-state';
import type { SyncStore } from './open-sync-store';

/**
 * What `server init` sends from an open store: the partnership, its users with their public keys
 * and keyring slots (never a passphrase or a data key: a slot opens only with its passphrase),
 * and every synced table's rows. Refused unless the user is an administrator and the store has
 * not joined a server already.
 */
export function storeSnapshot(opened: SyncStore): StoreSnapshot {
  const { sqlite } = opened.store;
  if (readSyncState(sqlite) !== undefined) throw new AppError('ALREADY_SET_UP', 'This store already syncs with a partnership server.');
  const partnership = sqlite.prepare('SELECT id, name FROM partnership LIMIT 1').get() as { id: string; name: string } | undefined;
  if (partnership === undefined) throw new AppError('NOT_SET_UP', 'The store holds no partnership.');
  const admin = sqlite.prepare('SELECT id, role FROM users WHERE id = ?').get(opened.slot.userId) as { id: string; role: string } | undefined;
  if (admin?.role !== 'administrator') throw new AppError('FORBIDDEN', 'Only an administrator can put a partnership on a server.');
  const rows = sqlite.prepare('SELECT id, username, role, disabled_at FROM users').all() as Array<{ id: string; username: string; role: string; disabled_at: string | null }>;
  const users = rows.flatMap((user) => {
    const slot = opened.keyring.slots.find((each) => each.userId === user.id);
    // No slot, or a legacy one without a key pair: that user cannot sign in until they unlock once and init is re-run.
    return slot?.publicKey === undefined ? [] : [{ id: user.id, username: user.username, role: user.role, disabledAt: user.disabled_at, publicKey: slot.publicKey, slot }];
  });
  const tables = presentSyncedTables(sqlite).map((entry) => {
    const columns = syncedColumns(sqlite, entry);
    const tableRows = sqlite.prepare(`SELECT ${columns.map(quoteIdentifier).join(', ')} FROM ${quoteIdentifier(entry.table)}`).all() as Array<Record<string, string | number | null>>;
    return { table: entry.table, key: entry.key, rows: tableRows };
  });
  const { storeId, partnershipName, isDemo, createdAt } = opened.keyring;
  return { partnership, keyring: { storeId, partnershipName, isDemo, createdAt }, users, adminUserId: admin.id, tables };
}
