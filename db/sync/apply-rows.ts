import type { Statement } from 'better-sqlite3-multiple-ciphers';
import { syncedTable } from '../../core/sync/synced-tables';
import type { RowChange } from '../../core/sync/sync-protocol';
import type { Store } from '../store';
import { quoteIdentifier, syncedColumns } from './synced-columns';

type RowValues = Record<string, string | number | null>;

/** How many rows an apply changed, for "what moved". */
export interface AppliedCount {
  readonly changed: number;
  readonly unchanged: number;
}

/**
 * The store's lock triggers (signed assessments, agreed plans, append-only history, ended
 * meetings) on the given tables. They guard against edits made on this laptop; a row the
 * partnership server holds is already the agreed record, so they are lifted while it is written
 * and put back, word for word, before the same transaction commits.
 */
function lockTriggers(sqlite: Store['sqlite'], tables: ReadonlySet<string>): Array<{ name: string; sql: string }> {
  const rows = sqlite
    .prepare("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%WORKWELL_LOCKED%'")
    .all() as Array<{ name: string; tbl_name: string; sql: string }>;
  return rows.filter((row) => tables.has(row.tbl_name));
}

function keyWhere(key: readonly string[]): string {
  return key.map((column) => `CAST(${quoteIdentifier(column)} AS TEXT) = ?`).join(' AND ');
}

/**
 * Writes the server's rows into the store in ONE transaction: an upsert (only the columns that
 * differ, so an identical row is a no-op) or a delete by key, for tables that sync only. Capture is
 * off meanwhile, so the rows are not sent back; foreign keys are checked at the commit, so rows may
 * arrive in any order; the local search index and caches follow through their own triggers.
 * Keys in `skip` (changes of this laptop still waiting to be pushed) are left alone.
 */
export function applyServerRows(
  store: Pick<Store, 'sqlite'>,
  changes: readonly RowChange[],
  skip: ReadonlySet<string> = new Set(),
): AppliedCount {
  const { sqlite } = store;
  let changed = 0;
  let unchanged = 0;
  const tables = new Set(changes.map((change) => change.table).filter((table) => syncedTable(table) !== undefined));
  const columnsOf = new Map([...tables].map((table) => [table, new Set(syncedColumns(sqlite, syncedTable(table)!))]));
  // One statement per SQL text for the whole call: an enrolment applies ~15 rows per person, and
  // preparing each row's statement afresh was a third of its time (bench/sync-bench.ts).
  const statements = new Map<string, Statement<unknown[]>>();
  const statement = (text: string) => {
    let prepared = statements.get(text);
    if (prepared === undefined) statements.set(text, (prepared = sqlite.prepare(text)));
    return prepared;
  };
  sqlite.transaction(() => {
    sqlite.pragma('defer_foreign_keys = ON');
    sqlite.prepare('UPDATE sync_state SET capturing = 0 WHERE id = 1').run();
    const locks = lockTriggers(sqlite, tables);
    for (const trigger of locks) sqlite.exec(`DROP TRIGGER ${quoteIdentifier(trigger.name)}`);
    for (const change of changes) {
      const entry = syncedTable(change.table);
      const columns = columnsOf.get(change.table);
      if (entry === undefined || columns === undefined || change.key.length !== entry.key.length) continue;
      if (skip.has(`${change.table}\u0000${JSON.stringify(change.key)}`)) continue;
      const table = quoteIdentifier(entry.table);
      const where = keyWhere(entry.key);
      if (change.row === null) {
        const removed = statement(`DELETE FROM ${table} WHERE ${where}`).run(...change.key).changes;
        if (removed > 0) changed += 1;
        else unchanged += 1;
        continue;
      }
      const row = Object.fromEntries(Object.entries(change.row).filter(([column]) => columns.has(column))) as RowValues;
      const existing = statement(`SELECT * FROM ${table} WHERE ${where}`).get(...change.key) as RowValues | undefined;
      if (existing === undefined) {
        const names = Object.keys(row);
        statement(`INSERT INTO ${table} (${names.map(quoteIdentifier).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`).run(
          ...names.map((name) => row[name]),
        );
        changed += 1;
        continue;
      }
      const differing = Object.keys(row).filter((column) => existing[column] !== row[column]);
      if (differing.length === 0) {
        unchanged += 1;
        continue;
      }
      statement(`UPDATE ${table} SET ${differing.map((column) => `${quoteIdentifier(column)} = ?`).join(', ')} WHERE ${where}`).run(
        ...differing.map((column) => row[column]),
        ...change.key,
      );
      changed += 1;
    }
    for (const trigger of locks) sqlite.exec(trigger.sql);
    sqlite.prepare('UPDATE sync_state SET capturing = 1 WHERE id = 1').run();
  })();
  return { changed, unchanged };
}
