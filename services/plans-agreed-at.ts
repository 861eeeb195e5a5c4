import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

/** The ids of people whose plan was agreed at this meeting (plans record the meeting they were agreed in). */
export async function plansAgreedAt(db: Kysely<Database>, meetingId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('action_plans').select('participant_id').where('meeting_id', '=', meetingId).execute();
  return new Set(rows.map((row) => row.participant_id));
}
