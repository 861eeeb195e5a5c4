import { sql, type Kysely } from 'kysely';

/**
 * The person's GP practice and the letters sent about them (issue 20 item 8).
 * - `participants.gp_practice_ods_code` and `gp_practice_name`: the practice's ODS code (A81001)
 *   and name, both null while not known. Set at registration and by an edit of the details, which
 *   keeps them in each version as it keeps the other details.
 * - `letters_sent`: each letter produced to the GP or the referrer: its kind, recipient, how it was
 *   addressed, the file name and SHA-256 of exactly the bytes, who produced it and when. No letter
 *   text is kept (the plan and the closure it was made from are). Never changed; deleted only at
 *   retention review.
 * Frozen in time: `Kysely<any>`, no app imports.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('participants').addColumn('gp_practice_ods_code', 'text').execute();
  await db.schema.alterTable('participants').addColumn('gp_practice_name', 'text').execute();
  await db.schema
    .createTable('letters_sent')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('participant_id', 'text', (column) => column.notNull().references('participants.id'))
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('recipient', 'text', (column) => column.notNull())
    .addColumn('addressed_to', 'text', (column) => column.notNull())
    .addColumn('file_name', 'text', (column) => column.notNull())
    .addColumn('sha256', 'text', (column) => column.notNull())
    .addColumn('sent_by', 'text', (column) => column.notNull().references('users.id'))
    .addColumn('sent_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('letters_sent_by_participant').on('letters_sent').columns(['participant_id', 'sent_at']).execute();
  await sql`CREATE TRIGGER letters_sent_append_only BEFORE UPDATE ON letters_sent
    BEGIN SELECT RAISE(ABORT, 'WORKWELL_LOCKED: a recorded entry cannot be changed'); END`.execute(db);
  await sql`CREATE TRIGGER letters_sent_kept BEFORE DELETE ON letters_sent
    WHEN NOT EXISTS (SELECT 1 FROM retention_purge WHERE participant_id = OLD.participant_id)
    BEGIN SELECT RAISE(ABORT, 'WORKWELL_LOCKED: a recorded entry cannot be deleted'); END`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('letters_sent').execute();
  await db.schema.alterTable('participants').dropColumn('gp_practice_name').execute();
  await db.schema.alterTable('participants').dropColumn('gp_practice_ods_code').execute();
}
