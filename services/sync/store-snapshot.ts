import { AppError } from '../../core/app-error';
import type { StoreSnapshot } from '../../core/sync/store-snapshot';
import { assignmentIsValid, assignmentRolledBack, rolesAreSigned, trustedAdministratorKeys } from '../../db/role-assignment';
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
  // The server takes each role as an administrator signed it (issue 18 item 1), never the store's
  // column, which any holder of the data key can edit: checked here against the keys this
  // administrator's own slot trusts, so a role forged in another user's slot never reaches it.
  const trusted = trustedAdministratorKeys(opened.keyring, opened.slot.anchor?.administrators ?? []);
  const forged: string[] = [];
  const users = rows.flatMap((user) => {
    const slot = opened.keyring.slots.find((each) => each.userId === user.id);
    // No slot, or a legacy one without a key pair: that user cannot sign in until they unlock once and init is re-run.
    if (slot?.publicKey === undefined) return [];
    const signed = assignmentIsValid(opened.keyring.storeId, slot, trusted) && !assignmentRolledBack(opened.keyring, slot);
    if (!signed && user.disabled_at === null && rolesAreSigned(opened.keyring)) forged.push(user.username);
    const role = signed ? slot.role.role : user.role;
    return [{ id: user.id, username: user.username, role, disabledAt: user.disabled_at, publicKey: slot.publicKey, slot }];
  });
  if (forged.length > 0)
    throw new AppError(
      'FORBIDDEN',
      `These accounts' roles are not signed by an administrator you trust: ${forged.join(', ')}. Nothing was put on the server. Check them and save their roles (Settings → Users) first.`,
    );
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
