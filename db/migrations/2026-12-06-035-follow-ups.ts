import { sql, type Kysely } from 'kysely';

/**
 * Lasting outcomes (issue 20 item 6): the follow-ups of employment 3 and 6 months after a case
 * ends. Each row names the exit it follows (`exited_on`) and the point (`three_months`,
 * `six_months`); when and how the person was contacted (or tried), whether they were reached, and
 * if so their employment status, same employer, weekly hours and a note; if not, the attempts.
 * Rows are never changed or deleted: a correction is a new row naming the one it replaces, with the
 * next `version`, so two laptops that both record "version 1" of one follow-up offline cannot both
 * stand (the unique index, also kept by the partnership server) and the history is one line.
 * Frozen in time: `Kysely<any>`, no app imports.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('follow_ups')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('participant_id', 'text', (column) => column.notNull().references('participants.id'))
    .addColumn('exited_on', 'text', (column) => column.notNull())
    .addColumn('point', 'text', (column) => column.notNull())
    .addColumn('version', 'integer', (column) => column.notNull())
    .addColumn('contacted_on', 'text', (column) => column.notNull())
    .addColumn('method', 'text', (column) => column.notNull())
    .addColumn('outcome', 'text', (column) => column.notNull())
    .addColumn('attempts', 'integer')
    .addColumn('employment_status', 'text')
    .addColumn('same_employer', 'integer')
    .addColumn('hours_per_week', 'real')
    .addColumn('note', 'text')
    .addColumn('replaces_id', 'text', (column) => column.references('follow_ups.id'))
    .addColumn('correction_reason', 'text')
    .addColumn('recorded_by', 'text', (column) => column.notNull().references('users.id'))
    .addColumn('recorded_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex('follow_ups_one_per_version')
    .on('follow_ups')
    .columns(['participant_id', 'exited_on', 'point', 'version'])
    .unique()
    .execute();
  await db.schema.createIndex('follow_ups_one_correction').on('follow_ups').column('replaces_id').unique().execute();
  await sql`
    CREATE TRIGGER follow_ups_append_only BEFORE UPDATE ON follow_ups
    BEGIN SELECT RAISE(ABORT, 'WORKWELL_LOCKED: a recorded follow-up cannot be changed; record a correction'); END`.execute(db);
  await sql`
    CREATE TRIGGER follow_ups_kept BEFORE DELETE ON follow_ups
    WHEN NOT EXISTS (SELECT 1 FROM retention_purge WHERE participant_id = OLD.participant_id)
    BEGIN SELECT RAISE(ABORT, 'WORKWELL_LOCKED: a recorded follow-up cannot be deleted'); END`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('follow_ups').execute();
}
