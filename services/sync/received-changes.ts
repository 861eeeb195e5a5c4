/** How long a `sync.changes` call waits for news before answering with the same generation. */
export const RECEIVED_CHANGES_WAIT_MS = 20_000;

/**
 * Counts the pulls that brought this laptop other people's changes, and lets the renderer wait
 * for the next one (`sync.changes`, a long poll): screens showing shared records reload when it
 * moves, so a person registered or a risk flag raised on another laptop appears without a
 * restart. The count lives as long as the app's services, across locks and unlocks.
 */
export class ReceivedChanges {
  #generation = 0;
  #waiters = new Set<() => void>();

  get generation(): number {
    return this.#generation;
  }

  /** A pull applied changes from the server: wake every waiter. */
  received(): void {
    this.#generation += 1;
    this.#wakeAll();
  }

  /** Wakes every waiter at once (the store closed, or the services stop). */
  wakeAll(): void {
    this.#wakeAll();
  }

  /**
   * Resolves with the generation as soon as it is past `after`, or after `waitMs` (or on
   * wakeAll) with whatever it is then.
   */
  async after(after: number, waitMs = RECEIVED_CHANGES_WAIT_MS): Promise<number> {
    if (this.#generation > after) return this.#generation;
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.#waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, waitMs);
      this.#waiters.add(done);
    });
    return this.#generation;
  }

  #wakeAll(): void {
    for (const wake of [...this.#waiters]) wake();
  }
}
