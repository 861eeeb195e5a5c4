import { sql, type Kysely } from 'kysely';

/**
 * Indexes for the pull (server/sync-pull.ts, issue 14's enrolment target). A pull sends each key's
 * newest state after the laptop's cursor: that is `records` (every key's current row, with the
 * sequence number of the change that made it) after the cursor, plus the deletions logged after
 * it. Ordered by sequence number within a partnership, a page of either reads only its own rows and
 * stops at its limit, whatever the size of the partnership:
 * - `records_partnership_seq`: the current rows in the server's order;
 * - `change_log_deletions`: only the log's deletions (a partial index: they are few, and a pull
 *   must not walk every change after its cursor to find them).
 * tests/unit/sync/pull-plan.test.ts asks PostgreSQL's planner, under row-level security, to use them.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('records_partnership_seq').on('records').columns(['partnership_id', 'seq']).execute();
  await sql`CREATE INDEX change_log_deletions ON change_log (partnership_id, seq) WHERE row IS NULL`.execute(db);
}
