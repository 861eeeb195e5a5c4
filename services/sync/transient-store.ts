import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RowChange } from '../../core/sync/sync-protocol';
import { DATA_KEY_BYTES } from '../../db/keyring';
import { openStore, type Store } from '../../db/store';
import { applyServerRowPages } from '../../db/sync/apply-row-pages';

/** Where and how a transient store is made. */
export interface TransientStoreOptions {
  /** The folder the store's private folder is made in (default: the system's temporary folder). */
  readonly tempRoot?: string;
}

/**
 * Builds a throwaway store from a partnership's rows, runs `work` on it, and destroys it, whatever
 * happens. This is how the partnership server runs the laptop's exports (issue 14 item 9): rather
 * than re-implementing the FHIR export and the MI return over PostgreSQL (a second copy of every
 * rule about consent, plan versions and month ends, which would drift), it fills the SAME store a
 * laptop would hold, through the same apply a new laptop's enrolment uses, and hands it to the same
 * services, so what leaves is byte for byte what a laptop holding everything would send.
 *
 * Why on disk, encrypted, rather than in memory: a partnership of 20,000 people with their
 * histories is hundreds of megabytes, which the server should not have to hold at once. The store
 * is an ordinary encrypted store (SQLCipher, temp tables in memory, the WAL encrypted too) in a
 * folder only this user can read (`mkdtemp`: mode 0700), under a random data key that exists only
 * in this process's memory and is zeroed after. It is removed in `finally` (an error, a failed
 * export, a refused row); if the process is killed first, what is left is ciphertext whose key died
 * with the process.
 */
export async function withTransientStore<T>(
  pages: AsyncIterable<readonly RowChange[]>,
  work: (store: Store) => Promise<T>,
  options: TransientStoreOptions = {},
): Promise<T> {
  const folder = await mkdtemp(path.join(options.tempRoot ?? tmpdir(), 'workwell-transient-'));
  const dataKey = randomBytes(DATA_KEY_BYTES);
  let store: Store | undefined;
  try {
    store = await openStore(path.join(folder, 'store.db'), dataKey, { create: true });
    dataKey.fill(0);
    await applyServerRowPages(store, pages);
    return await work(store);
  } finally {
    dataKey.fill(0);
    try {
      await store?.close();
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }
}
