import { sql, type Kysely, type Transaction } from 'kysely';
import type { Caller } from './auth-session';
import type { ServerDatabase } from './server-schema';

/**
 * The applied-mutation watermark per (laptop, user) (migration 2026-12-06-006): a laptop numbers
 * every user's changes in one sequence, and each user pushes only their own, so the watermark that
 * makes a retried push idempotent is the user's on that laptop, never the laptop's.
 */

/**
 * True when the caller's push already dealt with `mutationId` (a retry after a cut). Locks the
 * caller's watermark row until the transaction ends, so two pushes of one user on one laptop go
 * one after the other. Below `devices.legacy_mutation_id` (dealt with under the old per-laptop
 * counter, any user) the change log says whether it was applied then.
 */
export async function alreadyDealtWith(trx: Transaction<ServerDatabase>, caller: Caller, mutationId: number): Promise<boolean> {
  await trx
    .insertInto('device_user_progress')
    .values({ device_id: caller.deviceId, user_id: caller.userId, partnership_id: caller.partnershipId })
    .onConflict((conflict) => conflict.columns(['device_id', 'user_id']).doNothing())
    .execute();
  const progress = await trx
    .selectFrom('device_user_progress')
    .innerJoin('devices', 'devices.id', 'device_user_progress.device_id')
    .select(['device_user_progress.last_mutation_id as own', 'devices.legacy_mutation_id as legacy'])
    .where('device_user_progress.device_id', '=', caller.deviceId)
    .where('device_user_progress.user_id', '=', caller.userId)
    .forUpdate('device_user_progress')
    .executeTakeFirstOrThrow();
  if (mutationId <= Number(progress.own)) return true;
  if (mutationId > Number(progress.legacy)) return false;
  const logged = await trx
    .selectFrom('change_log')
    .select('seq')
    .where('device_id', '=', caller.deviceId)
    .where('mutation_id', '=', String(mutationId) as never)
    .limit(1)
    .executeTakeFirst();
  return logged !== undefined;
}

/**
 * Records that the caller's `mutationId` was dealt with (applied or refused): their watermark and
 * the laptop's highest id move up to it, never down.
 */
export async function advanceProgress(db: Kysely<ServerDatabase>, caller: Caller, mutationId: number): Promise<void> {
  await db
    .insertInto('device_user_progress')
    .values({ device_id: caller.deviceId, user_id: caller.userId, partnership_id: caller.partnershipId, last_mutation_id: mutationId })
    .onConflict((conflict) =>
      conflict
        .columns(['device_id', 'user_id'])
        .doUpdateSet({ last_mutation_id: sql`GREATEST(device_user_progress.last_mutation_id, excluded.last_mutation_id)` }),
    )
    .execute();
  await db
    .updateTable('devices')
    .set({ last_mutation_id: sql`GREATEST(last_mutation_id, ${mutationId})` })
    .where('id', '=', caller.deviceId)
    .execute();
}

/** The caller's own watermark on their laptop: what a pull tells the laptop is done (0: nothing yet). */
export async function progressOf(trx: Transaction<ServerDatabase>, caller: Caller): Promise<number> {
  const row = await trx
    .selectFrom('device_user_progress')
    .select('last_mutation_id')
    .where('device_id', '=', caller.deviceId)
    .where('user_id', '=', caller.userId)
    .executeTakeFirst();
  return Number(row?.last_mutation_id ?? 0);
}
