import { sql, type Kysely } from 'kysely';

/**
 * The export log: who exported what, for whom, to where, when, with a SHA-256 of the bytes that
 * left. One row per export and one per person in it (included, skipped with the reason, or failed).
 * Append-only, like the audit trail: triggers refuse updates and deletes, except the retention purge
 * of one person's subject rows (the export row itself, which names nobody, stays).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('export_log')
    .addColumn('seq', 'integer', (column) => column.primaryKey())
    .addColumn('id', 'text', (column) => column.notNull().unique())
    .addColumn('at', 'text', (column) => column.notNull())
    .addColumn('user_id', 'text', (column) => column.notNull())
    .addColumn('username', 'text', (column) => column.notNull())
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('destination', 'text', (column) => column.notNull())
    .addColumn('sha256', 'text', (column) => column.notNull())
    .addColumn('bytes', 'integer', (column) => column.notNull())
    .addColumn('outcome', 'text', (column) => column.notNull())
    .addColumn('included', 'integer', (column) => column.notNull())
    .addColumn('skipped', 'integer', (column) => column.notNull())
    .addColumn('failed', 'integer', (column) => column.notNull())
    .execute();
  await db.schema
    .createTable('export_log_subjects')
    .addColumn('export_id', 'text', (column) => column.notNull().references('export_log.id'))
    .addColumn('participant_id', 'text', (column) => column.notNull())
    .addColumn('outcome', 'text', (column) => column.notNull())
    .addColumn('reason', 'text', (column) => column.notNull().defaultTo(''))
    .addPrimaryKeyConstraint('export_log_subjects_pk', ['export_id', 'participant_id'])
    .execute();
  await db.schema
    .createIndex('export_log_subjects_by_participant')
    .on('export_log_subjects')
    .columns(['participant_id', 'export_id'])
    .execute();
  await db.schema.createIndex('export_log_by_kind').on('export_log').columns(['kind', 'seq']).execute();
  await sql`CREATE TRIGGER export_log_append_only BEFORE UPDATE ON export_log BEGIN SELECT RAISE(ABORT, 'WORKWELL_LOCKED: the export log cannot be changed'); END`.execute(
    db,
  );
  await sql`CREATE TRIGGER export_log_never_deleted BEFORE DELETE ON export_log BEGIN SELECT RAISE(ABORT, 'WORKWELL_LOCKED: the export log cannot be changed'); END`.execute(
    db,
  );
  await sql`CREATE TRIGGER export_log_subjects_append_only BEFORE UPDATE ON export_log_subjects BEGIN SELECT RAISE(ABORT, 'WORKWELL_LOCKED: the export log cannot be changed'); END`.execute(
    db,
  );
  await sql`CREATE TRIGGER export_log_subjects_kept BEFORE DELETE ON export_log_subjects
    WHEN NOT EXISTS (SELECT 1 FROM retention_purge WHERE participant_id = OLD.participant_id)
    BEGIN SELECT RAISE(ABORT, 'WORKWELL_LOCKED: the export log cannot be changed'); END`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('export_log_subjects').execute();
  await db.schema.dropTable('export_log').execute();
}
