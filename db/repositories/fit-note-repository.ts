import type { Kysely } from 'kysely';
import type { Database, FitNoteTable } from '../schema';

/** Records one fit note (rows are never changed: a correction is a new row naming the one it replaces). */
export async function insertFitNote(db: Kysely<Database>, row: FitNoteTable): Promise<void> {
  await db.insertInto('fit_notes').values(row).execute();
}

/** One fit note by id, with the id of the later fit note that corrects it (null while it stands). */
export async function findFitNote(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('fit_notes')
    .leftJoin('fit_notes as correction', 'correction.replaces_id', 'fit_notes.id')
    .selectAll('fit_notes')
    .select('correction.id as replaced_by_id')
    .where('fit_notes.id', '=', id)
    .executeTakeFirst();
}

/**
 * A person's fit notes, newest period first, each with who recorded it and the id of the later fit
 * note that corrects it (null while it stands).
 */
export async function listFitNotes(db: Kysely<Database>, participantId: string) {
  return db
    .selectFrom('fit_notes')
    .innerJoin('users', 'users.id', 'fit_notes.recorded_by')
    .leftJoin('fit_notes as correction', 'correction.replaces_id', 'fit_notes.id')
    .selectAll('fit_notes')
    .select(['users.display_name as recorded_by_name', 'correction.id as replaced_by_id'])
    .where('fit_notes.participant_id', '=', participantId)
    .orderBy('fit_notes.period_from', 'desc')
    .orderBy('fit_notes.recorded_at', 'desc')
    .orderBy('fit_notes.id', 'desc')
    .execute();
}
