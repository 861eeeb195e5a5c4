import { DEMO_PARTNERSHIP } from '../../core/demo-partnership';
import { waitingMutations } from '../../db/sync/outbox';
import { readSyncState } from '../../db/sync/sync-state';
import { openSyncStore } from '../../services/sync/open-sync-store';
import { signIn } from '../../services/sync/sync-client';

/** Reads a store's outbox (or anything else raw) through a second connection, as `sync` would (demo passphrase). */
export async function withStore<T>(
  dataDir: string,
  username: string,
  read: (opened: Awaited<ReturnType<typeof openSyncStore>>) => T | Promise<T>,
): Promise<T> {
  const opened = await openSyncStore(dataDir, username, DEMO_PARTNERSHIP.passphrase);
  try {
    return await read(opened);
  } finally {
    await opened.close();
  }
}

/** Signs in to the server as the store's laptop, for calls below `sync`. */
export async function sessionFor(dataDir: string, username: string) {
  return withStore(dataDir, username, async (opened) => {
    const state = readSyncState(opened.store)!;
    const session = await signIn(state.serverUrl, { username, deviceId: state.deviceId, ...opened.userKey });
    return { session, state, waiting: waitingMutations(opened.store, { userId: opened.slot.userId }) };
  });
}
