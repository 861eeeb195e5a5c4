import { sql, type Kysely } from 'kysely';

/**
 * Assessments (the coach's joined-up assessment, and discipline assessments later), outcome
 * measure results, and risk flags awaiting a clinician's acknowledgement. Frozen in time.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('assessments')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('participant_id', 'text', (column) => column.notNull().references('participants.id'))
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('assessed_on', 'text', (column) => column.notNull())
    .addColumn('content_json', 'text', (column) => column.notNull())
    .addColumn('author_id', 'text', (column) => column.notNull().references('users.id'))
    .addColumn('recorded_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('assessments_by_participant').on('assessments').columns(['participant_id', 'kind', 'recorded_at']).execute();

  await db.schema
    .createTable('measure_results')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('participant_id', 'text', (column) => column.notNull().references('participants.id'))
    .addColumn('discipline', 'text', (column) => column.notNull())
    .addColumn('measure', 'text', (column) => column.notNull())
    .addColumn('taken_on', 'text', (column) => column.notNull())
    .addColumn('answers_json', 'text', (column) => column.notNull())
    .addColumn('total', 'real')
    .addColumn('band_label', 'text')
    .addColumn('risk_flag', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('recorded_by', 'text', (column) => column.notNull().references('users.id'))
    .addColumn('recorded_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex('measure_results_by_participant')
    .on('measure_results')
    .columns(['participant_id', 'measure', 'taken_on'])
    .execute();

  await db.schema
    .createTable('risk_flags')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('participant_id', 'text', (column) => column.notNull().references('participants.id'))
    .addColumn('measure_result_id', 'text', (column) => column.references('measure_results.id'))
    .addColumn('reason', 'text', (column) => column.notNull())
    .addColumn('raised_on', 'text', (column) => column.notNull())
    .addColumn('raised_at', 'text', (column) => column.notNull())
    .addColumn('acknowledged_at', 'text')
    .addColumn('acknowledged_by', 'text', (column) => column.references('users.id'))
    .addColumn('acknowledgement_note', 'text')
    .execute();
  // The caseload asks "has this person an open flag?" for every row it shows.
  await sql`CREATE INDEX risk_flags_open_by_participant ON risk_flags (participant_id) WHERE acknowledged_at IS NULL`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['risk_flags', 'measure_results', 'assessments']) await db.schema.dropTable(table).execute();
}
