import path from 'node:path';
import { appendAuditEntry } from '../../db/repositories/audit-repository';
import { readKeyring } from '../../db/keyring';
import { storePaths } from '../../db/store-paths';
import { appChannelRule, runAsUser, type CliCaller } from '../session/cli-dispatch';
import { unlockStore } from '../session/unlock-store';
import { cleanUpUnfinishedFiles } from '../unfinished-files';
import { createBackup, restoreBackup } from './backup-service';

/**
 * `workwell-mdt backup`: as its named user, under the app's rules for `backup.create`
 * (administrators only, audited), writes one backup file.
 */
export async function backupStoreCommand(options: {
  dataDir: string;
  out: string;
  username?: string | undefined;
  passphrase: string;
  now: Date;
}): Promise<{ file: string; bytes: number }> {
  const paths = storePaths(options.dataDir);
  const caller: CliCaller = { ...options, now: () => options.now };
  return runAsUser(caller, appChannelRule('backup.create'), { path: options.out }, async (_input, session) => {
    const open = session.require();
    // A backup killed last time left temporary copies beside its file: removed first.
    await cleanUpUnfinishedFiles(open.store, options.now);
    return createBackup(paths, open, options.out, options.now);
  });
}

/**
 * `workwell-mdt restore`: checks the backup with a user's passphrase (from the backup's own
 * keyring) and puts it in the folder; whatever was there is moved aside, never deleted. The app
 * must not have the folder open. Over a partnership's store, it is the app's `backup.restore`: the
 * user must be one of its administrators, and the restore is recorded in the store it replaces.
 * Into a folder with no partnership yet, it is the app's first-run restore (`setup.restoreBackup`,
 * open to any user of the backup). Either way the restored store records who restored it.
 */
export async function restoreStoreCommand(options: {
  dataDir: string;
  from: string;
  username: string;
  passphrase: string;
  confirmPartnership?: string | undefined;
  now: Date;
}): Promise<{ replacedInto: string | null }> {
  const paths = storePaths(options.dataDir);
  const file = path.resolve(options.from);
  const subject = JSON.stringify({ via: 'cli', file: path.basename(file) });
  const restore = (beforeReplace?: () => Promise<void>) =>
    restoreBackup(paths, file, options.username, options.passphrase, options.now, beforeReplace, undefined, options.confirmPartnership);
  const channel = (await readKeyring(paths.keyring)) === undefined ? 'setup.restoreBackup' : 'backup.restore';
  const restored =
    channel === 'setup.restoreBackup'
      ? await restore()
      : await runAsUser(
          { ...options, now: () => options.now },
          { channel, definition: { ...appChannelRule(channel).definition, audit: { action: null } } },
          {
            path: file,
            passphrase: options.passphrase,
            ...(options.confirmPartnership === undefined ? {} : { confirmPartnership: options.confirmPartnership }),
          },
          (_input, session) =>
            restore(async () => {
              const open = session.require();
              appendAuditEntry(open.store, entry(open.user, channel, subject, options.now));
              await session.close();
            }),
        );
  // The restored store says who put it there, and when.
  const unlocked = await unlockStore(paths, options.username, options.passphrase);
  unlocked.dataKey.fill(0);
  try {
    appendAuditEntry(unlocked.store, entry(unlocked.user, channel, subject, options.now));
  } finally {
    await unlocked.store.close();
  }
  return restored;
}

function entry(user: { userId: string; username: string }, channel: string, subjectJson: string, now: Date) {
  return {
    at: now.toISOString(),
    userId: user.userId,
    username: user.username,
    action: 'configure',
    channel,
    participantId: null,
    subjectJson,
    outcome: 'ok',
  };
}
