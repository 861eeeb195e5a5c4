import { sql, type Kysely } from 'kysely';
import type { ActionLibraryTable, Database } from '../schema';

/** Every action in the library, active or not, by discipline then wording. */
export async function listLibraryActions(db: Kysely<Database>): Promise<ActionLibraryTable[]> {
  return db
    .selectFrom('action_library')
    .selectAll()
    .orderBy('discipline_code')
    .orderBy(sql`description COLLATE NOCASE`)
    .orderBy('id')
    .execute();
}

export async function findLibraryAction(db: Kysely<Database>, id: string): Promise<ActionLibraryTable | undefined> {
  return db.selectFrom('action_library').selectAll().where('id', '=', id).executeTakeFirst();
}

/** An action of this discipline with the same wording, ignoring case, other than `exceptId`. */
export async function findLibraryActionByWording(
  db: Kysely<Database>,
  disciplineCode: string,
  description: string,
  exceptId: string | undefined,
): Promise<ActionLibraryTable | undefined> {
  let query = db
    .selectFrom('action_library')
    .selectAll()
    .where('discipline_code', '=', disciplineCode)
    .where(sql<boolean>`description = ${description} COLLATE NOCASE`);
  if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
  return query.executeTakeFirst();
}

export async function insertLibraryAction(db: Kysely<Database>, row: ActionLibraryTable): Promise<void> {
  await db.insertInto('action_library').values(row).execute();
}

/** Saves changes only if the row is still at `expectedVersion` (compare-and-set); returns whether it did. */
export async function updateLibraryActionAtVersion(
  db: Kysely<Database>,
  id: string,
  expectedVersion: number,
  changes: Omit<ActionLibraryTable, 'id' | 'version' | 'created_at'>,
): Promise<boolean> {
  const result = await db
    .updateTable('action_library')
    .set({ ...changes, version: expectedVersion + 1 })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
