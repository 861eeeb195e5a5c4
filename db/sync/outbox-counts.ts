import type { Store } from '../store';

/** How many of this laptop's changes are still waiting for the partnership server. */
export function countWaiting(store: Pick<Store, 'sqlite'>): number {
  const row = store.sqlite.prepare("SELECT count(*) AS n FROM sync_outbox WHERE status = 'waiting'").get() as { n: number };
  return row.n;
}

/** This laptop's waiting changes: `userId`'s own, and other users' (sent when one of them syncs). */
export function countWaitingBy(store: Pick<Store, 'sqlite'>, userId: string): { readonly yours: number; readonly others: number } {
  const row = store.sqlite
    .prepare(
      "SELECT count(*) FILTER (WHERE user_id = ?) AS yours, count(*) FILTER (WHERE user_id IS NOT ?) AS others FROM sync_outbox WHERE status = 'waiting'",
    )
    .get(userId, userId) as { yours: number; others: number };
  return row;
}
