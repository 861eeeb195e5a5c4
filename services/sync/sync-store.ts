import type { Clock } from '../../core/clock';
import { storePaths } from '../../db/store-paths';
import { openSyncStore } from './open-sync-store';
import { syncOnce, type SyncReport } from './sync-once';

/**
 * `workwell-mdt sync`: opens the store in `dataDir` with the user's passphrase, pushes their
 * waiting changes and pulls once, then closes it.
 */
export async function syncStore(options: {
  dataDir: string;
  username: string;
  passphrase: string;
  clock: Clock;
  formatVersion?: number;
}): Promise<SyncReport> {
  const opened = await openSyncStore(options.dataDir, options.username, options.passphrase);
  try {
    return await syncOnce(opened.store, { userId: opened.slot.userId, username: options.username, ...opened.userKey }, options.clock, {
      formatVersion: options.formatVersion,
      keyringPath: storePaths(options.dataDir).keyring,
    });
  } finally {
    await opened.close();
  }
}
