import { storePaths } from '../../db/store-paths';
import type { SqliteDatabase } from '../../db/open-store';
import { unlockStore } from '../../services/session/unlock-store';

/** Unlocks a closed store as a user, runs `read` on it and closes it: for checking what a command left on disk. */
export async function queryStore<T>(
  dataDir: string,
  username: string,
  passphrase: string,
  read: (sqlite: SqliteDatabase) => T,
): Promise<T> {
  const { store, dataKey } = await unlockStore(storePaths(dataDir), username, passphrase);
  dataKey.fill(0);
  try {
    return read(store.sqlite);
  } finally {
    await store.close();
  }
}
