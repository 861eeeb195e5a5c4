import { sql, type Transaction } from 'kysely';
import type { SyncedTable, UniqueColumns } from '../core/sync/synced-tables';
import type { ServerDatabase } from './server-schema';

type RowValues = Record<string, string | number | null>;

/** True when the row falls under a partial unique index's WHERE and holds no null in its columns. */
function covered(unique: UniqueColumns, row: RowValues): boolean {
  if (unique.columns.some((column) => row[column] === null || row[column] === undefined)) return false;
  return Object.entries(unique.where ?? {}).every(([column, wanted]) => row[column] === wanted);
}

/**
 * The first unique index of the store (core/sync/synced-tables.ts `unique`) that `row` would break
 * against another row the server already holds, or undefined. Called after a mutation's rows are
 * written, so rows of the same mutation that move out of each other's way (a draft becoming
 * agreed as a new draft starts) are judged as they end up.
 */
export async function clashingUnique(
  trx: Transaction<ServerDatabase>,
  partnershipId: string,
  entry: SyncedTable,
  key: string,
  row: RowValues,
): Promise<UniqueColumns | undefined> {
  for (const unique of entry.unique ?? []) {
    if (!covered(unique, row)) continue;
    const same = [...unique.columns.map((column) => [column, String(row[column])] as const), ...Object.entries(unique.where ?? {})];
    const conditions = same.map(([column, wanted]) =>
      unique.nocase === true && unique.columns.includes(column)
        ? sql`lower(row->>${column}) = lower(${wanted})`
        : sql`row->>${column} = ${wanted}`,
    );
    const clash = await trx
      .selectFrom('records')
      .select('key')
      .where('partnership_id', '=', partnershipId)
      .where('table_name', '=', entry.table)
      .where('key', '<>', key)
      .where(sql<boolean>`${sql.join(conditions, sql` AND `)}`)
      .limit(1)
      .executeTakeFirst();
    if (clash !== undefined) return unique;
  }
  return undefined;
}

/**
 * True when every record `row` newly references (core/sync/synced-tables.ts `references`: the
 * store's foreign keys) is held by the server. A reference unchanged from `base` is not judged
 * again. False: the row builds on a record the server refused (or never received). One query for
 * all of the row's references.
 */
export async function parentsHeld(
  trx: Transaction<ServerDatabase>,
  partnershipId: string,
  entry: SyncedTable,
  row: RowValues,
  base: RowValues | null,
): Promise<boolean> {
  const wanted = new Map<string, { table: string; key: string }>();
  for (const [column, table] of Object.entries(entry.references ?? {})) {
    const parent = row[column];
    if (parent === null || parent === undefined || (base !== null && base[column] === parent)) continue;
    const key = JSON.stringify([String(parent)]);
    wanted.set(JSON.stringify([table, key]), { table, key });
  }
  if (wanted.size === 0) return true;
  const pairs = [...wanted.values()].map(({ table, key }) => sql`(${table}, ${key})`);
  const found = await trx
    .selectFrom('records')
    .select((eb) => eb.fn.countAll<string>().as('held'))
    .where('partnership_id', '=', partnershipId)
    .where(sql<boolean>`(table_name, key) IN (${sql.join(pairs)})`)
    .executeTakeFirstOrThrow();
  return Number(found.held) === wanted.size;
}
