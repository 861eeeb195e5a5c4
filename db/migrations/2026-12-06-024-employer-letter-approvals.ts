import { sql, type Kysely } from 'kysely';

/**
 * The person's approval of their employer adjustments letter (issue 15, defect 11): until they have
 * approved exactly what the letter says, it is only ever produced as a draft. Each approval is its
 * own row, never changed or deleted (a new approval is a new row): the person (always the one the
 * letter is about), how they gave it (`in_person`, `phone`, `email`, `in_writing`), who recorded it
 * and when, the adjustments version they saw, and the SHA-256 of the letter's content (the employer
 * view) at that moment. A later change to that content no longer matches, so the approval lapses.
 * Frozen in time: `Kysely<any>`, no app imports.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('employer_letter_approvals')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('participant_id', 'text', (column) => column.notNull().references('participants.id'))
    .addColumn('adjustments_id', 'text', (column) => column.notNull().references('workplace_adjustments.id'))
    .addColumn('adjustments_version', 'integer', (column) => column.notNull())
    .addColumn('content_sha256', 'text', (column) => column.notNull())
    .addColumn('method', 'text', (column) => column.notNull())
    .addColumn('approved_at', 'text', (column) => column.notNull())
    .addColumn('recorded_by', 'text', (column) => column.notNull().references('users.id'))
    .execute();
  await db.schema
    .createIndex('employer_letter_approvals_by_participant')
    .on('employer_letter_approvals')
    .columns(['participant_id', 'approved_at'])
    .execute();
  await sql`
    CREATE TRIGGER employer_letter_approvals_append_only BEFORE UPDATE ON employer_letter_approvals
    BEGIN SELECT RAISE(ABORT, 'WORKWELL_LOCKED: a recorded approval cannot be changed'); END`.execute(db);
  await sql`
    CREATE TRIGGER employer_letter_approvals_kept BEFORE DELETE ON employer_letter_approvals
    WHEN NOT EXISTS (SELECT 1 FROM retention_purge WHERE participant_id = OLD.participant_id)
    BEGIN SELECT RAISE(ABORT, 'WORKWELL_LOCKED: a recorded approval cannot be deleted'); END`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('employer_letter_approvals').execute();
}
