import type { Kysely } from 'kysely';
import { SYNCED_TABLES } from '../core/sync/synced-tables';
import type { RowChange } from '../core/sync/sync-protocol';
import { setRequestSettings, type RequestScope } from './request-scope';
import { ServerError } from './server-error';
import type { ServerDatabase } from './server-schema';

/**
 * The settings a server-side job (the nightly export) reads a partnership's records under: the
 * whole partnership (setRequestSettings' `whole`; the administrator's role alone reads no clinical
 * table), and no user is acting.
 */
const SERVER_JOB = (partnershipId: string): RequestScope => ({ partnershipId, role: 'administrator', userId: 'partnership-server' });

/** Rows read from PostgreSQL at a time: a page is applied to the laptop store in one transaction. */
const PAGE = 1_000;

/**
 * The partnership a server-side job works on: the one named, or the only one the server holds.
 * Refused (typed, nothing read) when the named one is not there, or when none is named and the
 * server holds none or several.
 */
export async function choosePartnership(db: Kysely<ServerDatabase>, id: string | undefined): Promise<{ id: string; name: string }> {
  const rows = await db.selectFrom('partnerships').select(['id', 'name']).orderBy('id').execute();
  if (id !== undefined) {
    const found = rows.find((row) => row.id === id);
    if (found === undefined) throw new ServerError('PARTNERSHIP_NOT_FOUND', `This server holds no partnership with the id ${id}.`);
    return found;
  }
  if (rows.length === 1) return rows[0]!;
  throw new ServerError(
    'PARTNERSHIP_NOT_FOUND',
    rows.length === 0
      ? 'This server holds no partnership yet. Put one on it first (workwell-mdt server init).'
      : `This server holds ${rows.length} partnerships: name one with --partnership ID (${rows.map((row) => row.id).join(', ')}).`,
  );
}

/**
 * Every current row of a partnership (`records`), a page at a time, table by table in the sync
 * catalogue's order (mostly parents first; the transient store checks foreign keys only once all
 * are in), each table in key order. A
 * keyset read on the primary key, so memory stays flat whatever the partnership's size.
 */
export async function* partnershipRowPages(
  db: Kysely<ServerDatabase>,
  partnershipId: string,
  rowsPerPage: number = PAGE,
): AsyncGenerator<RowChange[]> {
  for (const { table } of SYNCED_TABLES) {
    let after: string | null = null;
    for (;;) {
      // The FORCEd row-level security on `records` binds the owning account too (migration
      // 2026-12-06-003): read each page inside the partnership's settings, as `server init` writes.
      const rows = await db.transaction().execute(async (trx) => {
        await setRequestSettings(trx, SERVER_JOB(partnershipId), true);
        let query = trx
          .selectFrom('records')
          .select(['key', 'row'])
          .where('partnership_id', '=', partnershipId)
          .where('table_name', '=', table)
          .orderBy('key')
          .limit(rowsPerPage);
        if (after !== null) query = query.where('key', '>', after);
        return query.execute();
      });
      if (rows.length === 0) break;
      yield rows.map((row) => ({ table, key: JSON.parse(row.key) as string[], row: row.row as RowChange['row'] }));
      if (rows.length < rowsPerPage) break;
      after = rows.at(-1)!.key;
    }
  }
}
