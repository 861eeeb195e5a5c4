import type { Kysely } from 'kysely';

/**
 * A partnership's own wording for outcome measures: licensed text for WSAS and MSK-HQ (the app
 * ships only placeholders), or local versions of the others. One row per configured measure; no
 * row means the shipped wording. Frozen in time: `Kysely<any>`, no app imports.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('measure_wording')
    .addColumn('measure', 'text', (column) => column.primaryKey())
    .addColumn('wording_json', 'text', (column) => column.notNull())
    .addColumn('updated_by', 'text', (column) => column.notNull().references('users.id'))
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('measure_wording').execute();
}
