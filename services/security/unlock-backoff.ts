import { AppError } from '../../core/app-error';

/** Wrong passphrases allowed before any wait. */
export const FREE_ATTEMPTS = 3;
/** The longest wait, however many failures. */
export const MAX_WAIT_SECONDS = 300;

/**
 * Exponential back-off for passphrase guesses (unlock, recovery key, change of passphrase): after
 * FREE_ATTEMPTS failures in a row each further attempt must wait 1, 2, 4, 8... seconds (at most
 * MAX_WAIT_SECONDS) after the last failure. One counter for the whole data folder, so guessing
 * across usernames does not escape it. Kept in memory: restarting the app resets it, which costs
 * an attacker a restart per few guesses on top of the scrypt cost of each.
 */
export class UnlockBackoff {
  #failures = 0;
  #blockedUntil = 0;

  /** Throws TOO_MANY_ATTEMPTS (with the wait in its message) while a wait is running. */
  check(now: Date): void {
    const waitMs = this.#blockedUntil - now.getTime();
    if (waitMs <= 0) return;
    const seconds = Math.ceil(waitMs / 1000);
    throw new AppError('TOO_MANY_ATTEMPTS', `Too many wrong attempts. Wait ${seconds} second${seconds === 1 ? '' : 's'} and try again.`);
  }

  failed(now: Date): void {
    this.#failures += 1;
    if (this.#failures < FREE_ATTEMPTS) return;
    const seconds = Math.min(2 ** (this.#failures - FREE_ATTEMPTS), MAX_WAIT_SECONDS);
    this.#blockedUntil = now.getTime() + seconds * 1000;
  }

  succeeded(): void {
    this.#failures = 0;
    this.#blockedUntil = 0;
  }

  /**
   * Runs a passphrase check under the back-off: refused while waiting; a WRONG_PASSPHRASE counts
   * as a failure, success resets the count.
   */
  async guard<T>(now: () => Date, attempt: () => Promise<T>): Promise<T> {
    this.check(now());
    try {
      const result = await attempt();
      this.succeeded();
      return result;
    } catch (error) {
      if (error instanceof AppError && error.code === 'WRONG_PASSPHRASE') this.failed(now());
      throw error;
    }
  }
}
