import type { Kysely } from 'kysely';
import type { Database } from '../schema';

/** How many open cases (not exited) each coach holds, by the coach's user id. */
export async function openCaseCountsByCoach(db: Kysely<Database>): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('participants')
    .select(['coach_user_id', (eb) => eb.fn.countAll<number>().as('open_cases')])
    .where('coach_user_id', 'is not', null)
    .where('status', '!=', 'exited')
    .groupBy('coach_user_id')
    .execute();
  return new Map(rows.map((row) => [row.coach_user_id ?? '', Number(row.open_cases)]));
}

/** Sets a person's coach (or none), in the caller's transaction. */
export async function setParticipantCoach(
  db: Kysely<Database>,
  participantId: string,
  coachUserId: string | null,
  at: string,
): Promise<void> {
  await db.updateTable('participants').set({ coach_user_id: coachUserId, updated_at: at }).where('id', '=', participantId).execute();
}
