import type { Store } from '../store';

/**
 * Marks `userId`'s waiting mutations up to `lastMutationId` (the server's watermark for that user
 * on this laptop) as applied. Only theirs: several users share the laptop's one sequence of
 * mutation ids, and another user's waiting change below the watermark is still theirs to push.
 */
export function markAppliedUpTo(store: Pick<Store, 'sqlite'>, userId: string, lastMutationId: number): void {
  const { sqlite } = store;
  sqlite
    .prepare("UPDATE sync_outbox SET status = 'applied', changes_json = '[]' WHERE status = 'waiting' AND user_id = ? AND mutation_id <= ?")
    .run(userId, lastMutationId);
}
