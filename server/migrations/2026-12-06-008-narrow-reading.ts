import { sql, type Kysely } from 'kysely';

/**
 * What each laptop holds (issue 14 item 6, issue 18 item 5): the row-level security of migration
 * 003 kept a request to the tables its role reads; this narrows it to rows as well, and lets the
 * server apply a push whole.
 *
 * - `table_drafts` (refreshed from core/sync/synced-tables.ts `draft` at every start, as
 *   `table_readers` is): a row whose unsigned column is null is a draft, readable only by the user
 *   in its author column (`app.user_id`); once signed, by every role that reads its table.
 * - `app.whole_partnership = 'on'` (server/request-scope.ts, inWholePartnershipScope): applying a
 *   push must see and write every row of the partnership (an administrator's consent withdrawal
 *   takes the person off agendas they cannot read; a compare-and-set and the store's unique and
 *   foreign-key checks judge rows the caller does not receive). Only the push's apply, `server
 *   init` and the server's own export set it; the pull, and the rows a refusal sends back, never do.
 *   Like the rest of row-level security it guards against a mistake in the server's own code (a
 *   filter forgotten in a pull), not against someone who can run SQL as the server's account.
 * - The device and each user on it remember whose visibility moved the laptop's pull cursor
 *   (`devices.pulled_as`; `device_user_progress.pulled_as`, `pulled_to`), so a laptop shared by
 *   users who read different rows, or a user whose role changed, is served what it has not yet
 *   received (server/pull-reader.ts).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('table_drafts')
    .addColumn('table_name', 'text', (column) => column.primaryKey())
    .addColumn('author_column', 'text', (column) => column.notNull())
    .addColumn('unsigned_column', 'text', (column) => column.notNull())
    .execute();
  await db.schema.alterTable('devices').addColumn('pulled_as', 'text').execute();
  await db.schema.alterTable('device_user_progress').addColumn('pulled_as', 'text').execute();
  await db.schema
    .alterTable('device_user_progress')
    .addColumn('pulled_to', 'bigint', (column) => column.notNull().defaultTo(0))
    .execute();

  for (const [table, policies] of [
    ['records', ['records_visible']],
    ['change_log', ['change_log_read', 'change_log_append']],
  ] as const) {
    for (const policy of policies) await sql`DROP POLICY ${sql.id(policy)} ON ${sql.table(table)}`.execute(db);
    const visible = sql.raw(visibleRow(table));
    if (table === 'records') await sql`CREATE POLICY records_visible ON records USING (${visible}) WITH CHECK (${visible})`.execute(db);
    else {
      await sql`CREATE POLICY change_log_read ON change_log FOR SELECT USING (${visible})`.execute(db);
      await sql`CREATE POLICY change_log_append ON change_log FOR INSERT WITH CHECK (${visible})`.execute(db);
    }
  }

  const role = await sql<{ request_role: string }>`SELECT request_role FROM server_meta WHERE id = 1`.execute(db);
  const name = role.rows[0]?.request_role;
  if (name === undefined) throw new Error('server_meta has no request role: migration 2026-12-06-003 did not run.');
  await sql`GRANT SELECT ON table_drafts TO ${sql.id(name)}`.execute(db);
  await sql`GRANT UPDATE (pulled_as) ON devices TO ${sql.id(name)}`.execute(db);
}

/**
 * A row of `records` or `change_log` is a request's when it is of the request's partnership and
 * either the request applies a push (whole partnership) or the row is one its role and user may
 * read. The table and draft lists are read by uncorrelated subqueries (once per query); only rows
 * of a draft table look up its columns.
 */
function visibleRow(table: 'records' | 'change_log'): string {
  const setting = (name: string) => `NULLIF(current_setting('app.${name}', true), '')`;
  return `partnership_id = ${setting('partnership_id')} AND (
    ${setting('whole_partnership')} = 'on'
    OR (table_name IN (SELECT r.table_name FROM table_readers r WHERE r.role = ${setting('role')})
      AND (${table}.row IS NULL
        OR table_name NOT IN (SELECT d.table_name FROM table_drafts d)
        OR EXISTS (SELECT 1 FROM table_drafts d WHERE d.table_name = ${table}.table_name
          AND (${table}.row->>d.unsigned_column IS NOT NULL OR ${table}.row->>d.author_column = ${setting('user_id')})))))`;
}
