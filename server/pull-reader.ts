import { sql, type Transaction } from 'kysely';
import { readerClass } from '../core/sync/synced-tables';
import type { Caller } from './auth-session';
import type { ServerDatabase } from './server-schema';

/** bigint text, compared as numbers. */
function lower(left: string, right: string): string {
  return BigInt(left) < BigInt(right) ? left : right;
}

/**
 * Where a pull really starts. A laptop keeps one cursor, but what a pull brings depends on who
 * pulls (core/sync/synced-tables.ts readerClass: the role, and for draft readers the user). When
 * someone who receives other rows moved the cursor last (a laptop shared by a coach and an
 * administrator, a user whose role changed), the caller may lack rows below it: they are served
 * again from the point up to which the caller is known to hold everything they read on this laptop
 * (0 when never, or under another role). Rows the laptop already holds apply as no-ops.
 *
 * Invariant: `device_user_progress.pulled_to` is a cursor the laptop itself sent while its last
 * mover was the caller's class, so everything the caller reads up to it is on the laptop. Recorded
 * here, in the caller's request scope, before the rows are read. A laptop whose mover is unknown
 * (it last pulled before migration 008) keeps its cursor.
 */
export async function startOfPull(trx: Transaction<ServerDatabase>, caller: Caller, cursor: string): Promise<string> {
  const reader = readerClass(caller);
  const device = await trx.selectFrom('devices').select('pulled_as').where('id', '=', caller.deviceId).executeTakeFirst();
  const own = await trx
    .selectFrom('device_user_progress')
    .select(['pulled_as', 'pulled_to'])
    .where('device_id', '=', caller.deviceId)
    .where('user_id', '=', caller.userId)
    .executeTakeFirst();
  const moverKnown = device !== undefined && device.pulled_as !== null;
  const start =
    !moverKnown || device.pulled_as === reader ? cursor : own?.pulled_as === reader ? lower(cursor, String(own.pulled_to)) : '0';
  // Row locks in the order a push takes them (device-user-progress.ts: the user's progress row,
  // then the laptop's row), so a pull and a push of the same laptop can never deadlock.
  await trx
    .insertInto('device_user_progress')
    .values({
      device_id: caller.deviceId,
      user_id: caller.userId,
      partnership_id: caller.partnershipId,
      pulled_as: reader,
      pulled_to: start,
    })
    .onConflict((conflict) =>
      conflict.columns(['device_id', 'user_id']).doUpdateSet({ pulled_as: reader, pulled_to: sql`excluded.pulled_to` }),
    )
    .execute();
  if (device?.pulled_as !== reader) await trx.updateTable('devices').set({ pulled_as: reader }).where('id', '=', caller.deviceId).execute();
  return start;
}
