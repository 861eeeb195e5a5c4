import { AppError } from '../../core/app-error';
import { findSlot, readKeyring, unwrapDataKey, unwrapUserPrivateKey, type Keyring, type KeySlot } from '../../db/keyring';
import { openStore, type Store } from '../../db/store';
import { storePaths } from '../../db/store-paths';

/** A user's key pair for signing in to the partnership server (the private half is the caller's to zero). */
export interface SyncUserKey {
  readonly keyring: Keyring;
  readonly slot: KeySlot;
  readonly userKey: { readonly privateKey: Buffer; readonly publicKey: Buffer };
}

/** A store opened for sync: its keyring, the user's slot and their key pair (the private half zeroed by `close`). */
export interface SyncStore extends SyncUserKey {
  readonly store: Store;
  close(): Promise<void>;
}

/**
 * Unwraps the user's sign-in key pair from their keyring slot in `dataDir`. Refused as a wrong
 * passphrase when the user is unknown or has no key pair yet, so the message confirms no username.
 */
export async function unwrapSyncUserKey(dataDir: string, username: string, passphrase: string): Promise<SyncUserKey> {
  const paths = storePaths(dataDir);
  const keyring = await readKeyring(paths.keyring);
  if (keyring === undefined) throw new AppError('NOT_SET_UP', `No partnership is set up in ${paths.dataDir}.`);
  const slot = findSlot(keyring, username);
  if (slot === undefined || slot.publicKey === undefined)
    throw new AppError('WRONG_PASSPHRASE', 'The username or passphrase is not right.');
  const privateKey = await unwrapUserPrivateKey(keyring, slot, passphrase);
  return { keyring, slot, userKey: { privateKey, publicKey: Buffer.from(slot.publicKey, 'base64') } };
}

/**
 * Opens a store with a user's passphrase for sync tests and tools: the data key opens the store,
 * the user's private key signs in to the server. A second connection next to the app's own is
 * safe (WAL; writes wait their turn). The CLI's `sync` and `server init` open the store through
 * `runAsUser` instead (role check and audit), then take the key pair with `unwrapSyncUserKey`.
 */
export async function openSyncStore(dataDir: string, username: string, passphrase: string): Promise<SyncStore> {
  const key = await unwrapSyncUserKey(dataDir, username, passphrase);
  let store: Store;
  try {
    const dataKey = await unwrapDataKey(key.keyring, key.slot, passphrase);
    try {
      store = await openStore(storePaths(dataDir).database, dataKey, { create: false });
    } finally {
      dataKey.fill(0);
    }
  } catch (error) {
    key.userKey.privateKey.fill(0);
    throw error;
  }
  return {
    ...key,
    store,
    close: async () => {
      key.userKey.privateKey.fill(0);
      await store.close();
    },
  };
}
