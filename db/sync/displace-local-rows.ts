import { SYNCED_TABLES, syncedTable, type SyncedTable } from '../../core/sync/synced-tables';
import type { SqliteDatabase } from '../open-store';
import { quoteIdentifier } from './synced-columns';

type RowValues = Record<string, string | number | null>;

/** "table\0keyjson": how waiting keys are named (db/sync/outbox.ts `waitingKeys`). */
export function keyId(table: string, key: readonly string[]): string {
  return `${table}\u0000${JSON.stringify(key)}`;
}

function keyWhere(key: readonly string[]): string {
  return key.map((column) => `CAST(${quoteIdentifier(column)} AS TEXT) = ?`).join(' AND ');
}

/** The tables whose rows may reference rows of `tables`, directly or through others, with `tables` themselves. */
export function withReferencingTables(tables: ReadonlySet<string>): Set<string> {
  const all = new Set(tables);
  for (let grew = true; grew;) {
    grew = false;
    for (const entry of SYNCED_TABLES)
      if (!all.has(entry.table) && Object.values(entry.references ?? {}).some((parent) => all.has(parent))) {
        all.add(entry.table);
        grew = true;
      }
  }
  return all;
}

function keyOf(entry: SyncedTable, row: RowValues): string[] {
  return entry.key.map((column) => String(row[column]));
}

/**
 * Removes a row this laptop made that the partnership server does not hold (a change still
 * waiting, or one just refused) and, first, every row of a waiting change that references it,
 * down the store's foreign keys: those changes build on it, and the server refuses them when they
 * are pushed (their text stays in the outbox). A referencing row the server holds is left, so
 * the foreign key check at the commit says so rather than losing a partnership record.
 * Call inside applyServerRows' transaction (lock triggers lifted, foreign keys deferred).
 */
export function displaceLocalRow(sqlite: SqliteDatabase, table: string, key: readonly string[], waiting: ReadonlySet<string>): void {
  const parent = syncedTable(table);
  if (parent === undefined) return;
  if (parent.key.length === 1) {
    for (const child of SYNCED_TABLES) {
      for (const [column, target] of Object.entries(child.references ?? {})) {
        if (target !== table) continue;
        const rows = sqlite
          .prepare(
            `SELECT ${child.key.map(quoteIdentifier).join(', ')} FROM ${quoteIdentifier(child.table)} WHERE ${quoteIdentifier(column)} = ?`,
          )
          .all(key[0]) as RowValues[];
        for (const row of rows) {
          const childKey = keyOf(child, row);
          if (child.table === table && childKey.join() === key.join()) continue;
          if (waiting.has(keyId(child.table, childKey))) displaceLocalRow(sqlite, child.table, childKey, waiting);
        }
      }
    }
  }
  sqlite.prepare(`DELETE FROM ${quoteIdentifier(table)} WHERE ${keyWhere(parent.key)}`).run(...key);
}

/**
 * After a server row broke one of the store's unique indexes: the local rows of waiting changes
 * it clashes with (the server holds the other laptop's row, so those changes will be refused)
 * are displaced; any other clashing row is offered to `makeWay` (the caller writes the server's
 * newer state of it, if it has one). Returns how many moved; 0: the clash is not ours to settle.
 */
export function displaceUniqueClashes(
  sqlite: SqliteDatabase,
  entry: SyncedTable,
  row: RowValues,
  waiting: ReadonlySet<string>,
  makeWay: (keyId: string) => boolean = () => false,
): number {
  let displaced = 0;
  const ownKey = keyOf(entry, row);
  for (const unique of entry.unique ?? []) {
    if (unique.columns.some((column) => row[column] === null || row[column] === undefined)) continue;
    if (Object.entries(unique.where ?? {}).some(([column, wanted]) => row[column] !== wanted)) continue;
    const conditions = [
      ...unique.columns.map((column) => `${quoteIdentifier(column)} = ?${unique.nocase === true ? ' COLLATE NOCASE' : ''}`),
      ...Object.keys(unique.where ?? {}).map((column) => `${quoteIdentifier(column)} = ?`),
    ];
    const clashes = sqlite
      .prepare(`SELECT ${entry.key.map(quoteIdentifier).join(', ')} FROM ${quoteIdentifier(entry.table)} WHERE ${conditions.join(' AND ')}`)
      .all(...unique.columns.map((column) => row[column]), ...Object.values(unique.where ?? {})) as RowValues[];
    for (const clash of clashes) {
      const clashKey = keyOf(entry, clash);
      if (clashKey.join() === ownKey.join()) continue;
      if (waiting.has(keyId(entry.table, clashKey))) displaceLocalRow(sqlite, entry.table, clashKey, waiting);
      else if (!makeWay(keyId(entry.table, clashKey))) continue;
      displaced += 1;
    }
  }
  return displaced;
}
