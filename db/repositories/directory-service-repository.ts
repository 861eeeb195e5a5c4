import { sql, type Kysely } from 'kysely';
import type { Database, DirectoryServiceTable } from '../schema';

/** Every service in the directory, active or not, by name. */
export async function listDirectoryServices(db: Kysely<Database>): Promise<DirectoryServiceTable[]> {
  return db
    .selectFrom('directory_services')
    .selectAll()
    .orderBy(sql`name COLLATE NOCASE`)
    .orderBy('id')
    .execute();
}

export async function findDirectoryService(db: Kysely<Database>, id: string): Promise<DirectoryServiceTable | undefined> {
  return db.selectFrom('directory_services').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A service with this name, ignoring case, other than `exceptId`. */
export async function findDirectoryServiceByName(
  db: Kysely<Database>,
  name: string,
  exceptId: string | undefined,
): Promise<DirectoryServiceTable | undefined> {
  let query = db
    .selectFrom('directory_services')
    .selectAll()
    .where(sql<boolean>`name = ${name} COLLATE NOCASE`);
  if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
  return query.executeTakeFirst();
}

export async function insertDirectoryService(db: Kysely<Database>, row: DirectoryServiceTable): Promise<void> {
  await db.insertInto('directory_services').values(row).execute();
}

/**
 * Saves changes only if the row is still at `expectedVersion`, moving it to the next version;
 * returns whether it did, so a concurrent save is detected instead of overwritten.
 */
export async function updateDirectoryServiceAtVersion(
  db: Kysely<Database>,
  id: string,
  expectedVersion: number,
  changes: Omit<DirectoryServiceTable, 'id' | 'version' | 'created_at'>,
): Promise<boolean> {
  const result = await db
    .updateTable('directory_services')
    .set({ ...changes, version: expectedVersion + 1 })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
