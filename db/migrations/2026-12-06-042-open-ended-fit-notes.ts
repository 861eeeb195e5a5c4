import { sql, type Kysely } from 'kysely';

/**
 * A fit note may have no end date (issue 20 item 2): after the first six months of sickness a fit
 * note may say the person is not fit "indefinitely". `fit_notes.period_to` becomes nullable (null: no
 * end date). SQLite cannot drop a NOT NULL in place, so the table is rebuilt: the old one is renamed
 * aside (its self-reference and triggers follow it), the new one is created as 031 made it bar that
 * one column, the rows are copied, the old one is dropped with its triggers and indexes, and the
 * same indexes and triggers (append-only, and sync capture where joined) are made again as they were.
 * Frozen in time: `Kysely<any>`, no app imports.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await rebuild(db, false);
}

/** Back to a required end date: refused while any fit note has none (nothing is changed then). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  const open = await sql<{ n: number }>`SELECT count(*) AS n FROM fit_notes WHERE period_to IS NULL`.execute(db);
  if ((open.rows[0]?.n ?? 0) > 0) throw new Error('Some fit notes have no end date: the end date cannot be made required again.');
  await rebuild(db, true);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function rebuild(db: Kysely<any>, endRequired: boolean): Promise<void> {
  // Every index and trigger on the table as it stands: the append-only triggers and indexes of 031,
  // and, on a store joined to a partnership server, the sync capture triggers, which must go on
  // capturing from the first change after this migration, not only from the next sync.
  const kept = await sql<{ sql: string }>`
    SELECT sql FROM sqlite_master WHERE tbl_name = 'fit_notes' AND type IN ('index', 'trigger') AND sql IS NOT NULL
    ORDER BY type, name`.execute(db);
  await sql`ALTER TABLE fit_notes RENAME TO fit_notes_before_042`.execute(db);
  await db.schema
    .createTable('fit_notes')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('participant_id', 'text', (column) => column.notNull().references('participants.id'))
    .addColumn('issued_on', 'text', (column) => column.notNull())
    .addColumn('period_from', 'text', (column) => column.notNull())
    .addColumn('period_to', 'text', (column) => (endRequired ? column.notNull() : column))
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
  // One statement, before any trigger exists: nothing is captured for sync, and a correction copied
  // ahead of the note it corrects still finds it when the foreign keys are checked at its end.
  await sql`INSERT INTO fit_notes SELECT * FROM fit_notes_before_042`.execute(db);
  await sql`DROP TABLE fit_notes_before_042`.execute(db);
  for (const { sql: statement } of kept.rows) await sql.raw(statement).execute(db);
}
