import type { Clock } from '../../core/clock';
import { SYNC_FORMAT_VERSION } from '../../core/sync/sync-protocol';
import type { Store } from '../../db/store';
import { applyServerRows } from '../../db/sync/apply-rows';
import { installCaptureTriggers } from '../../db/sync/capture-triggers';
import { waitingKeys, waitingMutations } from '../../db/sync/outbox';
import { markAppliedUpTo } from '../../db/sync/outbox-watermark';
import { markSynced, readSyncState, saveCursor, type SyncState } from '../../db/sync/sync-state';
import { pushAuditTrail, type AuditPushReport } from './audit-sync';
import { settlePush, type RefusedChange } from './settle-push';
import { pull, push, signIn } from './sync-client';
import { takeSignedRoles } from './signed-roles-sync';
import { sendUserChanges } from './user-changes';

export type { RefusedChange } from './settle-push';

/** What one sync moved. */
export interface SyncReport {
  readonly pushed: number;
  readonly duplicates: number;
  readonly refused: readonly RefusedChange[];
  readonly pulled: number;
  /** Users added or revoked on this laptop that the server was told about (administrators only). */
  readonly users: number;
  /** This laptop's audit entries sent to the server (services/sync/audit-sync.ts). */
  readonly audit: AuditPushReport;
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
 * Push, then pull, once, signed in as `user`: their own waiting changes go, up to the first of
 * another user's (the server checks the role of whoever made a change, and changes leave a laptop
 * in the order they were made). Each refused mutation is settled by settle-push.ts: the server's
 * rows put back, the person's input and the server's message kept in the outbox.
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
    const settled = settlePush(store, batch, answer.results);
    pushed += settled.pushed;
    duplicates += settled.duplicates;
    lastPushed = Math.max(lastPushed, settled.lastPushed);
    refused.push(...settled.refused);
  }
  // Users after the outbox: a team member made here and linked to a new user is on the server by then.
  const users =
    session.user.role === 'administrator' && options.keyringPath !== undefined
      ? await sendUserChanges(store, options.keyringPath, state.serverUrl, session.token)
      : 0;
  const pulled = await pullAll(store, state.serverUrl, session.token, state.cursor, user.userId);
  // Roles as signed on the server: a role saved on another laptop opens here too (issue 18 item 1).
  if (options.keyringPath !== undefined) await takeSignedRoles(options.keyringPath, state.serverUrl, session.token);
  const audit = await pushAuditTrail(store, state.serverUrl, session.token);
  markSynced(store, clock().toISOString(), lastPushed);
  return { pushed, duplicates, refused, pulled, users, audit };
}
