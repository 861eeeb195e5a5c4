import type { Kysely } from 'kysely';

/**
 * The dashboard (issue 20 item 7) reads the people whose support ended in a date range; without
 * this index that is a scan of every exit. (People referred in a range already have one: the
 * caseload's `participants_sort_referred`.) Frozen in time.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('participant_exits_by_date').on('participant_exits').column('exited_on').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('participant_exits_by_date').execute();
}
