import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { roleSchema } from '../core/roles';
import type { StoreSnapshot } from '../core/sync/store-snapshot';
import { migrateServerToLatest } from './migrate-server';
import { setRequestSettings } from './request-scope';
import { ServerError } from './server-error';
import type { ServerDatabase } from './server-schema';
import { heldSlot } from './signed-role';

/** What `server init` put on the server. */
export interface ServerInitResult {
  readonly partnershipId: string;
  readonly users: number;
  readonly records: number;
  /** The store's id as the first enrolled laptop. */
  readonly deviceId: string;
  /** The change log's last sequence number: the store already holds everything up to it. */
  readonly cursor: string;
}

const BATCH = 500;

/**
 * Puts a partnership store's snapshot (services/sync/store-snapshot.ts) on the server: the
 * partnership and its keyring's description, users with their public keys and slots, every row
 * (into `records` and the change log), and the store as the first laptop, reference block 1 (so
 * its references stay as they are). One transaction: a failure leaves the server as it was.
 */
export async function importStoreSnapshot(db: Kysely<ServerDatabase>, snapshot: StoreSnapshot): Promise<ServerInitResult> {
  await migrateServerToLatest(db);
  const partnershipId = snapshot.partnership.id;
  const deviceId = randomUUID();
  let records = 0;
  const cursor = await db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('partnerships')
      .select('id')
      .where((eb) => eb.or([eb('id', '=', partnershipId), eb('store_id', '=', snapshot.keyring.storeId)]))
      .executeTakeFirst();
    if (existing !== undefined)
      throw new ServerError('INIT_REFUSED', 'This partnership is already on the server. Enrol this laptop instead (workwell-mdt enrol).');
    await trx
      .insertInto('partnerships')
      .values({
        id: partnershipId,
        name: snapshot.partnership.name,
        store_id: snapshot.keyring.storeId,
        keyring_meta: JSON.stringify(snapshot.keyring),
      })
      .execute();
    for (const user of snapshot.users) {
      await trx
        .insertInto('users')
        .values({
          id: user.id,
          partnership_id: partnershipId,
          username: user.username,
          role: roleSchema.parse(user.role),
          // The signed assignment's version (in the slot): the server takes only newer ones (migration 009).
          role_version: heldSlot(user.slot)?.role?.version ?? 0,
          public_key: user.publicKey,
          revoked_at: user.disabledAt === null ? null : new Date(user.disabledAt),
        })
        .execute();
      await trx
        .insertInto('keyring_slots')
        .values({ user_id: user.id, slot: JSON.stringify(user.slot) })
        .execute();
    }
    await trx
      .insertInto('devices')
      .values({ id: deviceId, partnership_id: partnershipId, user_id: snapshot.adminUserId, reference_block: 1 })
      .execute();
    // records and change_log bind even this (owning) account to one partnership's rows (row-level
    // security, FORCEd): the rows go in as the administrator who put the store on the server, every
    // record of the partnership (`whole`: more than an administrator reads, migration 008).
    const admin = snapshot.users.find((user) => user.id === snapshot.adminUserId);
    await setRequestSettings(trx, { partnershipId, role: roleSchema.parse(admin?.role), userId: snapshot.adminUserId }, true);
    for (const { table, key, rows } of snapshot.tables) {
      for (let start = 0; start < rows.length; start += BATCH) {
        const page = rows
          .slice(start, start + BATCH)
          .map((row) => ({ key: JSON.stringify(key.map((column) => String(row[column]))), row: JSON.stringify(row) }));
        const logged = await trx
          .insertInto('change_log')
          .values(
            page.map((each) => ({
              partnership_id: partnershipId,
              table_name: table,
              key: each.key,
              row: each.row,
              device_id: deviceId,
              mutation_id: null,
            })),
          )
          .returning(['seq', 'key', 'row'])
          .execute();
        await trx
          .insertInto('records')
          .values(
            logged.map((each) => ({
              partnership_id: partnershipId,
              table_name: table,
              key: each.key,
              row: JSON.stringify(each.row),
              seq: each.seq,
            })),
          )
          .execute();
        records += page.length;
      }
    }
    const { max } = await trx
      .selectFrom('change_log')
      .select(sql<string>`coalesce(max(seq), 0)::text`.as('max'))
      .executeTakeFirstOrThrow();
    return max;
  });
  return { partnershipId, users: snapshot.users.length, records, deviceId, cursor };
}
