import type { Kysely, Selectable } from 'kysely';
import type { Database, ReferralTable } from '../schema';

export async function insertReferral(db: Kysely<Database>, referral: ReferralTable): Promise<void> {
  await db.insertInto('referrals').values(referral).execute();
}

export async function listReferrals(db: Kysely<Database>, participantId: string): Promise<Array<Selectable<ReferralTable>>> {
  return db
    .selectFrom('referrals')
    .selectAll()
    .where('participant_id', '=', participantId)
    .orderBy('referral_date', 'desc')
    .orderBy('recorded_at', 'desc')
    .execute();
}
