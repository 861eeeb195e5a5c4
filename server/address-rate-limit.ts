/**
 * A fixed-window request count per client address: at most `requests` in each `perMs`. Kept in
 * memory (one server process; a restart forgives), bounded so a flood of addresses cannot grow it
 * without end.
 */
export class AddressRateLimit {
  readonly #windows = new Map<string, { start: number; count: number }>();

  constructor(
    readonly requests: number,
    readonly perMs: number,
    readonly now: () => number = () => performance.now(),
  ) {}

  /** Counts a request from `address`; the milliseconds to wait when it is over the limit, else 0. */
  take(address: string): number {
    const at = this.now();
    let window = this.#windows.get(address);
    if (window === undefined || at - window.start >= this.perMs) {
      if (this.#windows.size >= 10_000) this.#forgetExpired(at);
      window = { start: at, count: 0 };
      this.#windows.set(address, window);
    }
    window.count += 1;
    return window.count > this.requests ? Math.ceil(window.start + this.perMs - at) : 0;
  }

  #forgetExpired(at: number): void {
    for (const [address, window] of this.#windows) if (at - window.start >= this.perMs) this.#windows.delete(address);
    // Still full: every address is busy now; start afresh rather than refuse everyone new.
    if (this.#windows.size >= 10_000) this.#windows.clear();
  }
}
