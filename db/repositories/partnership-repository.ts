import type { Kysely } from 'kysely';
import type { Database, PartnershipTable } from '../schema';

export async function insertPartnership(db: Kysely<Database>, partnership: PartnershipTable): Promise<void> {
  await db.insertInto('partnership').values(partnership).execute();
}

export async function getPartnership(db: Kysely<Database>): Promise<PartnershipTable | undefined> {
  return db.selectFrom('partnership').selectAll().limit(1).executeTakeFirst();
}
