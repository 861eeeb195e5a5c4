import type { Store } from '../store';

/** How many of this laptop's changes are still waiting for the partnership server. */
export function countWaiting(store: Pick<Store, 'sqlite'>): number {
  const row = store.sqlite.prepare("SELECT count(*) AS n FROM sync_outbox WHERE status = 'waiting'").get() as { n: number };
  return row.n;
}
