import type { Clock } from '../../core/clock';
import { ALL_ROLES } from '../../core/roles';
import { emptyInputSchema } from '../../core/schemas/session';
import { storePaths } from '../../db/store-paths';
import { runAsUser, type CliRule } from '../session/cli-dispatch';
import { unwrapSyncUserKey } from './open-sync-store';
import { syncOnce, type SyncReport } from './sync-once';

/**
 * The app syncs in the background for whoever is signed in, so `sync` is open to every role (each
 * sends only their own laptop's changes; the server re-checks every one). It is audited as an
 * `export` on `cli.sync`, written as it starts so the entry goes to the server in the same push
 * (a sync that leaves its own entry behind would never be "in step").
 */
const SYNC_RULE: CliRule = {
  channel: 'cli.sync',
  definition: { access: ALL_ROLES, input: emptyInputSchema, audit: { action: 'export' } },
  recordAtStart: true,
};

/**
 * `workwell-mdt sync`: unlocks the store in `dataDir` as the user (refused for a revoked user, as
 * at the app's unlock), pushes their waiting changes and pulls once, then closes it.
 */
export async function syncStore(options: {
  dataDir: string;
  username: string;
  passphrase: string;
  clock: Clock;
  formatVersion?: number;
}): Promise<SyncReport> {
  const caller = { dataDir: options.dataDir, username: options.username, passphrase: options.passphrase, now: options.clock };
  return runAsUser(caller, SYNC_RULE, {}, async (_input, session) => {
    const open = session.require();
    const { userKey } = await unwrapSyncUserKey(options.dataDir, options.username, options.passphrase);
    try {
      return await syncOnce(open.store, { userId: open.user.userId, username: options.username, ...userKey }, options.clock, {
        formatVersion: options.formatVersion,
        keyringPath: storePaths(options.dataDir).keyring,
      });
    } finally {
      userKey.privateKey.fill(0);
    }
  });
}
