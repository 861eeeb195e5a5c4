import type { Kysely } from 'kysely';

/**
 * What the service's evaluation needs to know about who it reaches (issue 20 item 9), on the
 * person's row so it syncs and is versioned with their other details: sex, ethnic category (the NHS
 * Data Dictionary's letter), disability and benefit status. All nullable: null is "not asked", and
 * people registered before this migration read as not asked. Frozen in time: `Kysely<any>`.
 */
const COLUMNS = ['sex', 'ethnic_category', 'disability', 'benefit_status'] as const;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  for (const column of COLUMNS) await db.schema.alterTable('participants').addColumn(column, 'text').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const column of [...COLUMNS].reverse()) await db.schema.alterTable('participants').dropColumn(column).execute();
}
