import { sql, type Kysely, type Updateable } from 'kysely';
import type { Database, DisciplineTable } from '../schema';

/** Every discipline: built-ins first (in their fixed order), then local ones by name. */
export async function listDisciplines(db: Kysely<Database>): Promise<DisciplineTable[]> {
  return db
    .selectFrom('disciplines')
    .selectAll()
    .orderBy('is_builtin', 'desc')
    .orderBy(
      sql`CASE code WHEN 'employment_support' THEN 1 WHEN 'physiotherapy' THEN 2 WHEN 'mental_health' THEN 3 WHEN 'occupational_therapy' THEN 4 ELSE 5 END`,
    )
    .orderBy(sql`label COLLATE NOCASE`)
    .execute();
}

export async function findDiscipline(db: Kysely<Database>, code: string): Promise<DisciplineTable | undefined> {
  return db.selectFrom('disciplines').selectAll().where('code', '=', code).executeTakeFirst();
}

/** A local discipline with this name, ignoring case, other than `exceptCode`. */
export async function findDisciplineByLabel(
  db: Kysely<Database>,
  label: string,
  exceptCode: string | undefined,
): Promise<DisciplineTable | undefined> {
  let query = db
    .selectFrom('disciplines')
    .selectAll()
    .where(sql<boolean>`label = ${label} COLLATE NOCASE`);
  if (exceptCode !== undefined) query = query.where('code', '!=', exceptCode);
  return query.executeTakeFirst();
}

export async function insertDiscipline(db: Kysely<Database>, row: DisciplineTable): Promise<void> {
  await db.insertInto('disciplines').values(row).execute();
}

/**
 * Saves changes only if the row is still at `expectedVersion`, moving it to the next version;
 * returns whether it did, so a concurrent save is detected instead of overwritten.
 */
export async function updateDisciplineAtVersion(
  db: Kysely<Database>,
  code: string,
  expectedVersion: number,
  changes: Pick<Updateable<DisciplineTable>, 'label' | 'active' | 'updated_at' | 'updated_by'>,
): Promise<boolean> {
  const result = await db
    .updateTable('disciplines')
    .set({ ...changes, version: expectedVersion + 1 })
    .where('code', '=', code)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
