import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../core/app-error';

/** Wrong passphrases allowed before any wait. */
export const FREE_ATTEMPTS = 3;
/** The longest wait, however many failures. */
export const MAX_WAIT_SECONDS = 300;

/**
 * Exponential back-off for passphrase guesses (unlock, recovery key, change of passphrase): after
 * FREE_ATTEMPTS failures in a row each further attempt must wait 1, 2, 4, 8... seconds (at most
 * MAX_WAIT_SECONDS) after the last failure. One counter for the whole data folder, so guessing
 * across usernames does not escape it. With a file (beside the keyring; it holds two numbers and
 * nothing else) the count survives a restart of the app, so restarting does not reset the wait.
 */
export class UnlockBackoff {
  #failures = 0;
  #blockedUntil = 0;

  constructor(private readonly file?: string) {
    if (file === undefined) return;
    try {
      const saved = JSON.parse(readFileSync(file, 'utf8')) as { failures?: unknown; blockedUntil?: unknown };
      if (Number.isSafeInteger(saved.failures) && Number.isFinite(saved.blockedUntil)) {
        this.#failures = Math.max(0, saved.failures as number);
        this.#blockedUntil = saved.blockedUntil as number;
      }
    } catch {
      // No file yet, or unreadable: start from zero (each guess still costs a scrypt run).
    }
  }

  /** Saves the count atomically; only where the data folder exists (never creates it). */
  #save(): void {
    if (this.file === undefined || !existsSync(path.dirname(this.file))) return;
    try {
      const temporary = `${this.file}.tmp`;
      writeFileSync(temporary, JSON.stringify({ failures: this.#failures, blockedUntil: this.#blockedUntil }), { mode: 0o600 });
      renameSync(temporary, this.file);
    } catch {
      // A read-only folder must not stop sign-in; the in-memory count still applies.
    }
  }

  /** Throws TOO_MANY_ATTEMPTS (with the wait in its message) while a wait is running. */
  check(now: Date): void {
    const waitMs = this.#blockedUntil - now.getTime();
    if (waitMs <= 0) return;
    const seconds = Math.ceil(waitMs / 1000);
    throw new AppError('TOO_MANY_ATTEMPTS', `Too many wrong attempts. Wait ${seconds} second${seconds === 1 ? '' : 's'} and try again.`);
  }

  failed(now: Date): void {
    this.#failures += 1;
    if (this.#failures >= FREE_ATTEMPTS) {
      const seconds = Math.min(2 ** (this.#failures - FREE_ATTEMPTS), MAX_WAIT_SECONDS);
      this.#blockedUntil = now.getTime() + seconds * 1000;
    }
    this.#save();
  }

  succeeded(): void {
    if (this.#failures === 0 && this.#blockedUntil === 0) return;
    this.#failures = 0;
    this.#blockedUntil = 0;
    this.#save();
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
