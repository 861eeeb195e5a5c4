import type { Kysely } from 'kysely';
import type { Database, FitNoteTable } from '../schema';
import type { Store } from '../store';

/** A fit note as the lists give it: the row, who recorded it, and the fit note correcting it (null while it stands). */
export type FitNoteListRow = FitNoteTable & { recorded_by_name: string; replaced_by_id: string | null };

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

/**
 * The fit notes of a batch of people (the partnership export reads a batch at a time), in the same
 * shape as `listFitNotes`: each with who recorded it and the id of the later fit note correcting it.
 */
export function listFitNotesOfBatch(store: Pick<Store, 'sqlite'>, participantIds: readonly string[]): FitNoteListRow[] {
  return store.sqlite
    .prepare(
      `SELECT fit_notes.*, users.display_name AS recorded_by_name,
         (SELECT correction.id FROM fit_notes correction WHERE correction.replaces_id = fit_notes.id) AS replaced_by_id
       FROM fit_notes JOIN users ON users.id = fit_notes.recorded_by
       WHERE fit_notes.participant_id IN (SELECT value FROM json_each(?))
       ORDER BY fit_notes.participant_id, fit_notes.period_from DESC, fit_notes.recorded_at DESC, fit_notes.id DESC`,
    )
    .all(JSON.stringify(participantIds)) as FitNoteListRow[];
}
