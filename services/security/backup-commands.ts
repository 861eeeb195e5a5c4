import { storePaths } from '../../db/store-paths';
import { onlyUsername } from '../session/store-commands';
import { unlockStore } from '../session/unlock-store';
import { cleanUpUnfinishedFiles } from '../unfinished-files';
import { createBackup, restoreBackup } from './backup-service';

/** `workwell-mdt backup`: unlocks with a user's passphrase, writes one backup file, closes. */
export async function backupStoreCommand(options: {
  dataDir: string;
  out: string;
  username?: string | undefined;
  passphrase: string;
  now: Date;
}): Promise<{ file: string; bytes: number }> {
  const paths = storePaths(options.dataDir);
  const unlocked = await unlockStore(paths, options.username ?? (await onlyUsername(paths.keyring)), options.passphrase);
  try {
    // A backup killed last time left temporary copies beside its file: removed first.
    await cleanUpUnfinishedFiles(unlocked.store, options.now);
    const open = {
      store: unlocked.store,
      user: unlocked.user,
      partnershipName: unlocked.keyring.partnershipName,
      isDemo: unlocked.keyring.isDemo,
      dataKey: unlocked.dataKey,
    };
    return await createBackup(paths, open, options.out, options.now);
  } finally {
    unlocked.dataKey.fill(0);
    await unlocked.store.close();
  }
}

/**
 * `workwell-mdt restore`: checks the backup with a user's passphrase (from the backup's own
 * keyring) and puts it in the folder; whatever was there is moved aside, never deleted. The app
 * must not have the folder open.
 */
export async function restoreStoreCommand(options: {
  dataDir: string;
  from: string;
  username: string;
  passphrase: string;
  now: Date;
}): Promise<{ replacedInto: string | null }> {
  return restoreBackup(storePaths(options.dataDir), options.from, options.username, options.passphrase, options.now);
}
