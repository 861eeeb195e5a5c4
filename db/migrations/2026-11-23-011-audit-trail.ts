import { sql, type Kysely } from 'kysely';

/**
 * The audit trail: every view, edit, sign, export, print, sign-in, failed sign-in and lock, one row
 * each, append-only (triggers refuse updates and deletes). Each row carries the SHA-256 of its own
 * content chained to the previous row's hash, so `workwell-mdt audit verify` finds any altered,
 * removed or reordered entry even if someone bypasses the triggers. No clinical text is stored:
 * only the action, the channel, ids and the outcome.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('audit_log')
    .addColumn('seq', 'integer', (column) => column.primaryKey())
    .addColumn('at', 'text', (column) => column.notNull())
    .addColumn('user_id', 'text')
    .addColumn('username', 'text')
    .addColumn('action', 'text', (column) => column.notNull())
    .addColumn('channel', 'text', (column) => column.notNull())
    .addColumn('participant_id', 'text')
    .addColumn('subject_json', 'text', (column) => column.notNull())
    .addColumn('outcome', 'text', (column) => column.notNull())
    .addColumn('prev_hash', 'text', (column) => column.notNull())
    .addColumn('hash', 'text', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('audit_log_by_participant').on('audit_log').columns(['participant_id', 'seq']).execute();
  await db.schema.createIndex('audit_log_by_user').on('audit_log').columns(['user_id', 'seq']).execute();
  await sql`CREATE TRIGGER audit_log_append_only BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'WORKWELL_LOCKED: the audit trail cannot be changed'); END`.execute(
    db,
  );
  await sql`CREATE TRIGGER audit_log_never_deleted BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'WORKWELL_LOCKED: the audit trail cannot be changed'); END`.execute(
    db,
  );
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('audit_log').execute();
}
