import { AppError } from '../core/app-error';
import { roleSchema } from '../core/roles';
import type { SignedInUser } from '../core/schemas/session';
import { findSlot, readKeyring, unwrapDataKey, type Keyring } from '../db/keyring';
import { findUserById } from '../db/repositories/user-repository';
import { openStore, type Store } from '../db/store';
import type { StorePaths } from '../db/store-paths';

/**
 * Unwraps the data key with a user's passphrase, opens the store and loads the user. The data key
 * buffer is zeroed as soon as the store is keyed.
 */
export async function unlockStore(
  paths: StorePaths,
  username: string,
  passphrase: string,
): Promise<{ store: Store; user: SignedInUser; keyring: Keyring }> {
  const keyring = await readKeyring(paths.keyring);
  if (keyring === undefined) throw new AppError('NOT_SET_UP', 'No partnership is set up in this data folder yet.');
  const slot = findSlot(keyring, username);
  if (slot === undefined) {
    // Same message as a wrong passphrase: the unlock screen must not confirm which usernames exist.
    throw new AppError('WRONG_PASSPHRASE', 'The username or passphrase is not right.');
  }
  const dataKey = await unwrapDataKey(keyring, slot, passphrase);
  let store: Store;
  try {
    store = await openStore(paths.database, dataKey, { create: false });
  } finally {
    dataKey.fill(0);
  }
  try {
    const row = await findUserById(store.db, slot.userId);
    if (row === undefined || row.disabled_at !== null) {
      throw new AppError('WRONG_PASSPHRASE', 'The username or passphrase is not right.');
    }
    const user: SignedInUser = { userId: row.id, username: row.username, displayName: row.display_name, role: roleSchema.parse(row.role) };
    return { store, user, keyring };
  } catch (error) {
    await store.close();
    throw error;
  }
}
