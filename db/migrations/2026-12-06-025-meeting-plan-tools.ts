import { sql, type Kysely } from 'kysely';

/**
 * What the chair and the team need to agree plans in the time a meeting has (issue 16 items 3 and 5):
 * - `meetings.duration_minutes`: how long the meeting is booked for, so meeting mode can show the
 *   time left against the cases left (90 minutes for meetings planned before it existed);
 * - `action_library`: the partnership's common actions per discipline, offered when drafting a plan
 *   so a usual action is one choice rather than a sentence typed and four fields filled; `due_after`
 *   (`one_week`, `two_weeks`, `one_month` or null) is the usual time it takes, which sets the due date. Plans copy
 *   the text, so an entry is deactivated rather than deleted and old plans never change with it.
 * Frozen in time: `Kysely<any>`, no app imports.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('meetings')
    .addColumn('duration_minutes', 'integer', (column) => column.notNull().defaultTo(90))
    .execute();
  await db.schema
    .createTable('action_library')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('discipline_code', 'text', (column) => column.notNull().references('disciplines.code'))
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('description', 'text', (column) => column.notNull())
    .addColumn('due_after', 'text')
    .addColumn('active', 'integer', (column) => column.notNull())
    .addColumn('version', 'integer', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .addColumn('updated_by', 'text', (column) => column.notNull().references('users.id'))
    .execute();
  await sql`CREATE INDEX action_library_by_discipline ON action_library (discipline_code, description COLLATE NOCASE)`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('action_library').execute();
  await db.schema.alterTable('meetings').dropColumn('duration_minutes').execute();
}
