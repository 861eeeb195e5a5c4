import type { Kysely, Selectable } from 'kysely';
import type { Database, ReferralInboxTable } from '../schema';

export type ReferralInboxRow = Selectable<ReferralInboxTable>;
/** An inbox referral with the display name of whoever decided it (null while waiting). */
export type ListedInboxReferral = ReferralInboxRow & { decided_by_name: string | null };

/** Adds referrals to the inbox. */
export async function insertInboxReferrals(db: Kysely<Database>, rows: readonly ReferralInboxTable[]): Promise<void> {
  for (const row of rows) await db.insertInto('referral_inbox').values(row).execute();
}

/** Inbox referrals with a status, oldest first (the order they should be triaged in), with who decided them. */
export async function listInboxReferrals(db: Kysely<Database>, status: string, limit: number): Promise<ListedInboxReferral[]> {
  return db
    .selectFrom('referral_inbox')
    .leftJoin('users', 'users.id', 'referral_inbox.decided_by')
    .selectAll('referral_inbox')
    .select('users.display_name as decided_by_name')
    .where('referral_inbox.status', '=', status)
    .orderBy('referral_inbox.received_at')
    .orderBy('referral_inbox.position')
    .orderBy('referral_inbox.id')
    .limit(limit)
    .execute();
}

/** How many referrals have `status` (the worklist's count of those waiting for triage). */
export async function countInboxReferrals(db: Kysely<Database>, status: string): Promise<number> {
  const row = await db
    .selectFrom('referral_inbox')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('status', '=', status)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function findInboxReferral(db: Kysely<Database>, id: string): Promise<ReferralInboxRow | undefined> {
  return db.selectFrom('referral_inbox').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Records a decision on a waiting referral still at `expectedVersion`; returns whether it did
 * (false: decided already, here or on another laptop).
 */
export async function decideInboxReferral(
  db: Kysely<Database>,
  decision: {
    id: string;
    expectedVersion: number;
    status: 'accepted' | 'declined';
    at: string;
    by: string;
    declineReason: string | null;
    participantId: string | null;
  },
): Promise<boolean> {
  const updated = await db
    .updateTable('referral_inbox')
    .set({
      status: decision.status,
      version: decision.expectedVersion + 1,
      decided_at: decision.at,
      decided_by: decision.by,
      decline_reason: decision.declineReason,
      participant_id: decision.participantId,
    })
    .where('id', '=', decision.id)
    .where('version', '=', decision.expectedVersion)
    .where('status', '=', 'waiting')
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}
