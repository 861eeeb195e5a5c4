import type { Insertable, Kysely } from 'kysely';
import type { Database, ParticipantEpisodeTable } from '../schema';

/** A person's stored episodes (2 onwards), oldest first, with who accepted each and who ended the one before. */
export async function listEpisodeRows(db: Kysely<Database>, participantId: string) {
  return db
    .selectFrom('participant_episodes')
    .innerJoin('users', 'users.id', 'participant_episodes.accepted_by')
    .selectAll('participant_episodes')
    .select('users.display_name as accepted_by_name')
    .where('participant_episodes.participant_id', '=', participantId)
    .orderBy('participant_episodes.number')
    .execute();
}

/** Episode 1's start: the person's first referral (oldest date, then the first recorded) and who recorded it. */
export async function findFirstReferral(db: Kysely<Database>, participantId: string) {
  return db
    .selectFrom('referrals')
    .innerJoin('users', 'users.id', 'referrals.recorded_by')
    .select(['referrals.referral_date', 'referrals.route', 'referrals.recorded_at', 'users.display_name as recorded_by_name'])
    .where('referrals.participant_id', '=', participantId)
    .orderBy('referrals.referral_date')
    .orderBy('referrals.recorded_at')
    .executeTakeFirst();
}

/**
 * Starts a new episode in the caller's transaction: stores its row (carrying the exit that ended
 * the one before), removes that exit from `participant_exits` (which holds the current episode's
 * exit only) and puts the person back to "referred". The caller checks they were exited.
 */
export async function insertEpisode(db: Kysely<Database>, row: Insertable<ParticipantEpisodeTable>): Promise<void> {
  await db.insertInto('participant_episodes').values(row).execute();
  await db.deleteFrom('participant_exits').where('participant_id', '=', row.participant_id).execute();
  await db
    .updateTable('participants')
    .set({ status: 'referred', next_review_on: null, updated_at: row.accepted_at })
    .where('id', '=', row.participant_id)
    .execute();
}
