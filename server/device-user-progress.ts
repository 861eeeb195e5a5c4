import { sql, type Transaction } from 'kysely';
import type { Caller } from './auth-session';
import type { ServerDatabase } from './server-schema';

/**
 * The applied-mutation watermark per (laptop, user) (migration 2026-12-06-006): a laptop numbers
 * every user's changes in one sequence, and each user pushes only their own, so the watermark that
 * makes a retried push idempotent is the user's on that laptop, never the laptop's.
 */

/** The caller's watermark as a push batch starts (server/push-batch.ts). */
export interface ClaimedProgress {
  /** The highest of the caller's mutations from this laptop dealt with so far. */
  readonly own: number;
  /** `devices.legacy_mutation_id`: at or below it (and above `own`), the change log says (loggedUnderLegacy). */
  readonly legacy: number;
}

/**
 * Locks the caller's watermark row on this laptop until the transaction ends (made when missing),
 * so two pushes of one user on one laptop go one after the other, and returns it. `firstMutationId`
 * (the lowest id of the push, given with its first batch): a laptop sends its user's waiting
 * changes oldest first, so every refusal below it was settled there (it would be in this push
 * otherwise). One statement, once per batch rather than once per mutation.
 */
export async function claimProgress(
  trx: Transaction<ServerDatabase>,
  caller: Caller,
  firstMutationId: number | null,
): Promise<ClaimedProgress> {
  const row = await trx
    .with('progress', (db) =>
      db
        .insertInto('device_user_progress')
        .values({
          device_id: caller.deviceId,
          user_id: caller.userId,
          partnership_id: caller.partnershipId,
          refusals_settled_below: firstMutationId ?? 0,
        })
        .onConflict((conflict) =>
          conflict.columns(['device_id', 'user_id']).doUpdateSet({
            refusals_settled_below: sql`GREATEST(device_user_progress.refusals_settled_below, excluded.refusals_settled_below)`,
          }),
        )
        .returning('last_mutation_id'),
    )
    .selectFrom('progress')
    .innerJoin('devices', (join) => join.on('devices.id', '=', caller.deviceId))
    .select(['progress.last_mutation_id as own', 'devices.legacy_mutation_id as legacy'])
    .executeTakeFirstOrThrow();
  return { own: Number(row.own), legacy: Number(row.legacy) };
}

/**
 * True when `mutationId`, at or below the laptop's legacy watermark, was applied under the old
 * per-laptop counter (any user): the change log holds it.
 */
export async function loggedUnderLegacy(trx: Transaction<ServerDatabase>, caller: Caller, mutationId: number): Promise<boolean> {
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
 * Moves the caller's watermark and the laptop's highest id up to `mutationId` (never down), in one
 * statement: every mutation of a batch is dealt with (applied or refused) when its transaction
 * commits. Taken before the change-log lock, as the laptop's `devices` row must be (server/sync-apply.ts).
 */
export async function advanceProgressTo(trx: Transaction<ServerDatabase>, caller: Caller, mutationId: number): Promise<void> {
  await trx
    .with('progress', (db) =>
      db
        .updateTable('device_user_progress')
        .set({ last_mutation_id: sql`GREATEST(last_mutation_id, ${mutationId})` })
        .where('device_id', '=', caller.deviceId)
        .where('user_id', '=', caller.userId),
    )
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
