import type { Statement } from 'better-sqlite3-multiple-ciphers';
import { syncedTable } from '../../core/sync/synced-tables';
import type { RowChange } from '../../core/sync/sync-protocol';
import type { Store } from '../store';
import { displaceLocalRow, displaceUniqueClashes, keyId, withReferencingTables } from './displace-local-rows';
import { waitingKeys } from './outbox';
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

/**
 * The key columns compared with the wire's text values. The column itself, never `CAST(column AS
 * TEXT)`: a cast hides the column from its primary-key index, so each row would scan its whole table
 * (quadratic: minutes for a large partnership). The column's affinity converts a text value for
 * an INTEGER column, so the comparison is the same.
 */
function keyWhere(key: readonly string[]): string {
  return key.map((column) => `${quoteIdentifier(column)} = ?`).join(' AND ');
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
  // Rows this laptop made that the server does not hold: moved out of the way of the server's rows (displace-local-rows.ts).
  const made = waitingKeys(store, { insertsOnly: true });
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
    const locks = lockTriggers(sqlite, withReferencingTables(tables));
    for (const trigger of locks) sqlite.exec(`DROP TRIGGER ${quoteIdentifier(trigger.name)}`);
    // The server's newest state of each key skipped for a waiting change: written after all if that change's row stands in the way.
    const skipped = new Map(
      changes.filter((change) => skip.has(keyId(change.table, change.key))).map((change) => [keyId(change.table, change.key), change]),
    );
    const writeChange = (change: RowChange): void => {
      const entry = syncedTable(change.table);
      const columns = columnsOf.get(change.table);
      if (entry === undefined || columns === undefined || change.key.length !== entry.key.length) return;
      const table = quoteIdentifier(entry.table);
      const where = keyWhere(entry.key);
      if (change.row === null) {
        const exists = statement(`SELECT 1 FROM ${table} WHERE ${where}`).get(...change.key) !== undefined;
        if (exists) displaceLocalRow(sqlite, entry.table, change.key, made);
        if (exists) changed += 1;
        else unchanged += 1;
        return;
      }
      const row = Object.fromEntries(Object.entries(change.row).filter(([column]) => columns.has(column))) as RowValues;
      const existing = statement(`SELECT * FROM ${table} WHERE ${where}`).get(...change.key) as RowValues | undefined;
      const differing = existing === undefined ? Object.keys(row) : Object.keys(row).filter((column) => existing[column] !== row[column]);
      if (differing.length === 0) {
        unchanged += 1;
        return;
      }
      const write = () =>
        existing === undefined
          ? statement(
              `INSERT INTO ${table} (${differing.map(quoteIdentifier).join(', ')}) VALUES (${differing.map(() => '?').join(', ')})`,
            ).run(...differing.map((name) => row[name]))
          : statement(`UPDATE ${table} SET ${differing.map((column) => `${quoteIdentifier(column)} = ?`).join(', ')} WHERE ${where}`).run(
              ...differing.map((column) => row[column]),
              ...change.key,
            );
      try {
        write();
      } catch (error) {
        // Another laptop's row won on the server (a draft for the same person): ours, still waiting, makes way;
        // a row of ours the server has moved on (skipped above) takes the server's state, as its refusal will.
        const makeWay = (id: string) => {
          const pending = skipped.get(id);
          if (pending === undefined) return false;
          skipped.delete(id);
          writeChange(pending);
          return true;
        };
        if (
          (error as { code?: string }).code !== 'SQLITE_CONSTRAINT_UNIQUE' ||
          displaceUniqueClashes(sqlite, entry, row, made, makeWay) === 0
        )
          throw error;
        write();
      }
      changed += 1;
    };
    for (const change of changes) if (!skip.has(keyId(change.table, change.key))) writeChange(change);
    for (const trigger of locks) sqlite.exec(trigger.sql);
    sqlite.prepare('UPDATE sync_state SET capturing = 1 WHERE id = 1').run();
  })();
  return { changed, unchanged };
}
