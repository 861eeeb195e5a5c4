import type { Kysely } from 'kysely';

/**
 * Closing a case at any stage (issue 20 item 5) records its exit as a plan review's exit does
 * (`participant_exits`, status `exited`), plus the words typed for an "other" reason. Frozen in time.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('participant_exits').addColumn('reason_note', 'text').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('participant_exits').dropColumn('reason_note').execute();
}
