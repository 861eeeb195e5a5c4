import type { Insertable, Kysely } from 'kysely';
import type { Database, LegalHoldTable } from '../schema';

/** People who exited on or before `latestExitOn`, with any legal hold in force and who placed it. */
export async function listExitedOnOrBefore(db: Kysely<Database>, latestExitOn: string) {
  return db
    .selectFrom('participant_exits')
    .innerJoin('participants', 'participants.id', 'participant_exits.participant_id')
    .leftJoin('legal_holds', (join) =>
      join.onRef('legal_holds.participant_id', '=', 'participants.id').on('legal_holds.released_at', 'is', null),
    )
    .leftJoin('users as placer', 'placer.id', 'legal_holds.placed_by')
    .select([
      'participants.id as participant_id',
      'participants.reference',
      'participants.given_name',
      'participants.family_name',
      'participant_exits.exited_on',
      'legal_holds.reason as hold_reason',
      'legal_holds.placed_at as hold_placed_at',
      'placer.display_name as hold_placed_by_name',
    ])
    .where('participant_exits.exited_on', '<=', latestExitOn)
    .orderBy('participant_exits.exited_on')
    .orderBy('participants.reference')
    .execute();
}
export type RetentionRow = Awaited<ReturnType<typeof listExitedOnOrBefore>>[number];

/** One person's reference and exit date (null when they have not exited), or undefined if unknown. */
export async function findRetentionSubject(db: Kysely<Database>, participantId: string) {
  return db
    .selectFrom('participants')
    .leftJoin('participant_exits', 'participant_exits.participant_id', 'participants.id')
    .select(['participants.id', 'participants.reference', 'participant_exits.exited_on'])
    .where('participants.id', '=', participantId)
    .executeTakeFirst();
}

/** The legal hold in force on a person, with who placed it. */
export async function findHoldInForce(db: Kysely<Database>, participantId: string) {
  return db
    .selectFrom('legal_holds')
    .innerJoin('users', 'users.id', 'legal_holds.placed_by')
    .select(['legal_holds.id', 'legal_holds.reason', 'legal_holds.placed_at', 'users.display_name as placed_by_name'])
    .where('legal_holds.participant_id', '=', participantId)
    .where('legal_holds.released_at', 'is', null)
    .executeTakeFirst();
}

export async function insertLegalHold(db: Kysely<Database>, row: Insertable<LegalHoldTable>): Promise<void> {
  await db.insertInto('legal_holds').values(row).execute();
}

/** Releases the hold in force; returns whether there was one. */
export async function releaseLegalHold(
  db: Kysely<Database>,
  participantId: string,
  release: { released_by: string; released_at: string; release_reason: string },
): Promise<boolean> {
  const result = await db
    .updateTable('legal_holds')
    .set(release)
    .where('participant_id', '=', participantId)
    .where('released_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
