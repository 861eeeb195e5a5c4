import type { Store } from '../store';

/**
 * Runs a bulk load that can simply be run again if interrupted (seeding synthetic data) with no
 * fsync per transaction and a bigger page cache, then puts the store's usual durability back
 * (`synchronous = FULL`) whether or not the load succeeded.
 */
export function withBulkLoadSettings<T>(store: Pick<Store, 'sqlite'>, load: () => T): T {
  store.sqlite.pragma('synchronous = OFF');
  store.sqlite.pragma('cache_size = -65536');
  try {
    return load();
  } finally {
    store.sqlite.pragma('synchronous = FULL');
  }
}
