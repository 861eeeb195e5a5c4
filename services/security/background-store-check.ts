import { checkableTableNames, tableProblems } from '../../db/repositories/store-file-repository';
import type { Store } from '../../db/store';

/**
 * The quick check of a store too large to check before the first screen (see unlockStore): one
 * table and its indexes at a time, yielding to the event loop between tables so calls keep being
 * answered while it runs. Stops, finding nothing, once `stillOpen` says the session has moved on
 * (locked, or the store replaced by a rotation). The problems of the first damaged table, or none.
 */
export async function checkStoreInSlices(store: Pick<Store, 'sqlite'>, stillOpen: () => boolean): Promise<string[]> {
  for (const table of checkableTableNames(store)) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (!stillOpen()) return [];
    const problems = tableProblems(store, table);
    if (problems.length > 0) return problems;
  }
  return [];
}
