import type { Kysely } from 'kysely';

/**
 * Files the app is writing outside the store (a partnership export's hidden `.partial` file, a
 * backup's temporary copies), recorded before their first byte and forgotten when they are
 * finished. A row still here at the next unlock belongs to a process that was killed: its file
 * is removed (only the exact path recorded, never anything guessed) and an export is logged as
 * failed. Frozen in time: `Kysely<any>`, no app imports.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('unfinished_files')
    .addColumn('path', 'text', (column) => column.primaryKey())
    // 'fhir_export' or 'backup'.
    .addColumn('kind', 'text', (column) => column.notNull())
    // For an export: the file name the export log shows; for a backup: empty.
    .addColumn('destination', 'text', (column) => column.notNull())
    .addColumn('user_id', 'text')
    .addColumn('username', 'text')
    .addColumn('started_at', 'text', (column) => column.notNull())
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('unfinished_files').execute();
}
