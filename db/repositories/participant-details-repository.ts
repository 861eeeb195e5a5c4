import type { Kysely, Selectable } from 'kysely';
import type { Database, ParticipantDetailVersionTable, ParticipantTable } from '../schema';

/** The columns of `participants` an edit of the details may change. */
export type ParticipantDetailColumns = Pick<
  Selectable<ParticipantTable>,
  | 'given_name'
  | 'family_name'
  | 'date_of_birth'
  | 'nhs_number'
  | 'phone'
  | 'email'
  | 'address'
  | 'preferred_contact_mode'
  | 'employment_status'
  | 'employer_name'
  | 'employer_size'
  | 'employer_contact'
  | 'may_contact_employer'
  | 'job_title'
  | 'physical_demands'
  | 'cognitive_demands'
  | 'gp_practice_ods_code'
  | 'gp_practice_name'
  | 'sex'
  | 'ethnic_category'
  | 'disability'
  | 'benefit_status'
>;

/** The version of a person's details: 1 as registered, then the version of their newest edit. */
export async function currentDetailsVersion(db: Kysely<Database>, participantId: string): Promise<number> {
  const row = await db
    .selectFrom('participant_detail_versions')
    .select((eb) => eb.fn.max('version').as('version'))
    .where('participant_id', '=', participantId)
    .executeTakeFirst();
  return row?.version ?? 1;
}

/** Every edit of a person's details, newest first, with the name of who saved it. */
export async function listDetailEdits(db: Kysely<Database>, participantId: string) {
  return db
    .selectFrom('participant_detail_versions')
    .innerJoin('users', 'users.id', 'participant_detail_versions.saved_by')
    .selectAll('participant_detail_versions')
    .select('users.display_name as saved_by_name')
    .where('participant_detail_versions.participant_id', '=', participantId)
    .orderBy('participant_detail_versions.version', 'desc')
    .execute();
}

/** Records one edit (never changed afterwards) and applies it to the person's row, in the caller's transaction. */
export async function saveDetailEdit(
  db: Kysely<Database>,
  edit: ParticipantDetailVersionTable,
  columns: ParticipantDetailColumns,
): Promise<void> {
  await db.insertInto('participant_detail_versions').values(edit).execute();
  await db
    .updateTable('participants')
    .set({ ...columns, updated_at: edit.saved_at })
    .where('id', '=', edit.participant_id)
    .execute();
}
