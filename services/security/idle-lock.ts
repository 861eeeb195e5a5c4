import { readSecuritySetting } from '../../db/repositories/security-repository';
import { appendAuditEntry } from '../../db/repositories/audit-repository';
import type { SerialQueue } from '../serial-queue';
import type { OpenSession, SessionHolder } from '../session-holder';

export const DEFAULT_IDLE_LOCK_SECONDS = 300;
/** The idle lock is announced this long before it comes (see warningSecondsLeft). */
export const IDLE_WARNING_SECONDS = 60;

/** `WORKWELL_IDLE_LOCK_SECONDS` as a whole number of seconds, if set (tests use a few seconds). */
export function idleLockSecondsFromEnvironment(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const raw = env.WORKWELL_IDLE_LOCK_SECONDS;
  if (raw === undefined || raw.trim() === '') return undefined;
  const seconds = Number(raw);
  return Number.isSafeInteger(seconds) && seconds > 0 ? seconds : undefined;
}

/**
 * Locks the store after a time without activity. Enforced here in the services layer, not in the
 * renderer: a renderer that stops reporting activity (or is bypassed) still gets locked, by a
 * timer and by a check before every call. Activity is any contract call except `app.status`
 * (which the renderer polls to notice a lock); the renderer also calls `session.touch` while the
 * person types or moves the pointer.
 */
export class IdleLock {
  #lastActivity = 0;
  #timer: NodeJS.Timeout | undefined;
  #settingFor: OpenSession | null = null;
  #settingSeconds: number | undefined;
  readonly #lockListeners: Array<(open: OpenSession, reason: string) => void> = [];

  constructor(
    private readonly session: SessionHolder,
    private readonly queue: SerialQueue,
    private readonly now: () => Date,
    private readonly environmentSeconds: number | undefined,
    /** Milliseconds; the real clock, not the app's (tests inject a fixed date as the app's clock). */
    private readonly clock: () => number = Date.now,
  ) {}

  /** The idle time in force: the environment's, else the administrator's setting, else 5 minutes. */
  seconds(): number {
    if (this.environmentSeconds !== undefined) return this.environmentSeconds;
    const open = this.session.current;
    if (open === null) return DEFAULT_IDLE_LOCK_SECONDS;
    if (this.#settingFor !== open) {
      const stored = Number(readSecuritySetting(open.store, 'idle_lock_seconds'));
      this.#settingSeconds = Number.isSafeInteger(stored) && stored > 0 ? stored : undefined;
      this.#settingFor = open;
    }
    return this.#settingSeconds ?? DEFAULT_IDLE_LOCK_SECONDS;
  }

  /** True when the environment overrides the administrator's setting. */
  fromEnvironment(): boolean {
    return this.environmentSeconds !== undefined;
  }

  /** Forget the cached setting (after an administrator changes it). */
  settingChanged(): void {
    this.#settingFor = null;
  }

  touch(): void {
    this.#lastActivity = this.clock();
  }

  /**
   * Seconds left before the idle lock, once it is close enough to warn about: the last minute, or
   * the last third of a shorter idle time (so a warning never stands for the whole of it).
   */
  warningSecondsLeft(): number | undefined {
    const seconds = this.seconds();
    const left = Math.max(0, Math.ceil((seconds * 1000 - (this.clock() - this.#lastActivity)) / 1000));
    return left <= Math.min(IDLE_WARNING_SECONDS, Math.floor(seconds / 3)) ? left : undefined;
  }

  /** Told, before the store closes, of each lock made here (idle, OS lock screen, suspend): none the person chose. */
  onLock(listener: (open: OpenSession, reason: string) => void): void {
    this.#lockListeners.push(listener);
  }

  /** Locks if the session has been idle too long; true when it did. */
  async lockIfIdle(): Promise<boolean> {
    const open = this.session.current;
    if (open === null || this.clock() - this.#lastActivity < this.seconds() * 1000) return false;
    return this.lockNow('idle');
  }

  /** Locks now (idle, OS lock screen, suspend), writing the lock and its reason to the audit trail. */
  async lockNow(reason: string): Promise<boolean> {
    const open = this.session.current;
    if (open === null) return false;
    return this.queue.run(async () => {
      if (this.session.current !== open) return false;
      for (const listener of this.#lockListeners) listener(open, reason);
      try {
        appendAuditEntry(open.store, {
          at: this.now().toISOString(),
          userId: open.user.userId,
          username: open.user.username,
          action: 'lock',
          channel: 'session.lock',
          participantId: null,
          subjectJson: JSON.stringify({ reason }),
          outcome: 'ok',
        });
      } finally {
        await this.session.close();
      }
      return true;
    });
  }

  /** Checks every second (unref'd, so it never keeps the process alive). */
  start(): void {
    this.#timer ??= setInterval(() => void this.lockIfIdle().catch(() => undefined), 1000);
    this.#timer.unref();
  }

  stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }
}
