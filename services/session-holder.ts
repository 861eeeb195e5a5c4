import { AppError } from '../core/app-error';
import type { SignedInUser } from '../core/schemas/session';
import { moveAuditSigner } from '../db/audit-signer';
import type { SigningKey } from '../db/signing-key';
import type { Store } from '../db/store';
import type { SessionRoleCheck } from './security/session-role-check';

/** The unlocked store and who unlocked it. */
export interface OpenSession {
  readonly store: Store;
  readonly user: SignedInUser;
  readonly partnershipName: string;
  readonly isDemo: boolean;
  /**
   * The store's data key, held while unlocked so an administrator can seal it into a new user's
   * slot or rotate it. Zeroed when the session closes.
   */
  readonly dataKey: Buffer;
  /** The user's signing key, from their own slot: an administrator signs roles with it. */
  readonly signingKey?: SigningKey | undefined;
  /** Re-checks the signed role on every call (absent on a store whose roles are not signed yet). */
  readonly roleCheck?: SessionRoleCheck | undefined;
  /** Accounts whose stored role is not the signed one, found at an administrator's unlock: shown as a warning. */
  readonly roleWarning?: string | undefined;
}

/** Holds at most one open session for this data directory. */
export class SessionHolder {
  #session: OpenSession | null = null;
  #damage: AppError | undefined = undefined;
  readonly #closeListeners: Array<() => void> = [];

  get current(): OpenSession | null {
    return this.#session;
  }

  require(): OpenSession {
    if (this.#session === null) throw new AppError('NOT_SIGNED_IN', 'Your session has ended. Unlock the app to carry on.');
    return this.#session;
  }

  open(session: OpenSession): void {
    this.#session = session;
    this.#damage = undefined;
  }

  /**
   * The open store's damage, found by the check that runs after unlock (a large store's), as the
   * error that names the backup to restore; undefined while none is known. Cleared when it closes.
   */
  get damage(): AppError | undefined {
    return this.#damage;
  }

  /** Records that the open `store` was found damaged, unless the session has moved on from it. */
  markDamaged(store: Store, error: AppError): void {
    if (this.#session?.store === store) this.#damage = error;
  }

  /**
   * Moves the open session to another connection (a data-key rotation's new file) without
   * locking: the old connection must already be closed. Synchronous, so no call sees neither.
   */
  replaceStore(store: Store): void {
    const session = this.require();
    moveAuditSigner(session.store, store);
    this.#session = { ...session, store };
  }

  /** Called after every close (lock on demand, idle lock, OS lock), e.g. to stop the idle timer. */
  onClose(listener: () => void): void {
    this.#closeListeners.push(listener);
  }

  /** Closes the store and zeroes the data key; safe to call when nothing is open. */
  async close(): Promise<void> {
    const session = this.#session;
    this.#session = null;
    this.#damage = undefined;
    if (session === null) return;
    try {
      await session.store.close();
    } finally {
      session.dataKey.fill(0);
      for (const listener of this.#closeListeners) listener();
    }
  }
}
