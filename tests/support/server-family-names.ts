import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../../server/server-schema';

/** The family names of every person the partnership server holds (a superuser's view: every partnership). */
export async function serverFamilyNames(db: Kysely<ServerDatabase>): Promise<string[]> {
  const rows = await db.selectFrom('records').select('row').where('table_name', '=', 'participants').execute();
  return rows.map((row) => (row.row as { family_name: string }).family_name);
}
