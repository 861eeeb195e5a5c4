import type { Kysely } from 'kysely';
import type { Database, LetterSentTable } from '../schema';

/** Records a letter produced (never changed afterwards), in the caller's transaction. */
export async function insertLetterSent(db: Kysely<Database>, row: LetterSentTable): Promise<void> {
  await db.insertInto('letters_sent').values(row).execute();
}

/** The letters produced for a person, newest first, with the name of who produced each. */
export async function listLettersSent(db: Kysely<Database>, participantId: string) {
  return db
    .selectFrom('letters_sent')
    .innerJoin('users', 'users.id', 'letters_sent.sent_by')
    .selectAll('letters_sent')
    .select('users.display_name as sent_by_name')
    .where('letters_sent.participant_id', '=', participantId)
    .orderBy('letters_sent.sent_at', 'desc')
    .orderBy('letters_sent.id')
    .execute();
}
