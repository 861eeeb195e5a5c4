import { AppError } from '../../core/app-error';
import { findSlot, readKeyring, unwrapDataKey, unwrapUserPrivateKey, type Keyring, type KeySlot } from '../../db/keyring';
import { openStore, type Store } from '../../db/store';
import { storePaths } from '../../db/store-paths';

/** A store opened for sync: its keyring, the user's slot and their key pair (the private half zeroed by `close`). */
export interface SyncStore {
  readonly store: Store;
  readonly keyring: Keyring;
  readonly slot: KeySlot;
  readonly userKey: { readonly privateKey: Buffer; readonly publicKey: Buffer };
  close(): Promise<void>;
}

/**
 * Opens a store with a user's passphrase for `sync` and `server init`: the data key opens the
 * store, the user's private key signs in to the server. A second connection next to the app's own
 * is safe (WAL; writes wait their turn).
 */
export async function openSyncStore(dataDir: string, username: string, passphrase: string): Promise<SyncStore> {
  const paths = storePaths(dataDir);
  const keyring = await readKeyring(paths.keyring);
  if (keyring === undefined) throw new AppError('NOT_SET_UP', `No partnership is set up in ${paths.dataDir}.`);
  const slot = findSlot(keyring, username);
  if (slot === undefined || slot.publicKey === undefined)
    throw new AppError('WRONG_PASSPHRASE', 'The username or passphrase is not right.');
  const dataKey = await unwrapDataKey(keyring, slot, passphrase);
  let store: Store;
  try {
    store = await openStore(paths.database, dataKey, { create: false });
  } finally {
    dataKey.fill(0);
  }
  const privateKey = await unwrapUserPrivateKey(keyring, slot, passphrase);
  return {
    store,
    keyring,
    slot,
    userKey: { privateKey, publicKey: Buffer.from(slot.publicKey, 'base64') },
    close: async () => {
      privateKey.fill(0);
      await store.close();
    },
  };
}
