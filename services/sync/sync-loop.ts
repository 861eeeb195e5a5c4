import type { Clock } from '../../core/clock';
import type { RefusedChangeView, SyncProblem, SyncStatus } from '../../core/contracts/sync-contract';
import type { Store } from '../../db/store';
import { applyServerRows } from '../../db/sync/apply-rows';
import { installCaptureTriggers } from '../../db/sync/capture-triggers';
import { listOutbox, waitingKeys, waitingMutations } from '../../db/sync/outbox';
import { countWaitingBy } from '../../db/sync/outbox-counts';
import { markAppliedUpTo } from '../../db/sync/outbox-watermark';
import { markSynced, readSyncState, saveCursor, type SyncState } from '../../db/sync/sync-state';
import { pushAuditTrail } from './audit-sync';
import { settlePush } from './settle-push';
import { pull, push, ServerRefused, signIn } from './sync-client';
import { syncProblemOf } from './sync-problem';
import { sendUserChanges, usersFingerprint } from './user-changes';

/** The audit trail goes to the server at most this often while the app is open (views make no change to push). */
const AUDIT_EVERY_MS = 60_000;

/** Who the loop signs in as: the unlocked user, with their key pair (held only while unlocked). */
export interface SyncLoopUser {
  readonly userId: string;
  readonly username: string;
  readonly privateKey: Buffer;
  readonly publicKey: Buffer;
  /** The store's keyring: an administrator's sync reads new users' slots from it (user-changes.ts). */
  readonly keyringPath?: string;
}

export interface SyncLoopOptions {
  /** False: no background sync even for a joined store (tests of `workwell-mdt sync` alone). */
  readonly background?: boolean;
  /** Told each time a pull brings other people's changes (the renderer reloads what it shows). */
  readonly onReceived?: () => void;
  /** Wait this long after a change before pushing, so a burst goes in one push. */
  readonly debounceMs?: number;
  /** First wait after the server could not be reached; doubles up to `maxBackoffMs`. */
  readonly backoffMs?: number;
  readonly maxBackoffMs?: number;
}

/** The person's text answers in a change's input, shortened: what was kept, for finding it again. */
function summarise(input: unknown): string {
  const texts: string[] = [];
  const visit = (value: unknown, depth: number) => {
    if (texts.join(' ').length > 160 || depth > 6) return;
    if (typeof value === 'string') {
      if (value.trim().length > 2 && !/^[0-9a-f-]{36}$/i.test(value) && !/^\d{4}-\d{2}-\d{2}/.test(value)) texts.push(value.trim());
    } else if (Array.isArray(value)) for (const each of value) visit(each, depth + 1);
    else if (value !== null && typeof value === 'object') for (const each of Object.values(value)) visit(each, depth + 1);
  };
  visit(input, 0);
  const joined = texts.join(' · ');
  return joined.length > 200 ? `${joined.slice(0, 199)}…` : joined;
}

/**
 * Keeps an unlocked store in step with its partnership server while the app is open (issue 14):
 * pushes the user's changes soon after each one (debounced), keeps a long-poll pull open and
 * applies what arrives, and backs off while the server cannot be reached. Everything is kept on
 * the laptop meanwhile ("awaiting the partnership server"). `stop()` before the store closes.
 *
 * The store is touched only while `alive()` says it is still the open one (a lock closes it).
 */
export class SyncLoop {
  readonly #store: Pick<Store, 'sqlite'>;
  readonly #user: SyncLoopUser;
  readonly #clock: Clock;
  readonly #alive: () => boolean;
  readonly #debounceMs: number;
  readonly #backoffMs: number;
  readonly #maxBackoffMs: number;
  readonly #onReceived: () => void;
  readonly #abort = new AbortController();
  #state: SyncState;
  #token: string | undefined;
  /** The user's role as the SERVER holds it (from the last sign-in). */
  #serverRole: string | undefined;
  /** The users last sent to the server (usersFingerprint), so a push sends them only when they changed. */
  #usersSent: string | undefined;
  #problem: SyncProblem | null = null;
  #online = false;
  #stopped = false;
  #pushTimer: NodeJS.Timeout | undefined;
  #pushing: Promise<void> = Promise.resolve();
  #pushAgain = false;
  #pulling: Promise<void> = Promise.resolve();
  #wakeBackoff: (() => void) | undefined;
  #auditSentAt = Number.NEGATIVE_INFINITY;

  constructor(
    store: Pick<Store, 'sqlite'>,
    state: SyncState,
    user: SyncLoopUser,
    clock: Clock,
    alive: () => boolean,
    options: SyncLoopOptions = {},
  ) {
    this.#store = store;
    this.#state = state;
    this.#user = user;
    this.#clock = clock;
    this.#alive = alive;
    this.#debounceMs = options.debounceMs ?? 200;
    this.#backoffMs = options.backoffMs ?? 1_000;
    this.#maxBackoffMs = options.maxBackoffMs ?? 30_000;
    this.#onReceived = options.onReceived ?? (() => undefined);
  }

  /** Starts pushing what waits and pulling (long poll). */
  start(): void {
    installCaptureTriggers(this.#store);
    this.#pulling = this.#pullLoop();
    this.nudge();
  }

  /** A change may have been queued: push it soon. */
  nudge(): void {
    if (this.#stopped) return;
    clearTimeout(this.#pushTimer);
    this.#pushTimer = setTimeout(() => {
      this.#pushTimer = undefined;
      this.#schedulePush();
    }, this.#debounceMs);
  }

  /** What the header shows. */
  status(): SyncStatus {
    const refused: RefusedChangeView[] = this.#alive()
      ? listOutbox(this.#store, 'refused').map((entry) => ({
          mutationId: entry.mutationId,
          channel: entry.channel,
          message: entry.refusal ?? '',
          madeAt: entry.madeAt,
          summary: summarise(entry.input),
        }))
      : [];
    const waiting = this.#alive() ? countWaitingBy(this.#store, this.#user.userId) : { yours: 0, others: 0 };
    return {
      mode: this.#online ? 'online' : 'offline',
      waiting: waiting.yours,
      waitingOthers: waiting.others,
      problem: this.#online ? null : this.#problem,
      refused,
      lastSyncedAt: this.#alive() ? (readSyncState(this.#store)?.lastSyncedAt ?? null) : null,
    };
  }

  /** Stops pushing and pulling and waits for what is in flight; the private key is zeroed. */
  async stop(): Promise<void> {
    if (this.#stopped) return;
    this.#stopped = true;
    clearTimeout(this.#pushTimer);
    this.#abort.abort();
    this.#wakeBackoff?.();
    await Promise.allSettled([this.#pushing, this.#pulling]);
    this.#user.privateKey.fill(0);
  }

  get #running(): boolean {
    return !this.#stopped && this.#alive();
  }

  async #session(): Promise<string> {
    if (this.#token === undefined) {
      const session = await signIn(this.#state.serverUrl, {
        username: this.#user.username,
        deviceId: this.#state.deviceId,
        privateKey: this.#user.privateKey,
        publicKey: this.#user.publicKey,
      });
      this.#token = session.token;
      this.#serverRole = session.user.role;
    }
    return this.#token;
  }

  /**
   * Runs `call` signed in to the server as this laptop's user (the Settings page's administrator
   * calls); a session that ended is signed in again once. Failures are thrown to the caller.
   */
  async withServer<T>(call: (serverUrl: string, token: string) => Promise<T>): Promise<T> {
    try {
      return await call(this.#state.serverUrl, await this.#session());
    } catch (error) {
      if (!(error instanceof ServerRefused && error.code === 'NOT_SIGNED_IN')) throw error;
      this.#token = undefined;
      return call(this.#state.serverUrl, await this.#session());
    }
  }

  /** This laptop's link: the server's address, its id there, and its cursor. */
  get link(): SyncState {
    return this.#state;
  }

  /** An administrator's users added or revoked here go to the server first (user-changes.ts). */
  async #sendUsers(): Promise<void> {
    const path = this.#user.keyringPath;
    if (path === undefined) return;
    const fingerprint = usersFingerprint(this.#store);
    if (fingerprint === this.#usersSent) return;
    const token = await this.#session();
    // Only an administrator (as the server holds them) may; anyone else's laptop waits for one.
    if (this.#serverRole === 'administrator') await sendUserChanges(this.#store, path, this.#state.serverUrl, token);
    this.#usersSent = fingerprint;
  }

  /** One push at a time; a nudge during a push pushes again after it. */
  #schedulePush(): void {
    if (!this.#running) return;
    this.#pushAgain = true;
    this.#pushing = this.#pushing.then(async () => {
      while (this.#pushAgain && this.#running) {
        this.#pushAgain = false;
        try {
          await this.#pushWaiting();
        } catch (error) {
          this.#failed(error);
          // Offline: the pull loop's retry pushes again once the server answers.
          return;
        }
      }
    });
  }

  async #pushWaiting(): Promise<void> {
    let lastPushed = 0;
    for (
      let batch = waitingMutations(this.#store, { userId: this.#user.userId, limit: 100 });
      batch.length > 0 && this.#running;
      batch = waitingMutations(this.#store, { userId: this.#user.userId, limit: 100 })
    ) {
      const answer = await push(this.#state.serverUrl, await this.#session(), batch);
      if (!this.#running) return;
      this.#online = true;
      this.#problem = null;
      lastPushed = Math.max(lastPushed, settlePush(this.#store, batch, answer.results).lastPushed);
    }
    // Users after the outbox: a team member made here and linked to a new user is on the server by then.
    if (this.#running) await this.#sendUsers();
    if (lastPushed > 0 && this.#running) markSynced(this.#store, this.#clock().toISOString(), lastPushed);
  }

  async #pullLoop(): Promise<void> {
    let backoff = this.#backoffMs;
    let wait = false;
    while (this.#running) {
      try {
        const page = await pull(this.#state.serverUrl, await this.#session(), this.#state.cursor, { wait, signal: this.#abort.signal });
        if (!this.#running) return;
        const wasOffline = !this.#online;
        this.#online = true;
        this.#problem = null;
        backoff = this.#backoffMs;
        applyServerRows(this.#store, page.changes, waitingKeys(this.#store));
        saveCursor(this.#store, page.cursor);
        this.#state = { ...this.#state, cursor: page.cursor };
        markAppliedUpTo(this.#store, this.#user.userId, page.lastMutationId);
        markSynced(this.#store, this.#clock().toISOString(), 0);
        if (page.changes.length > 0) this.#onReceived();
        // Back from offline: send what waited.
        if (wasOffline) this.#schedulePush();
        await this.#sendAuditTrail();
        wait = !page.more;
      } catch (error) {
        if (!this.#running) return;
        this.#failed(error);
        wait = false;
        await this.#sleep(backoff);
        backoff = Math.min(backoff * 2, this.#maxBackoffMs);
      }
    }
  }

  /** This laptop's audit entries the server does not hold yet (services/sync/audit-sync.ts), at most every AUDIT_EVERY_MS. */
  async #sendAuditTrail(): Promise<void> {
    const now = this.#clock().getTime();
    if (!this.#running || now - this.#auditSentAt < AUDIT_EVERY_MS) return;
    this.#auditSentAt = now;
    // A trail that no longer matches the server's copy is reported by `audit verify` and recorded by the server.
    await pushAuditTrail(this.#store, this.#state.serverUrl, await this.#session());
  }

  #failed(error: unknown): void {
    // Unreachable: offline. Refused (e.g. the session expired): sign in again next time.
    this.#problem = syncProblemOf(error) ?? this.#problem;
    this.#token = undefined;
    this.#online = false;
  }

  #sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.#wakeBackoff = done;
    });
  }
}
