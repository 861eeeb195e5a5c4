import type { Mutation, RowChange } from '../../core/sync/sync-protocol';
import { SENT_BY_ADMIN_ROUTES } from '../../core/sync/synced-tables';
import type { Store } from '../store';

type RowValues = Record<string, string | number | null>;

interface CaptureRow {
  readonly table_name: string;
  readonly key_json: string;
  readonly row_json: string | null;
  readonly base_json: string | null;
}

/** True once this store has joined a partnership server. */
export function isSyncing(store: Pick<Store, 'sqlite'>): boolean {
  const { sqlite } = store;
  return sqlite.prepare('SELECT 1 FROM sync_state WHERE id = 1').get() !== undefined;
}

/** Forgets rows captured outside a contract call's write (a raw edit, sign-in housekeeping): they are never sent. */
export function discardCapturedChanges(store: Pick<Store, 'sqlite'>): void {
  const { sqlite } = store;
  // Nearly always empty: reading first keeps every call (status polls too) from taking the write
  // lock, so a store another process is writing to does not fail calls that write nothing.
  if (sqlite.prepare('SELECT 1 FROM sync_capture LIMIT 1').get() === undefined) return;
  sqlite.prepare('DELETE FROM sync_capture').run();
}

function sameRow(left: RowValues | null, right: RowValues | null): boolean {
  return JSON.stringify(left) === JSON.stringify(right);
}

/**
 * The captured rows as row changes: one per key, in the order each key was first touched (so a
 * parent inserted before its child stays first), with the state before the first change as `base`
 * and the last state as `row`. A row changed and changed back is left out.
 */
function collapse(captured: readonly CaptureRow[]): RowChange[] {
  const byKey = new Map<string, RowChange>();
  for (const capture of captured) {
    const id = `${capture.table_name}\u0000${capture.key_json}`;
    const row = capture.row_json === null ? null : (JSON.parse(capture.row_json) as RowValues);
    const earlier = byKey.get(id);
    if (earlier === undefined) {
      const base = capture.base_json === null ? null : (JSON.parse(capture.base_json) as RowValues);
      byKey.set(id, { table: capture.table_name, key: JSON.parse(capture.key_json) as string[], row, base });
    } else {
      byKey.set(id, { ...earlier, row });
    }
  }
  return [...byKey.values()].filter((change) => !sameRow(change.row, change.base ?? null));
}

/**
 * Moves the rows captured in the transaction in progress into the outbox as one mutation of
 * `channel` with its parsed `input`. Call it inside the write's own transaction, just before the
 * commit (services/call-audit-scope.ts does), so the change and its queued mutation are durable
 * together. Does nothing on a solo store or when nothing synced changed. Returns the mutation id.
 */
export function queueCapturedChanges(
  store: Pick<Store, 'sqlite'>,
  call: { channel: string; input: unknown; userId: string | null; madeAt: string },
): number | null {
  const { sqlite } = store;
  const captured = sqlite.prepare('SELECT table_name, key_json, row_json, base_json FROM sync_capture ORDER BY seq').all() as CaptureRow[];
  if (captured.length === 0) return null;
  sqlite.prepare('DELETE FROM sync_capture').run();
  const changes = collapse(captured);
  // Nobody to answer for it (setting up, before sign-in): not shared. User administration goes
  // through the server's own routes (SENT_BY_ADMIN_ROUTES), so its input (a passphrase) never queues.
  if (
    changes.length === 0 ||
    call.userId === null ||
    !isSyncing(store) ||
    (SENT_BY_ADMIN_ROUTES as readonly string[]).includes(call.channel)
  )
    return null;
  const { id } = sqlite
    .prepare('UPDATE sync_state SET last_mutation_id = last_mutation_id + 1 WHERE id = 1 RETURNING last_mutation_id AS id')
    .get() as { id: number };
  sqlite
    .prepare('INSERT INTO sync_outbox (mutation_id, user_id, channel, input_json, changes_json, made_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(id, call.userId, call.channel, JSON.stringify(call.input ?? {}), JSON.stringify(changes), call.madeAt);
  return id;
}

/**
 * Mutations the server has not yet accepted, oldest first, as the wire sends them. With `userId`,
 * only that user's that come before any other user's waiting change (a user pushes their own
 * changes, so the server checks the role of whoever made them; and changes leave a laptop in the
 * order they were made, because the server skips a mutation id below one it has already seen and
 * a later change may build on an earlier one of someone else).
 */
export function waitingMutations(store: Pick<Store, 'sqlite'>, options: { limit?: number; userId?: string } = {}): Mutation[] {
  const { sqlite } = store;
  const ownPrefix = `AND user_id = ? AND mutation_id < coalesce((SELECT min(mutation_id) FROM sync_outbox WHERE status = 'waiting' AND user_id <> ?), 9e18)`;
  const rows = sqlite
    .prepare(
      `SELECT mutation_id, channel, input_json, changes_json, made_at FROM sync_outbox WHERE status = 'waiting' ${options.userId === undefined ? '' : ownPrefix} ORDER BY mutation_id LIMIT ?`,
    )
    .all(...(options.userId === undefined ? [] : [options.userId, options.userId]), options.limit ?? 500) as Array<{
    mutation_id: number;
    channel: string;
    input_json: string;
    changes_json: string;
    made_at: string;
  }>;
  return rows.map((row) => ({
    mutationId: row.mutation_id,
    channel: row.channel,
    input: JSON.parse(row.input_json) as unknown,
    changes: JSON.parse(row.changes_json) as RowChange[],
    madeAt: row.made_at,
  }));
}

/** One outbox entry as the person sees it: what, when, and (if refused) why; the input keeps their text. */
export interface OutboxEntry {
  readonly mutationId: number;
  readonly channel: string;
  readonly input: unknown;
  readonly madeAt: string;
  readonly status: 'waiting' | 'applied' | 'refused';
  readonly refusalCode: string | null;
  readonly refusal: string | null;
}

/** The outbox, oldest first, optionally only entries in one status. */
export function listOutbox(store: Pick<Store, 'sqlite'>, status?: OutboxEntry['status']): OutboxEntry[] {
  const { sqlite } = store;
  const rows = sqlite
    .prepare(
      `SELECT mutation_id, channel, input_json, made_at, status, refusal_code, refusal FROM sync_outbox ${status === undefined ? '' : 'WHERE status = ?'} ORDER BY mutation_id`,
    )
    .all(...(status === undefined ? [] : [status])) as Array<{
    mutation_id: number;
    channel: string;
    input_json: string;
    made_at: string;
    status: OutboxEntry['status'];
    refusal_code: string | null;
    refusal: string | null;
  }>;
  return rows.map((row) => ({
    mutationId: row.mutation_id,
    channel: row.channel,
    input: JSON.parse(row.input_json) as unknown,
    madeAt: row.made_at,
    status: row.status,
    refusalCode: row.refusal_code,
    refusal: row.refusal,
  }));
}

/** The server took a mutation (now or in an earlier push): its changes are the partnership's. */
export function markApplied(store: Pick<Store, 'sqlite'>, mutationId: number): void {
  const { sqlite } = store;
  sqlite
    .prepare("UPDATE sync_outbox SET status = 'applied', changes_json = '[]' WHERE mutation_id = ? AND status = 'waiting'")
    .run(mutationId);
}

/** The server refused a mutation: kept, with its input (the person's text) and the server's reason. */
export function markRefused(store: Pick<Store, 'sqlite'>, mutationId: number, code: string, message: string): void {
  const { sqlite } = store;
  sqlite
    .prepare("UPDATE sync_outbox SET status = 'refused', refusal_code = ?, refusal = ? WHERE mutation_id = ?")
    .run(code, message, mutationId);
}

/**
 * Keys ("table\0keyjson") touched by mutations still waiting: a pull must not overwrite them before
 * they are pushed. `insertsOnly`: only rows those mutations made (the server holds none of them).
 */
export function waitingKeys(store: Pick<Store, 'sqlite'>, options: { insertsOnly?: boolean } = {}): Set<string> {
  const keys = new Set<string>();
  for (const mutation of waitingMutations(store, { limit: 100_000 })) {
    for (const change of mutation.changes)
      if (options.insertsOnly !== true || (change.base ?? null) === null) keys.add(`${change.table}\u0000${JSON.stringify(change.key)}`);
  }
  return keys;
}
