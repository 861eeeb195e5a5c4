import { AppError } from '../../core/app-error';
import { DEMO_PARTNERSHIP } from '../../core/demo-partnership';
import { formatRecoveryKey, normaliseRecoveryKey } from '../../core/recovery-key';
import type { AppStatus, SignedInUser } from '../../core/schemas/session';
import { findSlot, readKeyring, type Keyring } from '../../db/keyring';
import type { StorePaths } from '../../db/store-paths';
import type { Handlers } from '../handlers';
import { createPartnershipStore, partnershipIdentity, type NewPartnership } from './partnership-setup';
import type { SerialQueue } from '../serial-queue';
import type { SessionHolder } from '../session-holder';
import { seedDemoPartnershipConfig } from '../synthetic/seed-partnership-config';
import { seedSyntheticParticipants } from '../synthetic/seed-participants';
import { seedDemoFitNotes } from '../synthetic/seed-demo-fit-notes';
import { seedDemoFollowUps } from '../synthetic/seed-demo-follow-ups';
import { seedDemoMeeting } from '../synthetic/seed-demo-meeting';
import { newRecoveryKey } from '../security/recovery';
import { interruptedRestoreTraces } from '../security/restore-journal';
import { UnlockBackoff } from '../security/unlock-backoff';
import { unlockStore } from './unlock-store';
import { ResumePoints } from './resume-points';
import { checkStoreInSlices } from '../security/background-store-check';
import { damagedStoreError } from '../security/store-damage';
import type { Store } from '../../db/store';
import { cleanUpUnfinishedFiles } from '../unfinished-files';
import { replaceOldKeyCopies } from '../security/old-key-copies';
import { signedRoleSession } from '../security/role-session';
import { SessionRoleCheck } from '../security/session-role-check';

export interface SessionServiceDependencies {
  readonly paths: StorePaths;
  readonly session: SessionHolder;
  readonly queue: SerialQueue;
  readonly now: () => Date;
  /** Exponential back-off for wrong passphrases; none in tools that unlock once. */
  readonly backoff?: UnlockBackoff;
  /** See unlockStore: stores larger than this are checked in slices after unlock. */
  readonly quickCheckAtUnlockMaxBytes?: number | undefined;
  /** Seconds until the idle lock once a warning is due (IdleLock.warningSecondsLeft), for `app.status`. */
  readonly idleWarningSecondsLeft?: () => number | undefined;
  /** Where a lock the person did not ask for interrupted them (see ResumePoints). */
  readonly resumePoints?: ResumePoints;
  /** Told when a session opens, so the idle lock counts from then. */
  readonly onOpen?: () => void;
  /** Told after an unlock, with what the sync loop needs to sign in to the partnership server as this user. */
  readonly onUnlocked?: (keyring: Keyring, username: string, passphrase: string) => Promise<void>;
}

type SessionHandlers = Pick<
  Handlers,
  'app.status' | 'setup.createPartnership' | 'setup.createDemoPartnership' | 'session.unlock' | 'session.lock'
>;

/** First run, unlock and lock: the channels that open and close the encrypted store. */
export function sessionHandlers(deps: SessionServiceDependencies): SessionHandlers {
  const { paths, session, queue, now, onOpen = () => undefined, onUnlocked } = deps;
  const backoff = deps.backoff ?? new UnlockBackoff();
  const resume = deps.resumePoints ?? new ResumePoints();

  async function setUp(partnership: NewPartnership, seedDemo: boolean): Promise<SignedInUser & { recoveryKey?: string }> {
    return queue.run(async () => {
      if (session.current !== null) throw new AppError('ALREADY_SET_UP', 'A partnership is already set up and open.');
      const created = await createPartnershipStore(paths, partnership, now());
      if (seedDemo) {
        seedSyntheticParticipants(created.store, { participants: DEMO_PARTNERSHIP.participants, seed: DEMO_PARTNERSHIP.seed, now: now() });
        await seedDemoPartnershipConfig(created.store, created.user.userId, now());
        await seedDemoMeeting(created.store, now());
        // After the meeting (its cases are left without fit notes) and the retention examples (their old exits stay).
        await seedDemoFitNotes(created.store, now());
        await seedDemoFollowUps(created.store, now());
      }
      session.open({
        store: created.store,
        user: created.user,
        partnershipName: partnership.name,
        isDemo: partnership.isDemo,
        dataKey: created.dataKey,
        signingKey: created.signingKey,
        roleCheck: new SessionRoleCheck(paths.keyring, created.user.userId, created.user.role, {
          administrators: findSlot(created.keyring, created.user.username)?.anchor?.administrators ?? [],
        }),
      });
      onOpen();
      // Shown once by the setup screen; the demo's is published, so it is not shown as a secret.
      return partnership.isDemo || partnership.recoveryKey === undefined
        ? created.user
        : { ...created.user, recoveryKey: formatRecoveryKey(partnership.recoveryKey) };
    });
  }

  /** Damage found in a store too large to check before unlock returned refuses writes from then on (see dispatch). */
  function checkLargeStoreAfterUnlock(store: Store): void {
    const stillOpen = () => session.current?.store === store;
    void checkStoreInSlices(store, stillOpen)
      .then((problems) => {
        if (problems.length > 0 && stillOpen())
          session.markDamaged(store, damagedStoreError(paths, store, 'Changes are not being saved until it is restored.'));
      })
      .catch(() => {
        // The session closed under the check: nothing to report.
      });
  }

  function idleWarning(): { idleLockInSeconds?: number } {
    const left = deps.idleWarningSecondsLeft?.();
    return left === undefined ? {} : { idleLockInSeconds: left };
  }

  return {
    'app.status': async (): Promise<AppStatus> => {
      const open = session.current;
      const at = now().toISOString();
      if (open !== null) {
        const storeDamage = session.damage?.message;
        return {
          state: 'unlocked',
          now: at,
          partnershipName: open.partnershipName,
          isDemo: open.isDemo,
          user: open.user,
          ...idleWarning(),
          ...(storeDamage === undefined ? {} : { storeDamage }),
          ...(open.roleWarning === undefined ? {} : { securityWarning: open.roleWarning }),
        };
      }
      const keyring = await readKeyring(paths.keyring);
      if (keyring === undefined) {
        const found = interruptedRestoreTraces(paths);
        return found.length === 0 ? { state: 'needs-setup', now: at } : { state: 'restore-interrupted', now: at, found };
      }
      return {
        state: 'locked',
        now: at,
        partnershipName: keyring.partnershipName,
        isDemo: keyring.isDemo,
        usernames: keyring.slots.map((slot) => slot.username).sort(),
        ...(resume.interruptedUsername === undefined ? {} : { resumeUsername: resume.interruptedUsername }),
      };
    },

    'setup.createPartnership': async (input) => {
      return setUp({ ...partnershipIdentity(input.partnership), isDemo: false, admin: input.admin, recoveryKey: newRecoveryKey() }, false);
    },

    'setup.createDemoPartnership': async () =>
      setUp(
        {
          name: DEMO_PARTNERSHIP.name,
          icbCode: null,
          isDemo: true,
          admin: {
            username: DEMO_PARTNERSHIP.adminUsername,
            displayName: DEMO_PARTNERSHIP.adminDisplayName,
            passphrase: DEMO_PARTNERSHIP.passphrase,
          },
          otherUsers: DEMO_PARTNERSHIP.otherUsers.map((user) => ({ ...user, passphrase: DEMO_PARTNERSHIP.passphrase })),
          recoveryKey: normaliseRecoveryKey(DEMO_PARTNERSHIP.recoveryKey),
        },
        true,
      ),

    'session.unlock': async (input) =>
      queue.run(async () => {
        if (session.current !== null) {
          if (session.current.user.username === input.username) return session.current.user;
          throw new AppError('CONFLICT', `${session.current.user.displayName} is signed in. Lock the app first.`);
        }
        const unlocked = await backoff.guard(now, () =>
          unlockStore(paths, input.username, input.passphrase, { quickCheckAtUnlockMaxBytes: deps.quickCheckAtUnlockMaxBytes }),
        );
        session.open({
          store: unlocked.store,
          user: unlocked.user,
          partnershipName: unlocked.keyring.partnershipName,
          isDemo: unlocked.keyring.isDemo,
          dataKey: unlocked.dataKey,
          ...signedRoleSession(paths, unlocked, now()),
        });
        onOpen();
        // Someone else at the keyboard: the interrupted person's place is not theirs to return to.
        if (resume.interruptedUsername !== unlocked.user.username) resume.forget();
        if (unlocked.checkAfterUnlock) checkLargeStoreAfterUnlock(unlocked.store);
        // What a killed export or backup left behind goes now, and the export log says so.
        await cleanUpUnfinishedFiles(unlocked.store, now());
        // A rotation completed without replacing its old-key copies (a crash, a full disk): now, with
        // the key in hand. A failure leaves the note for the next unlock; the unlock itself stands.
        await replaceOldKeyCopies(paths, session.require(), now()).catch(() => null);
        await onUnlocked?.(unlocked.keyring, input.username, input.passphrase);
        return unlocked.user;
      }),

    'session.lock': async () =>
      queue.run(async () => {
        // Signing out is a choice: the next unlock starts afresh.
        resume.forget();
        await session.close();
        return {};
      }),
  };
}
