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

/** The caller's own watermark on their laptop: the highest of their mutations dealt with (0: nothing yet). */
export async function progressOf(trx: Transaction<ServerDatabase>, caller: Caller): Promise<number> {
  const row = await trx
    .selectFrom('device_user_progress')
    .select('last_mutation_id')
    .where('device_id', '=', caller.deviceId)
    .where('user_id', '=', caller.userId)
    .executeTakeFirst();
  return Number(row?.last_mutation_id ?? 0);
}

/**
 * The watermark a pull tells the laptop: every one of the caller's outbox entries up to it is done.
 * A refusal whose reply may never have reached the laptop (at or above `refusals_settled_below`)
 * holds it just below that refusal: the laptop would otherwise take the refused change for
 * applied. It pushes the change again instead, and is refused again with the same reason
 * (server/refused-mutations.ts).
 */
export async function settledProgressOf(trx: Transaction<ServerDatabase>, caller: Caller): Promise<number> {
  const row = await trx
    .selectFrom('device_user_progress as p')
    .select([
      'p.last_mutation_id',
      (eb) =>
        eb
          .selectFrom('refused_mutations as r')
          .select(sql<string | null>`min(r.mutation_id)`.as('m'))
          .whereRef('r.device_id', '=', 'p.device_id')
          .whereRef('r.user_id', '=', 'p.user_id')
          .whereRef('r.mutation_id', '>=', 'p.refusals_settled_below')
          .as('unsettled'),
    ])
    .where('p.device_id', '=', caller.deviceId)
    .where('p.user_id', '=', caller.userId)
    .executeTakeFirst();
  const own = Number(row?.last_mutation_id ?? 0);
  return row?.unsettled == null ? own : Math.min(own, Number(row.unsettled) - 1);
}

/**
 * Notes the lowest mutation id of a push: a laptop sends its user's waiting changes oldest first,
 * so every refusal below it was settled there (it would be in this push otherwise).
 */
export async function notePushFrom(db: Kysely<ServerDatabase>, caller: Caller, firstMutationId: number): Promise<void> {
  await db
    .insertInto('device_user_progress')
    .values({
      device_id: caller.deviceId,
      user_id: caller.userId,
      partnership_id: caller.partnershipId,
      refusals_settled_below: firstMutationId,
    })
    .onConflict((conflict) =>
      conflict.columns(['device_id', 'user_id']).doUpdateSet({
        refusals_settled_below: sql`GREATEST(device_user_progress.refusals_settled_below, excluded.refusals_settled_below)`,
      }),
    )
    .execute();
}
