import type { Clock } from '../../core/clock';
import { SYNC_FORMAT_VERSION } from '../../core/sync/sync-protocol';
import type { Store } from '../../db/store';
import { applyServerRows } from '../../db/sync/apply-rows';
import { installCaptureTriggers } from '../../db/sync/capture-triggers';
import { markApplied, markRefused, waitingKeys, waitingMutations } from '../../db/sync/outbox';
import { markAppliedUpTo } from '../../db/sync/outbox-watermark';
import { markSynced, readSyncState, saveCursor, type SyncState } from '../../db/sync/sync-state';
import { pull, push, signIn } from './sync-client';
import { sendUserChanges } from './user-changes';

/** One refused change as the person is told about it. */
export interface RefusedChange {
  readonly mutationId: number;
  readonly channel: string;
  readonly code: string;
  readonly message: string;
}

/** What one sync moved. */
export interface SyncReport {
  readonly pushed: number;
  readonly duplicates: number;
  readonly refused: readonly RefusedChange[];
  readonly pulled: number;
  /** Users added or revoked on this laptop that the server was told about (administrators only). */
  readonly users: number;
}

/**
 * Pulls every change after the cursor, page by page, applying each page in one transaction.
 * Rows of this laptop's changes still waiting to be pushed are not overwritten. `userId`: the
 * signed-in user, whose waiting changes the server's watermark covers (never another user's).
 */
export async function pullAll(
  store: Pick<Store, 'sqlite'>,
  serverUrl: string,
  token: string,
  cursor: string,
  userId?: string,
): Promise<number> {
  let pulled = 0;
  let more = true;
  while (more) {
    const page = await pull(serverUrl, token, cursor);
    const skip = waitingKeys(store);
    pulled += applyServerRows(store, page.changes, skip).changed;
    cursor = page.cursor;
    saveCursor(store, cursor);
    if (userId !== undefined) markAppliedUpTo(store, userId, page.lastMutationId);
    more = page.more;
  }
  return pulled;
}

/**
 * Push, then pull, once, signed in as `user`: their own waiting changes go (another user's wait
 * for that user's sync, since the server checks the role of whoever made a change). Each refused mutation has the server's rows put back for the keys it
 * touched and stays in the outbox as refused, with the person's input and the server's message.
 * Throws ServerUnreachable / ServerRefused from sync-client.ts when it cannot sync at all.
 */
export async function syncOnce(
  store: Pick<Store, 'sqlite'>,
  user: { userId: string; username: string; privateKey: Buffer; publicKey: Buffer },
  clock: Clock,
  options: { formatVersion?: number; keyringPath?: string } = {},
): Promise<SyncReport> {
  const state: SyncState | undefined = readSyncState(store);
  if (state === undefined) throw new Error('This store has not joined a partnership server.');
  installCaptureTriggers(store); // columns added by a migration since the last sync are captured too
  const session = await signIn(state.serverUrl, {
    username: user.username,
    deviceId: state.deviceId,
    privateKey: user.privateKey,
    publicKey: user.publicKey,
  });
  // Users first: a change pushed next may be by, or about, a user the server must know.
  const users =
    session.user.role === 'administrator' && options.keyringPath !== undefined
      ? await sendUserChanges(store, options.keyringPath, state.serverUrl, session.token)
      : 0;
  let pushed = 0;
  let duplicates = 0;
  let lastPushed = 0;
  const refused: RefusedChange[] = [];
  for (
    let batch = waitingMutations(store, { userId: user.userId });
    batch.length > 0;
    batch = waitingMutations(store, { userId: user.userId })
  ) {
    const answer = await push(state.serverUrl, session.token, batch, options.formatVersion ?? SYNC_FORMAT_VERSION);
    for (const result of answer.results) {
      lastPushed = Math.max(lastPushed, result.mutationId);
      if (result.outcome === 'refused') {
        markRefused(store, result.mutationId, result.code, result.message);
        try {
          applyServerRows(store, result.serverRows);
        } catch {
          // A later change of this laptop still builds on the refused one (a measure for a person
          // the server refused): the rows stay as they are, the refusal is kept and shown.
        }
        refused.push({
          mutationId: result.mutationId,
          channel: batch.find((each) => each.mutationId === result.mutationId)?.channel ?? '',
          code: result.code,
          message: result.message,
        });
      } else {
        markApplied(store, result.mutationId);
        if (result.outcome === 'applied') pushed += 1;
        else duplicates += 1;
      }
    }
  }
  const pulled = await pullAll(store, state.serverUrl, session.token, state.cursor, user.userId);
  markSynced(store, clock().toISOString(), lastPushed);
  return { pushed, duplicates, refused, pulled, users };
}
