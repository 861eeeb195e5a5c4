import type { Kysely, Selectable } from 'kysely';
import type { Database, ReferralInboxTable } from '../schema';

export type ReferralInboxRow = Selectable<ReferralInboxTable>;

/** Adds referrals to the inbox. */
export async function insertInboxReferrals(db: Kysely<Database>, rows: readonly ReferralInboxTable[]): Promise<void> {
  for (const row of rows) await db.insertInto('referral_inbox').values(row).execute();
}

/** Inbox referrals with a status, oldest first (the order they should be triaged in). */
export async function listInboxReferrals(db: Kysely<Database>, status: string, limit: number): Promise<ReferralInboxRow[]> {
  return db
    .selectFrom('referral_inbox')
    .selectAll()
    .where('status', '=', status)
    .orderBy('received_at')
    .orderBy('position')
    .orderBy('id')
    .limit(limit)
    .execute();
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
