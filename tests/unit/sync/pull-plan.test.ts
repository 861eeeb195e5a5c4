import Database from 'better-sqlite3-multiple-ciphers';
import { CompiledQuery, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_PARTNERSHIP } from '../../../core/demo-partnership';
import { roleSchema } from '../../../core/roles';
import { enrolLaptop } from '../../../services/sync/enrol';
import { pageQuery, planPageInOrder } from '../../../server/pull-page';
import { inRequestScope } from '../../../server/request-scope';
import { countingDemoServer } from '../../support/counting-server-database';
import { tempDir } from '../../support/temp-dir';
import { testClock } from '../../support/test-clock';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});

/** PHQ-9 results added to the demo's, so the tables are large enough for the planner's choice to matter. */
const EXTRA = 12_000;
/** Of those, every DELETED_EVERY-th is deleted again (a deletion in the change log, no record). */
const DELETED_EVERY = 240;
const LIMIT = 1_000;

/**
 * A partnership server on the demo whose database handle counts its statements, with EXTRA more
 * measure results (copies of one of the demo's under new ids, each a change and a record, as `server
 * init` writes them), some deleted again, and the planner's statistics up to date.
 */
async function largePartnership() {
  const { db, server, counted, reset } = await countingDemoServer(cleanups);
  // As the test cluster's superuser, which row-level security does not bind.
  await sql`
    WITH source AS (SELECT partnership_id, row FROM records WHERE table_name = 'measure_results' ORDER BY seq LIMIT 1),
    logged AS (
      INSERT INTO change_log (partnership_id, table_name, key, row)
      SELECT partnership_id, 'measure_results', jsonb_build_array('synthetic-' || g)::text, jsonb_set(row, '{id}', to_jsonb('synthetic-' || g))
      FROM source, generate_series(1, ${EXTRA}::int) g ORDER BY g
      RETURNING partnership_id, seq, key, row)
    INSERT INTO records (partnership_id, table_name, key, row, seq) SELECT partnership_id, 'measure_results', key, row, seq FROM logged`.execute(
    db,
  );
  await sql`
    WITH gone AS (
      DELETE FROM records WHERE table_name = 'measure_results'
        AND key IN (SELECT jsonb_build_array('synthetic-' || g)::text FROM generate_series(1, ${EXTRA}::int, ${DELETED_EVERY}::int) g)
      RETURNING partnership_id, table_name, key)
    INSERT INTO change_log (partnership_id, table_name, key, row) SELECT partnership_id, table_name, key, NULL FROM gone ORDER BY key`.execute(
    db,
  );
  await sql`ANALYZE records`.execute(db);
  await sql`ANALYZE change_log`.execute(db);
  const coach = await db
    .selectFrom('users')
    .select(['id', 'partnership_id', 'role'])
    .where('username', '=', 'demo.coach')
    .executeTakeFirstOrThrow();
  return {
    db,
    server,
    caller: { partnershipId: coach.partnership_id, userId: coach.id, role: roleSchema.parse(coach.role) },
    counted,
    reset,
  };
}

interface PlanNode {
  readonly 'Node Type': string;
  readonly 'Relation Name'?: string;
  readonly 'Index Name'?: string;
  readonly 'Actual Rows'?: number;
  readonly 'Actual Loops'?: number;
  readonly Plans?: readonly PlanNode[];
}

function nodesOf(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(nodesOf)];
}

/** PostgreSQL's plan of a pull's page after `cursor`, run (EXPLAIN ANALYZE) as the caller's request: row-level security applies. */
async function explainPage(partnership: Awaited<ReturnType<typeof largePartnership>>, cursor: string): Promise<PlanNode[]> {
  return inRequestScope(partnership.db, partnership.caller, async (trx) => {
    await planPageInOrder(trx);
    const query = pageQuery(trx, partnership.caller, { cursor, limit: LIMIT }).compile();
    const { rows } = await trx.executeQuery<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>(
      CompiledQuery.raw(`EXPLAIN (ANALYZE, FORMAT JSON) ${query.sql}`, [...query.parameters]),
    );
    return nodesOf(rows[0]!['QUERY PLAN'][0]!.Plan);
  });
}

/**
 * Issue 14: a laptop enrols from a server holding 20,000 people (about 300,000 records) within
 * 60 s. A pull page must read its own rows by index in sequence order and stop at its limit, as
 * the caller's row-level security sees them: a page that read the whole change log or every record
 * (a sequential scan, a hashed subquery, a join) cost 0.6 s of PostgreSQL's CPU per page at 20,000
 * people, and grew with the partnership. And an enrolment must cost a bounded number of statements
 * per row, on the server and on the laptop.
 */
describe('a pull page under row-level security', () => {
  it('reads the current records and the deletions by their indexes, stopping at its limit', { timeout: 180_000 }, async () => {
    const partnership = await largePartnership();
    const middle = await partnership.db
      .selectFrom('records')
      .select('seq')
      .where('key', '=', JSON.stringify([`synthetic-${EXTRA / 2}`]))
      .executeTakeFirstOrThrow();
    for (const cursor of ['0', String(middle.seq)]) {
      const nodes = await explainPage(partnership, cursor);
      const scans = nodes.filter((node) => node['Relation Name'] === 'records' || node['Relation Name'] === 'change_log');
      expect(scans.filter((node) => /Seq Scan|Bitmap/.test(node['Node Type']))).toEqual([]);
      const byIndex = (name: string) => scans.filter((node) => node['Index Name'] === name);
      expect(byIndex('records_partnership_seq')).toHaveLength(1);
      expect(byIndex('change_log_deletions')).toHaveLength(1);
      // The page's rows and the one over, not the partnership's.
      expect(byIndex('records_partnership_seq')[0]!['Actual Rows']).toBeLessThanOrEqual(LIMIT + 1);
      expect(nodes[0]!['Actual Rows']).toBe(LIMIT + 1);
    }
  });

  it('enrols a laptop in a bounded number of statements per row, on the server and on the laptop', { timeout: 180_000 }, async () => {
    const partnership = await largePartnership();
    const executions = countSqliteExecutions();
    partnership.reset();
    const report = await enrolLaptop({
      dataDir: tempDir(),
      serverUrl: partnership.server.url,
      username: 'demo.coach',
      passphrase: DEMO_PARTNERSHIP.passphrase,
      clock: testClock(),
    }).finally(executions.stop);
    const perThousand = (partnership.counted() * 1000) / report.pulled;
    const perRow = executions.counted() / report.pulled;
    console.log(`enrolment of ${report.pulled} rows: ${partnership.counted()} server statements, ${executions.counted()} on the laptop`);
    expect(report.pulled).toBeGreaterThan(EXTRA);
    // Per page: a few statements to sign in and find the cursor, one for the page; nothing per row.
    expect(perThousand).toBeLessThanOrEqual(10);
    // Per row: the row's current state read by key and its insert (the store's own set-up aside).
    expect(perRow).toBeLessThanOrEqual(2.5);
  });
});

/**
 * Counts the SQLite statements this process runs (`run`, `get`, `all`, `iterate` on a prepared
 * statement), on the real store: the methods of better-sqlite3's Statement are wrapped, not replaced.
 */
function countSqliteExecutions(): { counted: () => number; stop: () => void } {
  const probe = new Database(':memory:');
  const prototype = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Record<string, (...args: unknown[]) => unknown>;
  probe.close();
  let count = 0;
  const originals = (['run', 'get', 'all', 'iterate'] as const).map((name) => [name, prototype[name]!] as const);
  for (const [name, original] of originals)
    prototype[name] = function (this: unknown, ...args: unknown[]) {
      count += 1;
      return original.apply(this, args);
    };
  return {
    counted: () => count,
    stop: () => {
      for (const [name, original] of originals) prototype[name] = original;
    },
  };
}
