import type { SqliteDatabase } from './open-store';
import type { Store } from './store';

/**
 * Tables that keep a person's id after their record is deleted: the audit trail (ids only, never
 * clinical text, and append-only by design) and the purge marker itself.
 */
const KEPT_TABLES: ReadonlySet<string> = new Set(['audit_log', 'retention_purge']);

interface ForeignKey {
  readonly child: string;
  readonly column: string;
  readonly parent: string;
  readonly parentColumn: string;
}

function quote(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}

/** The ordinary tables of the store (not virtual or shadow tables, not SQLite's or Kysely's own). */
function ordinaryTables(sqlite: SqliteDatabase): string[] {
  const rows = sqlite.pragma('table_list') as Array<{ schema: string; name: string; type: string }>;
  return rows
    .filter((row) => row.schema === 'main' && row.type === 'table' && !row.name.startsWith('sqlite_') && !row.name.startsWith('kysely_'))
    .map((row) => row.name);
}

function primaryKeyOf(sqlite: SqliteDatabase, table: string): string {
  const columns = sqlite.pragma(`table_info(${quote(table)})`) as Array<{ name: string; pk: number }>;
  return columns.find((column) => column.pk === 1)?.name ?? 'rowid';
}

/**
 * Which rows of which tables belong to one person, read from the schema itself: the participant
 * row, every row that references a row of theirs by a foreign key (however deep), and every row
 * of a table with a `participant_id` column. Reading the schema rather than listing tables means a
 * table added by a later feature is covered without touching this code. Returns the tables in a
 * safe delete order (rows that reference others first) with each one's row selector, which uses
 * the `:participantId` parameter.
 */
export function purgePlan(sqlite: SqliteDatabase): Array<{ table: string; where: string }> {
  const tables = ordinaryTables(sqlite).filter((table) => !KEPT_TABLES.has(table));
  const keys: ForeignKey[] = tables.flatMap((child) =>
    (sqlite.pragma(`foreign_key_list(${quote(child)})`) as Array<{ table: string; from: string; to: string | null }>).map((key) => ({
      child,
      column: key.from,
      parent: key.table,
      parentColumn: key.to ?? primaryKeyOf(sqlite, key.table),
    })),
  );
  const hasParticipantColumn = (table: string) =>
    (sqlite.pragma(`table_info(${quote(table)})`) as Array<{ name: string }>).some((column) => column.name === 'participant_id');

  const selectors = new Map<string, string>();
  const visiting = new Set<string>();
  const selectorOf = (table: string): string | undefined => {
    if (table === 'participants') return 'id = :participantId';
    if (selectors.has(table)) return selectors.get(table);
    if (visiting.has(table)) return undefined; // a cycle between tables: that path adds nothing new
    visiting.add(table);
    const paths: string[] = [];
    if (hasParticipantColumn(table)) paths.push('participant_id = :participantId');
    for (const key of keys) {
      // A self-reference (an amendment naming the version it amends) stays within the same person.
      if (key.child !== table || key.parent === table || KEPT_TABLES.has(key.parent)) continue;
      const parentWhere = selectorOf(key.parent);
      if (parentWhere !== undefined)
        paths.push(`${quote(key.column)} IN (SELECT ${quote(key.parentColumn)} FROM ${quote(key.parent)} WHERE ${parentWhere})`);
    }
    visiting.delete(table);
    const where = paths.length === 0 ? undefined : paths.map((path) => `(${path})`).join(' OR ');
    if (where !== undefined) selectors.set(table, where);
    return where;
  };

  const planned = tables.filter((table) => selectorOf(table) !== undefined);
  // Children before parents: a table is deleted once no table still to go references it, so each
  // selector can still find its parent rows and no foreign key is left dangling.
  const order: string[] = [];
  const remaining = new Set(planned);
  while (remaining.size > 0) {
    const ready = [...remaining].filter(
      (table) => !keys.some((key) => key.parent === table && key.child !== table && remaining.has(key.child)),
    );
    // A cycle across tables cannot be ordered: leave the rest to fail loudly inside the transaction.
    const batch = ready.length > 0 ? ready : [...remaining];
    for (const table of batch) {
      order.push(table);
      remaining.delete(table);
    }
  }
  return order.map((table) => ({ table, where: selectorOf(table) ?? 'false' }));
}

/**
 * Delete-lock triggers on the planned tables that do not know the purge marker (added by a
 * feature after migration 015, or by one whose migration ran after it); never the legal-hold ones.
 * They are dropped and put
 * back, byte for byte, inside the purge transaction: no other connection ever sees them missing,
 * and a failure rolls the drop back with everything else.
 */
function markerUnawareDeleteLocks(sqlite: SqliteDatabase, tables: readonly string[]): Array<{ name: string; sql: string }> {
  const triggers = sqlite.prepare("SELECT name, tbl_name AS tableName, sql FROM sqlite_master WHERE type = 'trigger'").all() as Array<{
    name: string;
    tableName: string;
    sql: string | null;
  }>;
  return triggers
    .filter((trigger) => trigger.sql !== null && tables.includes(trigger.tableName))
    .filter(
      (trigger) =>
        /\bBEFORE\s+DELETE\b/i.test(trigger.sql!) &&
        /\bRAISE\s*\(/i.test(trigger.sql!) &&
        !trigger.sql!.includes('retention_purge') &&
        !trigger.sql!.includes('legal_holds'),
    )
    .map((trigger) => ({ name: trigger.name, sql: trigger.sql! }));
}

/** FTS5 tables: a deleted row's terms linger in the index until it is optimised. */
function fullTextTables(sqlite: SqliteDatabase): string[] {
  const tables = sqlite
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'")
    .all() as Array<{ name: string; sql: string }>;
  return tables.filter((table) => /USING\s+fts5/i.test(table.sql)).map((table) => table.name);
}

/**
 * Deletes every row of one person's record in one transaction, through the only path the lock
 * triggers allow: the `retention_purge` marker names them for the length of the transaction and
 * is gone again before it commits. Returns how many rows went. The caller has checked the rules
 * (due for review, no legal hold); the triggers refuse a held record regardless.
 */
export function purgeParticipantRows(store: Pick<Store, 'sqlite'>, participantId: string): number {
  const { sqlite } = store;
  const plan = purgePlan(sqlite);
  const run = sqlite.transaction(() => {
    sqlite.prepare('INSERT INTO retention_purge (slot, participant_id) VALUES (1, ?)').run(participantId);
    const suspended = markerUnawareDeleteLocks(
      sqlite,
      plan.map((step) => step.table),
    );
    for (const trigger of suspended) sqlite.exec(`DROP TRIGGER ${quote(trigger.name)}`);
    let deleted = 0;
    for (const step of plan) {
      deleted += sqlite.prepare(`DELETE FROM ${quote(step.table)} WHERE ${step.where}`).run({ participantId }).changes;
    }
    for (const trigger of suspended) sqlite.exec(trigger.sql);
    // Rebuild full-text indexes so the person's name and number are not left in old segments.
    for (const table of fullTextTables(sqlite)) sqlite.prepare(`INSERT INTO ${quote(table)} (${quote(table)}) VALUES ('optimize')`).run();
    sqlite.prepare('DELETE FROM retention_purge').run();
    return deleted;
  });
  const deleted = run();
  // Fold the WAL into the store and empty it, so the deleted pages (zeroed: secure_delete is on)
  // are not left readable in the log.
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  return deleted;
}
