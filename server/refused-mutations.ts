import type { Kysely, Transaction } from 'kysely';
import type { Caller } from './auth-session';
import type { ServerDatabase } from './server-schema';

/** A refusal as remembered: its typed code and the message the person was given. */
export interface RememberedRefusal {
  readonly code: string;
  readonly message: string;
}

/**
 * Remembers that the caller's `mutationId` from their laptop was refused, and why (migration
 * 2026-12-06-007), so the same mutation pushed again after its reply was lost is refused again
 * with the same reason rather than taken for one already applied. Kept for good: the first reason
 * stands when two pushes of the same mutation race.
 */
export async function rememberRefusal(
  db: Kysely<ServerDatabase>,
  caller: Caller,
  mutationId: number,
  refusal: RememberedRefusal,
): Promise<void> {
  await db
    .insertInto('refused_mutations')
    .values({
      device_id: caller.deviceId,
      user_id: caller.userId,
      partnership_id: caller.partnershipId,
      mutation_id: mutationId,
      code: refusal.code,
      message: refusal.message,
    })
    .onConflict((conflict) => conflict.columns(['device_id', 'user_id', 'mutation_id']).doNothing())
    .execute();
}

/** The refusal remembered for the caller's `mutationId` on their laptop, or null when it was not refused. */
export async function rememberedRefusal(
  trx: Transaction<ServerDatabase>,
  caller: Caller,
  mutationId: number,
): Promise<RememberedRefusal | null> {
  const row = await trx
    .selectFrom('refused_mutations')
    .select(['code', 'message'])
    .where('device_id', '=', caller.deviceId)
    .where('user_id', '=', caller.userId)
    .where('mutation_id', '=', String(mutationId) as never)
    .executeTakeFirst();
  return row ?? null;
}
