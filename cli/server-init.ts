import type { Clock } from '../core/clock';
import { openSyncStore } from '../services/sync/open-sync-store';
import { joinAsFirstLaptop, storeSnapshot } from '../services/sync/store-snapshot';
import { createServerDatabase } from '../server/server-database';
import { importStoreSnapshot, type ServerInitResult } from '../server/sync-init';

/**
 * `workwell-mdt server init`: puts the store in `dataDir` on the server's database, then joins the
 * store to the server at `serverUrl` as its first laptop (only after the server has committed).
 */
export async function initServerFromStore(options: {
  databaseUrl: string;
  dataDir: string;
  username: string;
  passphrase: string;
  serverUrl: string;
  clock: Clock;
}): Promise<ServerInitResult> {
  const opened = await openSyncStore(options.dataDir, options.username, options.passphrase);
  try {
    const snapshot = storeSnapshot(opened);
    const db = createServerDatabase(options.databaseUrl, { maxConnections: 2 });
    let result: ServerInitResult;
    try {
      result = await importStoreSnapshot(db, snapshot);
    } finally {
      await db.destroy();
    }
    joinAsFirstLaptop(opened, {
      serverUrl: options.serverUrl,
      deviceId: result.deviceId,
      userId: snapshot.adminUserId,
      username: options.username,
      cursor: result.cursor,
      joinedAt: options.clock().toISOString(),
    });
    return result;
  } finally {
    await opened.close();
  }
}
