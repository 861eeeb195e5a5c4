import { sql, type Insertable, type Kysely } from 'kysely';
import type { Database, LegalHoldTable } from '../schema';

/**
 * The latest dated activity on a person's record: referral, assessment, measure, plan (created,
 * agreed, reviewed), action update or meeting listing. Timestamps count by their date. Null when
 * there is none; the caller then falls back on the registration date.
 */
const lastContactOn = sql<string | null>`(SELECT max(d) FROM (
    SELECT max(referral_date) AS d FROM referrals WHERE participant_id = participants.id
    UNION ALL SELECT max(assessed_on) FROM assessments WHERE participant_id = participants.id
    UNION ALL SELECT max(taken_on) FROM measure_results WHERE participant_id = participants.id
    UNION ALL SELECT max(max(substr(created_at, 1, 10), coalesce(person_agreed_on, ''))) FROM action_plans WHERE participant_id = participants.id
    UNION ALL SELECT max(r.reviewed_on) FROM plan_reviews r JOIN action_plans p ON p.id = r.plan_id WHERE p.participant_id = participants.id
    UNION ALL SELECT max(substr(u.updated_at, 1, 10)) FROM action_updates u JOIN action_plans p ON p.id = u.plan_id
      WHERE p.participant_id = participants.id
    UNION ALL SELECT max(m.held_on) FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id WHERE a.participant_id = participants.id
  ))`;

/** 1 when the record holds mental health care: an assessment, measure or plan action by the mental_health discipline. */
const holdsMentalHealthCare = sql<number>`(EXISTS (SELECT 1 FROM assessments WHERE participant_id = participants.id AND discipline = 'mental_health')
    OR EXISTS (SELECT 1 FROM measure_results WHERE participant_id = participants.id AND discipline = 'mental_health')
    OR EXISTS (SELECT 1 FROM action_plans p, json_each(p.content_json, '$.actions') a
      WHERE p.participant_id = participants.id AND json_extract(a.value, '$.discipline') = 'mental_health'))`;

/**
 * Every registered person (or one, given `participantId`) with what retention needs: exit date,
 * last contact, whether the record holds mental health care, and any legal hold in force. The
 * review date depends on all of these, so the services layer works out which are due.
 */
export async function listRetentionSubjects(db: Kysely<Database>, participantId?: string) {
  let query = db
    .selectFrom('participants')
    .leftJoin('participant_exits', 'participant_exits.participant_id', 'participants.id')
    .leftJoin('legal_holds', (join) =>
      join.onRef('legal_holds.participant_id', '=', 'participants.id').on('legal_holds.released_at', 'is', null),
    )
    .leftJoin('users as placer', 'placer.id', 'legal_holds.placed_by')
    .select([
      'participants.id as participant_id',
      'participants.reference',
      'participants.given_name',
      'participants.family_name',
      'participants.created_at',
      'participant_exits.exited_on',
      lastContactOn.as('last_contact_on'),
      holdsMentalHealthCare.as('mental_health'),
      'legal_holds.reason as hold_reason',
      'legal_holds.placed_at as hold_placed_at',
      'placer.display_name as hold_placed_by_name',
    ])
    .orderBy('participants.reference');
  if (participantId !== undefined) query = query.where('participants.id', '=', participantId);
  return query.execute();
}
export type RetentionRow = Awaited<ReturnType<typeof listRetentionSubjects>>[number];

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
