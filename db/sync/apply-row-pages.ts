import type { RowChange } from '../../core/sync/sync-protocol';
import type { Store } from '../store';
import { applyServerRows } from './apply-rows';

/**
 * Writes a whole partnership's rows, page by page as they are read, into a store no one else has
 * open, in ONE transaction with foreign keys checked only at its commit. Each page on its own
 * would be checked at its own commit, and a page can hold a row whose parent comes in a later one:
 * an assessment refers to a measure result (a later table in the sync catalogue), an amendment to
 * the assessment it amends, a plan version to the one it is based on (keys in any order). Nothing
 * is kept if any row is refused. Safe across the awaits only because the store is private to the
 * caller (a transient store, services/sync/transient-store.ts). Returns the rows written.
 */
export async function applyServerRowPages(store: Pick<Store, 'sqlite'>, pages: AsyncIterable<readonly RowChange[]>): Promise<number> {
  const { sqlite } = store;
  sqlite.exec('BEGIN IMMEDIATE');
  try {
    // Reset by every COMMIT; set here for the outer transaction (each page runs as a savepoint in it).
    sqlite.pragma('defer_foreign_keys = ON');
    let written = 0;
    for await (const page of pages) written += applyServerRows(store, page).changed;
    sqlite.exec('COMMIT');
    return written;
  } catch (error) {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    throw error;
  }
}
