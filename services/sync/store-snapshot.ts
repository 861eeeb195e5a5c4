import { AppError } from '../../core/app-error';
import type { StoreSnapshot } from '../../core/sync/store-snapshot';
import { readStoreRows } from '../../db/sync/snapshot-rows';
import { joinServer, readSyncState } from '../../db/sync/sync-state';
import type { Store } from '../../db/store';
import type { SyncStore } from './open-sync-store';

/**
 * What `server init` sends from an open store: the partnership, its users with their public keys
 * and keyring slots (never a passphrase or a data key: a slot opens only with its passphrase),
 * and every synced table's rows. Refused unless the user is an administrator and the store has
 * not joined a server already.
 */
export function storeSnapshot(opened: Pick<SyncStore, 'store' | 'keyring' | 'slot'>): StoreSnapshot {
  if (readSyncState(opened.store) !== undefined)
    throw new AppError('ALREADY_SET_UP', 'This store already syncs with a partnership server.');
  const { partnership, users: rows, tables } = readStoreRows(opened.store);
  if (partnership === undefined) throw new AppError('NOT_SET_UP', 'The store holds no partnership.');
  const admin = rows.find((user) => user.id === opened.slot.userId);
  if (admin?.role !== 'administrator') throw new AppError('FORBIDDEN', 'Only an administrator can put a partnership on a server.');
  const users = rows.flatMap((user) => {
    const slot = opened.keyring.slots.find((each) => each.userId === user.id);
    // No slot, or a legacy one without a key pair: that user cannot sign in until they unlock once and init is re-run.
    return slot?.publicKey === undefined
      ? []
      : [{ id: user.id, username: user.username, role: user.role, disabledAt: user.disabled_at, publicKey: slot.publicKey, slot }];
  });
  const { storeId, partnershipName, isDemo, createdAt } = opened.keyring;
  return { partnership, keyring: { storeId, partnershipName, isDemo, createdAt }, users, adminUserId: admin.id, tables };
}

/**
 * After the server has committed a store's snapshot: the store joins it as its first laptop,
 * reference block 1 (its references stay as they are), already holding everything up to `cursor`.
 */
export function joinAsFirstLaptop(
  store: Store,
  link: { serverUrl: string; deviceId: string; userId: string; username: string; cursor: string; joinedAt: string },
): void {
  joinServer(store, { ...link, referenceBlock: 1 });
}
