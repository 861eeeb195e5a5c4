import type { Kysely } from 'kysely';
import type { Database, EmployerLetterApprovalTable } from '../schema';

/** Records one approval of a person's employer letter (rows are never changed). */
export async function insertEmployerLetterApproval(db: Kysely<Database>, row: EmployerLetterApprovalTable): Promise<void> {
  await db.insertInto('employer_letter_approvals').values(row).execute();
}

/** A person's newest approval of their employer letter, with the name of who recorded it. */
export async function latestEmployerLetterApproval(db: Kysely<Database>, participantId: string) {
  return db
    .selectFrom('employer_letter_approvals')
    .innerJoin('users', 'users.id', 'employer_letter_approvals.recorded_by')
    .selectAll('employer_letter_approvals')
    .select('users.display_name as recorded_by_name')
    .where('employer_letter_approvals.participant_id', '=', participantId)
    .orderBy('employer_letter_approvals.approved_at', 'desc')
    .orderBy('employer_letter_approvals.id', 'desc')
    .limit(1)
    .executeTakeFirst();
}
