import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Clock } from '../core/clock';
import { roleSchema } from '../core/roles';
import { presentSyncedTables, quoteIdentifier, syncedColumns } from '../db/sync/synced-columns';
import { joinServer, readSyncState } from '../db/sync/sync-state';
import { openSyncStore } from '../services/sync/open-sync-store';
import { migrateServerToLatest } from './migrate-server';
import { ServerError } from './server-error';
import type { ServerDatabase } from './server-schema';

/** What `server init` put on the server. */
export interface InitReport {
  readonly partnershipId: string;
  readonly users: number;
  readonly records: number;
  readonly deviceId: string;
}

const BATCH = 500;

/**
 * Puts an existing partnership store on a new server (`workwell-mdt server init`): its records
 * (every synced table), its users with their public keys and keyring slots, and the store itself
 * as the first enrolled laptop (reference block 1, so its existing references stay as they are).
 * One PostgreSQL transaction: a failure leaves the server as it was. The store joins the server
 * only after that commits.
 */
export async function initServerFromStore(
  db: Kysely<ServerDatabase>,
  options: { dataDir: string; username: string; passphrase: string; serverUrl: string; clock: Clock },
): Promise<InitReport> {
  await migrateServerToLatest(db);
  const opened = await openSyncStore(options.dataDir, options.username, options.passphrase);
  try {
    const { sqlite } = opened.store;
    if (readSyncState(sqlite) !== undefined) throw new ServerError('INIT_REFUSED', 'This store already syncs with a partnership server.');
    const partnership = sqlite.prepare('SELECT id, name FROM partnership LIMIT 1').get() as { id: string; name: string } | undefined;
    if (partnership === undefined) throw new ServerError('INIT_REFUSED', 'The store holds no partnership.');
    const admin = sqlite.prepare('SELECT id, role FROM users WHERE id = ?').get(opened.slot.userId) as { id: string; role: string } | undefined;
    if (admin?.role !== 'administrator') throw new ServerError('INIT_REFUSED', 'Only an administrator can put a partnership on a server.');
    const users = sqlite.prepare('SELECT id, username, role, disabled_at FROM users').all() as Array<{ id: string; username: string; role: string; disabled_at: string | null }>;
    const deviceId = randomUUID();
    let records = 0;
    const cursor = await db.transaction().execute(async (trx) => {
      const existing = await trx.selectFrom('partnerships').select('id').where((eb) => eb.or([eb('id', '=', partnership.id), eb('store_id', '=', opened.keyring.storeId)])).executeTakeFirst();
      if (existing !== undefined) throw new ServerError('INIT_REFUSED', 'This partnership is already on the server. Enrol this laptop instead.');
      const { storeId, partnershipName, isDemo, createdAt } = opened.keyring;
      await trx.insertInto('partnerships').values({ id: partnership.id, name: partnership.name, store_id: storeId, keyring_meta: JSON.stringify({ storeId, partnershipName, isDemo, createdAt }) }).execute();
      for (const user of users) {
        const slot = opened.keyring.slots.find((each) => each.userId === user.id);
        // A user with no slot, or a legacy one (no key pair), cannot sign in until they unlock once and an administrator re-runs this.
        if (slot?.publicKey === undefined) continue;
        await trx
          .insertInto('users')
          .values({ id: user.id, partnership_id: partnership.id, username: user.username, role: roleSchema.parse(user.role), public_key: slot.publicKey, revoked_at: user.disabled_at === null ? null : new Date(user.disabled_at) })
          .execute();
        await trx.insertInto('keyring_slots').values({ user_id: user.id, slot: JSON.stringify(slot) }).execute();
      }
      await trx.insertInto('devices').values({ id: deviceId, partnership_id: partnership.id, user_id: admin.id, reference_block: 1 }).execute();
      for (const entry of presentSyncedTables(sqlite)) {
        const columns = syncedColumns(sqlite, entry);
        const rows = sqlite.prepare(`SELECT ${columns.map(quoteIdentifier).join(', ')} FROM ${quoteIdentifier(entry.table)}`).all() as Array<Record<string, string | number | null>>;
        for (let start = 0; start < rows.length; start += BATCH) {
          const page = rows.slice(start, start + BATCH).map((row) => ({ key: JSON.stringify(entry.key.map((column) => String(row[column]))), row: JSON.stringify(row) }));
          const logged = await trx
            .insertInto('change_log')
            .values(page.map((each) => ({ partnership_id: partnership.id, table_name: entry.table, key: each.key, row: each.row, device_id: deviceId, mutation_id: null })))
            .returning(['seq', 'key', 'row'])
            .execute();
          await trx
            .insertInto('records')
            .values(logged.map((each) => ({ partnership_id: partnership.id, table_name: entry.table, key: each.key, row: JSON.stringify(each.row), seq: each.seq })))
            .execute();
          records += page.length;
        }
      }
      const { max } = await trx.selectFrom('change_log').select(sql<string>`coalesce(max(seq), 0)::text`.as('max')).executeTakeFirstOrThrow();
      return max;
    });
    // The store holds every row it just sent: it starts pulling after them.
    joinServer(sqlite, { serverUrl: options.serverUrl, deviceId, userId: admin.id, username: options.username, cursor, referenceBlock: 1, joinedAt: options.clock().toISOString() });
    return { partnershipId: partnership.id, users: users.length, records, deviceId };
  } finally {
    await opened.close();
  }
}
