import type { Kysely } from 'kysely';
import type { Database, MeasureWordingTable } from '../schema';

/** Every configured measure wording, with the name of who last changed it. */
export async function listMeasureWording(db: Kysely<Database>) {
  return db
    .selectFrom('measure_wording')
    .innerJoin('users', 'users.id', 'measure_wording.updated_by')
    .selectAll('measure_wording')
    .select('users.display_name as updated_by_name')
    .execute();
}

/** Stores a measure's wording, replacing any earlier one. */
export async function upsertMeasureWording(db: Kysely<Database>, row: MeasureWordingTable): Promise<void> {
  await db
    .insertInto('measure_wording')
    .values(row)
    .onConflict((conflict) =>
      conflict.column('measure').doUpdateSet({ wording_json: row.wording_json, updated_by: row.updated_by, updated_at: row.updated_at }),
    )
    .execute();
}

/** Removes a measure's configured wording, so the shipped wording applies again. */
export async function deleteMeasureWording(db: Kysely<Database>, measure: string): Promise<void> {
  await db.deleteFrom('measure_wording').where('measure', '=', measure).execute();
}
