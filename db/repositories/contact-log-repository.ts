import type { Kysely } from 'kysely';
import type { ContactLogTable, Database } from '../schema';

/** Adds one entry to a person's contact log (entries are never changed). */
export async function insertContact(db: Kysely<Database>, row: ContactLogTable): Promise<void> {
  await db.insertInto('contact_log').values(row).execute();
}

/** A person's contact log, newest contact first, with the name of who recorded each entry. */
export async function listContacts(db: Kysely<Database>, participantId: string) {
  return db
    .selectFrom('contact_log')
    .innerJoin('users', 'users.id', 'contact_log.recorded_by')
    .selectAll('contact_log')
    .select('users.display_name as recorded_by_name')
    .where('contact_log.participant_id', '=', participantId)
    .orderBy('contact_log.contact_on', 'desc')
    .orderBy('contact_log.recorded_at', 'desc')
    .execute();
}
