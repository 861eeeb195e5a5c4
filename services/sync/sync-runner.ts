import type { Clock } from '../../core/clock';
import type { SyncStatus } from '../../core/contracts/sync-contract';
import { findSlot, unwrapUserPrivateKey, type Keyring } from '../../db/keyring';
import { readSyncState } from '../../db/sync/sync-state';
import type { Handlers } from '../handlers';
import type { SessionHolder } from '../session-holder';
import { ReceivedChanges } from './received-changes';
import { SyncLoop, type SyncLoopOptions } from './sync-loop';

const SOLO: SyncStatus = { mode: 'solo', waiting: 0, waitingOthers: 0, problem: null, refused: [], lastSyncedAt: null };

/**
 * Runs the background sync loop (sync-loop.ts) while a store that has joined a partnership server
 * is unlocked; a solo store runs nothing. Started on unlock, stopped on lock and close.
 */
export class SyncRunner {
  readonly #session: SessionHolder;
  readonly #clock: Clock;
  readonly #options: SyncLoopOptions;
  readonly #received = new ReceivedChanges();
  readonly #keyringPath: string | undefined;
  #loop: SyncLoop | undefined;

  /** `keyringPath`: the store's keyring, from which an administrator's sync sends new users' slots. */
  constructor(session: SessionHolder, clock: Clock, options: SyncLoopOptions = {}, keyringPath?: string) {
    this.#session = session;
    this.#clock = clock;
    this.#options = options;
    this.#keyringPath = keyringPath;
    // A lock (on demand, idle, OS) closes the store: the loop stops touching it at once.
    session.onClose(() => void this.stop());
  }

  /** After an unlock: starts the loop when the store has a server, signing in as the unlocked user. */
  async started(keyring: Keyring, username: string, passphrase: string): Promise<void> {
    const open = this.#session.current;
    if (open === null || this.#loop !== undefined || this.#options.background === false) return;
    const state = readSyncState(open.store);
    if (state === undefined) return;
    const slot = findSlot(keyring, username);
    if (slot?.publicKey === undefined) return;
    const privateKey = await unwrapUserPrivateKey(keyring, slot, passphrase);
    const store = open.store;
    this.#loop = new SyncLoop(
      store,
      state,
      { userId: slot.userId, username, privateKey, publicKey: Buffer.from(slot.publicKey, 'base64'), keyringPath: this.#keyringPath },
      this.#clock,
      () => this.#session.current?.store === store,
      { ...this.#options, onReceived: () => this.#received.received() },
    );
    this.#loop.start();
  }

  /** A call may have queued a change. */
  nudge(): void {
    this.#loop?.nudge();
  }

  status(): SyncStatus {
    return this.#loop?.status() ?? SOLO;
  }

  /** The running loop of a joined store (undefined when solo, locked or not syncing in the background). */
  get loop(): SyncLoop | undefined {
    return this.#loop;
  }

  async stop(): Promise<void> {
    const loop = this.#loop;
    this.#loop = undefined;
    await loop?.stop();
    // Nobody waits for news from a store that is closed.
    this.#received.wakeAll();
  }

  handlers(): Pick<Handlers, 'sync.status' | 'sync.changes'> {
    return {
      'sync.status': async () => this.status(),
      'sync.changes': async ({ after }) => {
        // A solo store (or a lock) never brings news: answer at once and say so.
        if (this.#loop === undefined) return { generation: this.#received.generation, live: false };
        return { generation: await this.#received.after(after), live: this.#loop !== undefined };
      },
    };
  }
}
