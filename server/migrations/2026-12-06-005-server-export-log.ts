import { sql, type Kysely } from 'kysely';

/**
 * The server's export log (issue 14 item 9): the partnership export and the MI return run on the
 * server (`workwell-mdt server export`, `server mi-return`), and each run is recorded here as a
 * laptop records its own in its store's `export_log`: what kind, where to (a file name without its
 * folder, or the FHIR base URL), when, the outcome, the counts and the SHA-256 of the bytes that
 * left; `server_export_log_subjects` keeps each person's outcome, by id, with a coded reason.
 * Nothing clinical: no names, no bundle content. Append-only: triggers refuse updates and deletes.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('server_export_log')
    .addColumn('seq', 'bigserial', (column) => column.primaryKey())
    .addColumn('id', 'text', (column) => column.notNull().unique())
    .addColumn('partnership_id', 'text', (column) => column.notNull().references('partnerships.id'))
    .addColumn('at', 'timestamptz', (column) => column.notNull())
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('destination', 'text', (column) => column.notNull())
    .addColumn('outcome', 'text', (column) => column.notNull())
    .addColumn('included', 'integer', (column) => column.notNull())
    .addColumn('skipped', 'integer', (column) => column.notNull())
    .addColumn('failed', 'integer', (column) => column.notNull())
    .addColumn('sha256', 'text', (column) => column.notNull())
    .addColumn('bytes', 'bigint', (column) => column.notNull())
    // Why it stopped (the circuit breaker's sentence: counts only) or the error's code; null when it ran to the end.
    .addColumn('reason', 'text')
    .execute();
  await db.schema.createIndex('server_export_log_partnership_seq').on('server_export_log').columns(['partnership_id', 'seq']).execute();
  await db.schema
    .createTable('server_export_log_subjects')
    .addColumn('export_id', 'text', (column) => column.notNull().references('server_export_log.id'))
    .addColumn('participant_id', 'text', (column) => column.notNull())
    .addColumn('outcome', 'text', (column) => column.notNull())
    .addColumn('reason', 'text', (column) => column.notNull().defaultTo(''))
    .addPrimaryKeyConstraint('server_export_log_subjects_pkey', ['export_id', 'participant_id'])
    .execute();
  await sql`CREATE FUNCTION server_export_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'the export log cannot be changed' USING ERRCODE = 'P0001'; END $$`.execute(db);
  for (const table of ['server_export_log', 'server_export_log_subjects']) {
    await sql`CREATE TRIGGER ${sql.raw(`${table}_append_only`)} BEFORE UPDATE OR DELETE ON ${sql.table(table)}
      FOR EACH ROW EXECUTE FUNCTION server_export_log_refuse_change()`.execute(db);
  }
}
