import { sql, type Kysely } from 'kysely';

/**
 * Workplace adjustments and the AHP Health and Work Report.
 *
 * `workplace_adjustments` keeps every saved version of a person's adjustments (and graded return
 * schedule) as its own row: a save inserts version N+1 and the unique (participant, version) pair
 * makes two editors saving from the same version conflict instead of overwriting. Rows are never
 * changed or deleted. Each version names the action plan it belongs to.
 *
 * `ahp_reports`: one draft per person at a time; signing stamps the practitioner's name,
 * profession and HCPC number and locks the report (triggers refuse any later change).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('workplace_adjustments')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('participant_id', 'text', (column) => column.notNull().references('participants.id'))
    .addColumn('plan_id', 'text', (column) => column.notNull().references('action_plans.id'))
    .addColumn('version', 'integer', (column) => column.notNull())
    .addColumn('content_json', 'text', (column) => column.notNull())
    .addColumn('saved_by', 'text', (column) => column.notNull().references('users.id'))
    .addColumn('saved_at', 'text', (column) => column.notNull())
    .addUniqueConstraint('workplace_adjustments_version_per_participant', ['participant_id', 'version'])
    .execute();
  await sql`
    CREATE TRIGGER workplace_adjustments_append_only BEFORE UPDATE ON workplace_adjustments
    BEGIN SELECT RAISE(ABORT, 'WORKWELL_LOCKED: a saved version of the adjustments cannot be changed'); END`.execute(db);
  await sql`
    CREATE TRIGGER workplace_adjustments_kept BEFORE DELETE ON workplace_adjustments
    BEGIN SELECT RAISE(ABORT, 'WORKWELL_LOCKED: a saved version of the adjustments cannot be deleted'); END`.execute(db);

  await db.schema
    .createTable('ahp_reports')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('participant_id', 'text', (column) => column.notNull().references('participants.id'))
    .addColumn('version', 'integer', (column) => column.notNull().defaultTo(1))
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('content_json', 'text', (column) => column.notNull())
    .addColumn('author_id', 'text', (column) => column.notNull().references('users.id'))
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .addColumn('signed_by', 'text', (column) => column.references('users.id'))
    .addColumn('signed_at', 'text')
    .addColumn('practitioner_json', 'text')
    .execute();
  await db.schema.createIndex('ahp_reports_by_participant').on('ahp_reports').columns(['participant_id', 'created_at']).execute();
  // One draft per person: a second practitioner gets a conflict, not a parallel draft.
  await sql`CREATE UNIQUE INDEX ahp_reports_one_draft ON ahp_reports (participant_id) WHERE status = 'draft'`.execute(db);
  await sql`
    CREATE TRIGGER ahp_reports_signed_locked BEFORE UPDATE ON ahp_reports
    WHEN OLD.status = 'signed'
    BEGIN SELECT RAISE(ABORT, 'WORKWELL_LOCKED: a signed report cannot be changed'); END`.execute(db);
  await sql`
    CREATE TRIGGER ahp_reports_signed_kept BEFORE DELETE ON ahp_reports
    WHEN OLD.status = 'signed'
    BEGIN SELECT RAISE(ABORT, 'WORKWELL_LOCKED: a signed report cannot be deleted'); END`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['ahp_reports', 'workplace_adjustments']) await db.schema.dropTable(table).execute();
}
