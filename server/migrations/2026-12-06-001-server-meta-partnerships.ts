import { sql, type Kysely } from 'kysely';

/**
 * The server's first tables: `server_meta`, one row about the database itself, and `partnerships`.
 * The sync protocol's tables (change log, outbox receipts, devices) come in later migrations.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema as it was then, not as it is now
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('server_meta')
    // A single row: the check makes a second one impossible rather than merely unexpected.
    .addColumn('id', 'smallint', (column) =>
      column
        .primaryKey()
        .defaultTo(1)
        .check(sql`id = 1`),
    )
    .addColumn('schema_version', 'integer', (column) => column.notNull())
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addColumn('migrated_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .execute();
  await db.insertInto('server_meta').values({ id: 1, schema_version: 1 }).execute();

  await db.schema
    .createTable('partnerships')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .execute();
}
