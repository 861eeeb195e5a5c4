import type { Mutation, MutationResult } from '../../core/sync/sync-protocol';
import type { Store } from '../../db/store';
import { applyServerRows } from '../../db/sync/apply-rows';
import { markApplied, markRefused } from '../../db/sync/outbox';

/** One refused change as the person is told about it. */
export interface RefusedChange {
  readonly mutationId: number;
  readonly channel: string;
  readonly code: string;
  readonly message: string;
}

/** What one push's answers did to the outbox. */
export interface SettledPush {
  readonly pushed: number;
  readonly duplicates: number;
  readonly refused: readonly RefusedChange[];
  readonly lastPushed: number;
}

/**
 * Records the server's answer to a push: applied (or already applied) entries are done; a refused
 * one stays in the outbox with the person's input and the server's code and message, and the
 * server's rows are put back for the keys it touched. Rows of later waiting changes that build on
 * it are moved out of the way with it (db/sync/displace-local-rows.ts); the server refuses those
 * changes in turn when they are pushed, so they are undone and listed too.
 */
export function settlePush(store: Pick<Store, 'sqlite'>, batch: readonly Mutation[], results: readonly MutationResult[]): SettledPush {
  let pushed = 0;
  let duplicates = 0;
  let lastPushed = 0;
  const refused: RefusedChange[] = [];
  for (const result of results) {
    lastPushed = Math.max(lastPushed, result.mutationId);
    if (result.outcome !== 'refused') {
      markApplied(store, result.mutationId);
      if (result.outcome === 'applied') pushed += 1;
      else duplicates += 1;
      continue;
    }
    markRefused(store, result.mutationId, result.code, result.message);
    applyServerRows(store, result.serverRows);
    refused.push({
      mutationId: result.mutationId,
      channel: batch.find((each) => each.mutationId === result.mutationId)?.channel ?? '',
      code: result.code,
      message: result.message,
    });
  }
  return { pushed, duplicates, refused, lastPushed };
}
