import type { Clock } from '../core/clock';
import { runAsUser, type CliRule } from '../services/session/cli-dispatch';
import { unwrapSyncUserKey } from '../services/sync/open-sync-store';
import { joinAsFirstLaptop, storeSnapshot } from '../services/sync/store-snapshot';
import { emptyInputSchema } from '../core/schemas/session';
import { createServerDatabase } from '../server/server-database';
import { importStoreSnapshot, type ServerInitResult } from '../server/sync-init';

/**
 * Putting a partnership on a server is an administrator's choice (the app has no screen for it):
 * audited as `configure` on `cli.server-init`, refusals recorded as the app's are.
 */
const SERVER_INIT_RULE: CliRule = {
  channel: 'cli.server-init',
  definition: { access: ['administrator'], input: emptyInputSchema, audit: { action: 'configure' } },
};

/**
 * `workwell-mdt server init`: as the named administrator (role check and audit as in the app),
 * puts the store in `dataDir` on the server's database, then joins the store to the server at
 * `serverUrl` as its first laptop (only after the server has committed).
 */
export async function initServerFromStore(options: {
  databaseUrl: string;
  dataDir: string;
  username: string;
  passphrase: string;
  serverUrl: string;
  clock: Clock;
}): Promise<ServerInitResult> {
  const caller = { dataDir: options.dataDir, username: options.username, passphrase: options.passphrase, now: options.clock };
  return runAsUser(caller, SERVER_INIT_RULE, {}, async (_input, session) => {
    const { store } = session.require();
    const { keyring, slot, userKey } = await unwrapSyncUserKey(options.dataDir, options.username, options.passphrase);
    // Only the slot's public half is sent (inside the snapshot): the private key is not needed here.
    userKey.privateKey.fill(0);
    const snapshot = storeSnapshot({ store, keyring, slot });
    const db = createServerDatabase(options.databaseUrl, { maxConnections: 2 });
    let result: ServerInitResult;
    try {
      result = await importStoreSnapshot(db, snapshot);
    } finally {
      await db.destroy();
    }
    joinAsFirstLaptop(store, {
      serverUrl: options.serverUrl,
      deviceId: result.deviceId,
      userId: snapshot.adminUserId,
      username: options.username,
      cursor: result.cursor,
      joinedAt: options.clock().toISOString(),
    });
    return result;
  });
}
