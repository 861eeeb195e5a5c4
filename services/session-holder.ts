import { AppError } from '../core/app-error';
import type { SignedInUser } from '../core/schemas/session';
import type { Store } from '../db/store';

/** The unlocked store and who unlocked it. */
export interface OpenSession {
  readonly store: Store;
  readonly user: SignedInUser;
  readonly partnershipName: string;
  readonly isDemo: boolean;
}

/** Holds at most one open session for this data directory. */
export class SessionHolder {
  #session: OpenSession | null = null;

  get current(): OpenSession | null {
    return this.#session;
  }

  require(): OpenSession {
    if (this.#session === null) throw new AppError('NOT_SIGNED_IN', 'Your session has ended. Unlock the app to carry on.');
    return this.#session;
  }

  open(session: OpenSession): void {
    this.#session = session;
  }

  async close(): Promise<void> {
    const session = this.#session;
    this.#session = null;
    await session?.store.close();
  }
}
