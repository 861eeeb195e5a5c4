import { Client } from 'pg';

/** The PostgreSQL channel a push NOTIFYs (payload: the partnership id) when its change log grows. */
export const CHANGES_CHANNEL = 'workwell_changes';

/** Long polls waiting at once, at most; more are answered at once (the laptop simply polls again). */
export const MAX_WAITERS = 500;
/** The longest a pull may wait for a change. */
export const MAX_WAIT_MS = 25_000;

interface Waiter {
  readonly partnershipId: string;
  readonly wake: () => void;
}

/**
 * Pulls that wait for the change log to grow (long poll). One LISTEN connection per server wakes
 * every waiter of the partnership a NOTIFY names; a push in this process wakes them directly too.
 * Bounded: at most MAX_WAITERS wait, each at most MAX_WAIT_MS; `close()` wakes them all.
 */
export class ChangeWaiters {
  readonly #waiters = new Set<Waiter>();
  #client: Client | undefined;
  #closed = false;

  /** Starts listening on `databaseUrl` (a separate connection, not from the pool). */
  async listen(databaseUrl: string, onError: (code: string) => void = () => undefined): Promise<void> {
    const client = new Client({ connectionString: databaseUrl, application_name: 'workwell-mdt-server-listen' });
    client.on('notification', (message) => {
      if (message.channel === CHANGES_CHANNEL && message.payload !== undefined) this.wake(message.payload);
    });
    // A lost LISTEN connection: waiters still time out and laptops poll again; a push in this process still wakes them.
    client.on('error', (error: Error & { code?: string }) => onError(error.code ?? 'Error'));
    await client.connect();
    await client.query(`LISTEN ${CHANGES_CHANNEL}`);
    this.#client = client;
  }

  /** How many pulls are waiting now. */
  get size(): number {
    return this.#waiters.size;
  }

  /** Wakes every pull waiting for `partnershipId`. */
  wake(partnershipId: string): void {
    for (const waiter of [...this.#waiters]) if (waiter.partnershipId === partnershipId) waiter.wake();
  }

  /**
   * Resolves when `partnershipId`'s change log may have grown, after `ms` at most, or at once when
   * too many already wait or the server is closing. `ready` is checked after registering, so a
   * change that lands between the caller's read and the wait is not missed.
   */
  async wait(partnershipId: string, ms: number, ready: () => Promise<boolean>): Promise<void> {
    if (this.#closed || this.#waiters.size >= MAX_WAITERS) return;
    let waiter: Waiter | undefined;
    let timer: NodeJS.Timeout | undefined;
    const woken = new Promise<void>((resolve) => {
      waiter = { partnershipId, wake: resolve };
      timer = setTimeout(resolve, Math.min(Math.max(ms, 0), MAX_WAIT_MS));
    });
    this.#waiters.add(waiter as Waiter);
    try {
      if (await ready()) return;
      await woken;
    } finally {
      clearTimeout(timer);
      this.#waiters.delete(waiter as Waiter);
    }
  }

  /** Wakes every waiter and ends the LISTEN connection. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const waiter of [...this.#waiters]) waiter.wake();
    const client = this.#client;
    this.#client = undefined;
    await client?.end().catch(() => undefined);
  }
}
