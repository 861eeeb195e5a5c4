import { AsyncLocalStorage } from 'node:async_hooks';
import type { Transaction } from 'kysely';
import { appendAuditEntry, type NewAuditEntry } from '../db/repositories/audit-repository';
import { queueCapturedChanges } from '../db/sync/outbox';
import type { Database } from '../db/schema';
import type { Store } from '../db/store';

/**
 * The audit entry of the call in progress, waiting to be written. A call that changes records in a
 * transaction writes its entry inside that transaction (`auditedTransaction`), so one commit, and
 * one fsync, makes the change and its record durable together: the change cannot land without its
 * entry, and a write costs one disk flush rather than two. Calls that never open a transaction
 * (views, searches, single-row edits) are recorded by dispatch after the handler, as before.
 */
export class PendingAuditEntry {
  #state: 'waiting' | 'written' | 'committed' = 'waiting';
  #actor: AuditActor | undefined;

  /**
   * `entryFor` builds the entry from the transaction's result (its new ids); null records nothing.
   * `call` is the channel and the input as sent: on a store that syncs, each transaction's captured
   * rows are queued with them as one outbox mutation (db/sync/outbox.ts).
   */
  constructor(
    private readonly entryFor: (store: Pick<Store, 'sqlite'>, result: unknown, actor?: AuditActor) => NewAuditEntry | null,
    readonly call?: {
      readonly channel: string;
      readonly input: unknown;
      readonly userId: () => string | null;
      readonly madeAt: () => string;
    },
  ) {}

  /** True once the entry is part of a committed transaction: dispatch must not record the call again. */
  get committed(): boolean {
    return this.#state === 'committed';
  }

  /** @internal Writes the entry in the open transaction; once per call, however many transactions it runs. */
  writeWithin(store: Pick<Store, 'sqlite'>, result: unknown): boolean {
    if (this.#state !== 'waiting') return false;
    const entry = this.entryFor(store, result, this.#actor);
    // Nobody to record it against yet (setting up a partnership, before anyone is signed in):
    // dispatch records the call afterwards, as for calls without a transaction.
    if (entry === null) return false;
    appendAuditEntry(store, entry);
    this.#state = 'written';
    return true;
  }

  /** @internal Names someone other than the signed-in user as the one who did it (see actInThisCallAs). */
  actAs(actor: AuditActor): void {
    this.#actor = actor;
  }

  /** @internal The transaction that holds the entry settled: committed, or rolled back with it. */
  settle(committed: boolean): void {
    if (this.#state === 'written') this.#state = committed ? 'committed' : 'waiting';
  }
}

/** Who the audit entry names as having acted, when it is not the signed-in user. */
export interface AuditActor {
  readonly userId: string;
  readonly username: string;
}

const currentCall = new AsyncLocalStorage<PendingAuditEntry | null>();

/** Runs a handler with its call's pending audit entry in scope (null: the call is not audited here). */
export function runWithPendingAudit<T>(pending: PendingAuditEntry | null, task: () => Promise<T>): Promise<T> {
  return currentCall.run(pending, task);
}

/**
 * Names `actor` in the current call's audit entry instead of the signed-in user: a clinician who
 * proved who they are with their own passphrase on someone else's session (meeting mode) is
 * accountable for what they did there. The outbox still queues it as the signed-in user's change,
 * since their laptop session is what pushes it.
 */
export function actInThisCallAs(actor: AuditActor): void {
  currentCall.getStore()?.actAs(actor);
}

/**
 * `db.transaction().execute(work)`, with the current call's audit entry written just before the
 * commit. Use it for every transaction a contract call makes to change records.
 */
export async function auditedTransaction<T>(
  store: Pick<Store, 'db' | 'sqlite'>,
  work: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  const pending = currentCall.getStore() ?? null;
  let wroteHere = false;
  try {
    const result = await store.db.transaction().execute(async (trx) => {
      const value = await work(trx);
      // Raw and synchronous on the same connection as `trx`, so the entry is inside this transaction.
      wroteHere = pending?.writeWithin(store, value) ?? false;
      // The rows this transaction changed join the outbox in the same commit (a no-op when solo).
      const call = pending?.call;
      if (call !== undefined)
        queueCapturedChanges(store, { channel: call.channel, input: call.input, userId: call.userId(), madeAt: call.madeAt() });
      return value;
    });
    if (wroteHere) pending?.settle(true);
    return result;
  } catch (error) {
    if (wroteHere) pending?.settle(false);
    throw error;
  }
}
