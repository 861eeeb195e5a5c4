import { sql, type Kysely } from 'kysely';

/**
 * Sync with a partnership server (issue 14). Empty on a solo store, which behaves exactly as
 * before: no capture triggers exist until the store joins a server (db/sync/capture-triggers.ts).
 * - `sync_state`: one row once joined: server, this laptop's device id, the user it syncs as, the
 *   pull cursor, the last mutation id made and the last the server confirmed, and `capturing`
 *   (0 while pulled rows are applied, so they are not sent back).
 * - `sync_capture`: rows the capture triggers saw change in the transaction in progress; the write
 *   path moves them into one outbox mutation before the same transaction commits.
 * - `sync_outbox`: mutations waiting for, refused by, or confirmed by the server. A refused one
 *   keeps the person's input (their text) and the server's message.
 * Frozen in time: `Kysely<any>`, no app imports.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sync_state')
    .addColumn('id', 'integer', (column) => column.primaryKey().check(sql`id = 1`))
    .addColumn('server_url', 'text', (column) => column.notNull())
    .addColumn('device_id', 'text', (column) => column.notNull())
    .addColumn('user_id', 'text', (column) => column.notNull())
    .addColumn('username', 'text', (column) => column.notNull())
    .addColumn('cursor', 'text', (column) => column.notNull().defaultTo('0'))
    .addColumn('last_mutation_id', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('last_pushed_mutation_id', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('capturing', 'integer', (column) => column.notNull().defaultTo(1))
    .addColumn('joined_at', 'text', (column) => column.notNull())
    .addColumn('last_synced_at', 'text')
    .execute();
  await db.schema
    .createTable('sync_capture')
    .addColumn('seq', 'integer', (column) => column.primaryKey().autoIncrement())
    .addColumn('table_name', 'text', (column) => column.notNull())
    .addColumn('key_json', 'text', (column) => column.notNull())
    .addColumn('row_json', 'text')
    .addColumn('base_json', 'text')
    .execute();
  await db.schema
    .createTable('sync_outbox')
    .addColumn('mutation_id', 'integer', (column) => column.primaryKey())
    // Who made it: only they push it (signed in as themselves), so the server checks their role.
    .addColumn('user_id', 'text', (column) => column.notNull())
    .addColumn('channel', 'text', (column) => column.notNull())
    .addColumn('input_json', 'text', (column) => column.notNull())
    .addColumn('changes_json', 'text', (column) => column.notNull())
    .addColumn('made_at', 'text', (column) => column.notNull())
    // waiting (not yet accepted by the server), applied, refused
    .addColumn('status', 'text', (column) => column.notNull().defaultTo('waiting'))
    .addColumn('refusal_code', 'text')
    .addColumn('refusal', 'text')
    .execute();
  await db.schema.createIndex('sync_outbox_status').on('sync_outbox').columns(['status', 'mutation_id']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['sync_outbox', 'sync_capture', 'sync_state']) await db.schema.dropTable(table).execute();
}
