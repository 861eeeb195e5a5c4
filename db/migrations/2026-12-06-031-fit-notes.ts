import { sql, type Kysely } from 'kysely';

/**
 * Fit notes (issue 20 item 2, issue 16 item 3): each fit note a person brings (or a WorkWell
 * clinician issues) as it reads: date issued, the period it covers, not fit or may be fit with the
 * advice ticked (`categories_json`, the four fit-note categories) and comments, whether the issuer
 * will assess again, who issued it (setting, profession, name) and whether it came from a fit-note
 * conversation. Rows are never changed or deleted: a correction is a new row naming the one it
 * replaces (`replaces_id`, at most one correction each, so the history is one line) with its reason.
 * Frozen in time: `Kysely<any>`, no app imports.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('fit_notes')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('participant_id', 'text', (column) => column.notNull().references('participants.id'))
    .addColumn('issued_on', 'text', (column) => column.notNull())
    .addColumn('period_from', 'text', (column) => column.notNull())
    .addColumn('period_to', 'text', (column) => column.notNull())
    .addColumn('fitness', 'text', (column) => column.notNull())
    .addColumn('categories_json', 'text', (column) => column.notNull())
    .addColumn('comments', 'text')
    .addColumn('review_needed', 'integer', (column) => column.notNull())
    .addColumn('issuer_setting', 'text', (column) => column.notNull())
    .addColumn('issuer_profession', 'text', (column) => column.notNull())
    .addColumn('issuer_name', 'text')
    .addColumn('from_conversation', 'integer', (column) => column.notNull())
    .addColumn('replaces_id', 'text', (column) => column.references('fit_notes.id'))
    .addColumn('correction_reason', 'text')
    .addColumn('recorded_by', 'text', (column) => column.notNull().references('users.id'))
    .addColumn('recorded_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('fit_notes_by_participant').on('fit_notes').columns(['participant_id', 'period_from']).execute();
  await db.schema.createIndex('fit_notes_one_correction').on('fit_notes').column('replaces_id').unique().execute();
  await sql`
    CREATE TRIGGER fit_notes_append_only BEFORE UPDATE ON fit_notes
    BEGIN SELECT RAISE(ABORT, 'WORKWELL_LOCKED: a recorded fit note cannot be changed; record a correction'); END`.execute(db);
  await sql`
    CREATE TRIGGER fit_notes_kept BEFORE DELETE ON fit_notes
    WHEN NOT EXISTS (SELECT 1 FROM retention_purge WHERE participant_id = OLD.participant_id)
    BEGIN SELECT RAISE(ABORT, 'WORKWELL_LOCKED: a recorded fit note cannot be deleted'); END`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('fit_notes').execute();
}
