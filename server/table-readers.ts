import { sql, type Kysely } from 'kysely';
import { SYNCED_TABLES, type SyncedTable } from '../core/sync/synced-tables';
import type { ServerDatabase } from './server-schema';

/**
 * Copies which roles may read which synced table (`readBy` in core/sync/synced-tables.ts) into
 * `table_readers`, and which tables hold drafts (`draft`) into `table_drafts`, which the row-level
 * security policies on `records` and `change_log` read. Run
 * at every start (server/migrate-server.ts), so the catalogue in code stays the one source of
 * truth and the database never holds an older copy. One transaction under an advisory lock: two
 * servers starting together do not interleave, and a request never sees the table half-filled.
 */
export async function refreshTableReaders(db: Kysely<ServerDatabase>, catalogue: readonly SyncedTable[] = SYNCED_TABLES): Promise<void> {
  const rows = catalogue.flatMap((entry) => entry.readBy.map((role) => ({ table_name: entry.table, role })));
  const drafts = catalogue.flatMap(({ table, draft }) =>
    draft === undefined ? [] : [{ table_name: table, author_column: draft.author, unsigned_column: draft.unsignedWhileNull }],
  );
  await db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(hashtext('workwell_table_readers'))`.execute(trx);
    await trx.deleteFrom('table_readers').execute();
    if (rows.length > 0) await trx.insertInto('table_readers').values(rows).execute();
    await trx.deleteFrom('table_drafts').execute();
    if (drafts.length > 0) await trx.insertInto('table_drafts').values(drafts).execute();
  });
}
