import { sql, type Kysely } from 'kysely';

/**
 * The case lifecycle (issue 20 item 5).
 * - `participant_detail_versions`: each edit of a person's details and work after registration, as
 *   the values before and after, who saved it and when. `version` is the version the edit made (the
 *   registered details are version 1); unique per person, so two laptops that both save "version 2"
 *   offline cannot both land (the partnership server keeps the same index). Never changed.
 * - `contact_log`: each contact with the person (or attempt): date, kind, outcome, did not attend.
 *   Append-only: a mistake is corrected by a new entry.
 * Frozen in time: `Kysely<any>`, no app imports.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('participant_detail_versions')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('participant_id', 'text', (column) => column.notNull().references('participants.id'))
    .addColumn('version', 'integer', (column) => column.notNull())
    .addColumn('before_json', 'text', (column) => column.notNull())
    .addColumn('after_json', 'text', (column) => column.notNull())
    .addColumn('saved_by', 'text', (column) => column.notNull().references('users.id'))
    .addColumn('saved_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex('participant_detail_versions_unique')
    .unique()
    .on('participant_detail_versions')
    .columns(['participant_id', 'version'])
    .execute();
  await db.schema
    .createTable('contact_log')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('participant_id', 'text', (column) => column.notNull().references('participants.id'))
    .addColumn('contact_on', 'text', (column) => column.notNull())
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('did_not_attend', 'integer', (column) => column.notNull())
    .addColumn('outcome', 'text', (column) => column.notNull())
    .addColumn('recorded_by', 'text', (column) => column.notNull().references('users.id'))
    .addColumn('recorded_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('contact_log_by_participant').on('contact_log').columns(['participant_id', 'contact_on']).execute();
  for (const table of ['participant_detail_versions', 'contact_log']) {
    await sql
      .raw(
        `CREATE TRIGGER ${table}_append_only BEFORE UPDATE ON ${table}
         BEGIN SELECT RAISE(ABORT, 'WORKWELL_LOCKED: a recorded entry cannot be changed'); END`,
      )
      .execute(db);
    await sql
      .raw(
        `CREATE TRIGGER ${table}_kept BEFORE DELETE ON ${table}
         WHEN NOT EXISTS (SELECT 1 FROM retention_purge WHERE participant_id = OLD.participant_id)
         BEGIN SELECT RAISE(ABORT, 'WORKWELL_LOCKED: a recorded entry cannot be deleted'); END`,
      )
      .execute(db);
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('contact_log').execute();
  await db.schema.dropTable('participant_detail_versions').execute();
}
