import { fhirExportHandlers } from './exports/fhir-export-handlers';
import { documentsHandlers } from './documents/documents-handlers';
import path from 'node:path';
import { storePaths } from '../db/store-paths';
import { acquireStoreLock } from '../db/store-lock';
import { finishInterruptedWork } from './interrupted-work';
import { resumeHandlers } from './session/resume-handlers';
import { ResumePoints } from './session/resume-points';
import { refusedOnDamagedStore } from './security/damaged-store-gate';
import { actionPlanHandlers } from './plans/action-plan-handlers';
import { worklistHandlers } from './worklist/worklist-handlers';
import { adjustmentsHandlers } from './adjustments/adjustments-handlers';
import { auditHandlers } from './audit/audit-handlers';
import { caseloadHandlers } from './participants/caseload-handlers';
import { createAuditRecorder } from './audit-recorder';
import { assessmentHandlers } from './assessments/assessment-handlers';
import { createDispatch } from './dispatch';
import { exportHandlers } from './exports/export-handlers';
import type { Dispatch } from './dispatch-types';
import type { Handlers } from './handlers';
import { measureHandlers } from './measures/measure-handlers';
import { fitNoteHandlers } from './fit-notes/fit-note-handlers';
import { followUpHandlers } from './follow-ups/follow-up-handlers';
import { measureWordingHandlers } from './measures/measure-wording-handlers';
import { meetingHandlers } from './meetings/meeting-handlers';
import { participantHandlers } from './participants/participants-handlers';
import { partnershipConfigHandlers } from './settings/partnership-config-handlers';
import { referralHandlers } from './referrals/referral-handlers';
import { dashboardHandlers } from './dashboard/dashboard-handlers';
import { retentionHandlers } from './retention/retention-handlers';
import type { Clock } from '../core/clock';
import { runWithClock } from './call-clock-scope';
import { SerialQueue } from './serial-queue';
import { SessionHolder } from './session-holder';
import { IdleLock, idleLockSecondsFromEnvironment } from './security/idle-lock';
import { securityHandlers } from './security/security-handlers';
import { UnlockBackoff } from './security/unlock-backoff';
import { sessionHandlers } from './session/session-handlers';
import { syncAdminHandlers } from './sync/sync-admin-handlers';
import { SyncRunner } from './sync/sync-runner';
import type { SyncLoopOptions } from './sync/sync-loop';

export interface AppServicesOptions {
  /** The folder holding the encrypted store and its keyring. */
  readonly dataDir: string;
  /** "Now" and "today" for every use case: `systemClock` in the app, a fixed date in tests. */
  readonly clock: Clock;
  /**
   * Told about unexpected failures. Receives the channel name and the error object only, never
   * the input, so nothing clinical reaches a log through it.
   */
  readonly onInternalError?: (channel: string, error: unknown) => void;
  /** Seconds without activity before the store locks; default `WORKWELL_IDLE_LOCK_SECONDS`, else the setting. */
  readonly idleLockSeconds?: number;
  /** The idle lock's clock in milliseconds (tests); the real clock by default. */
  readonly idleClock?: () => number;
  /** Electron's native dialog for choosing a backup file; without it the path is typed. */
  readonly chooseBackupFile?: (purpose: 'save' | 'open', suggestedName: string) => Promise<string | null>;
  /** Who holds the data folder's lock, named to a second opener: "app" (default) or "host". */
  readonly program?: string;
  /** The background sync's timings (tests); sensible defaults otherwise. */
  readonly sync?: SyncLoopOptions;
  /** Stores up to this size are quick-checked before unlock returns, larger ones just after; default QUICK_CHECK_AT_UNLOCK_MAX_BYTES. */
  readonly quickCheckAtUnlockMaxBytes?: number;
}

export interface AppServices {
  readonly dispatch: Dispatch;
  /** Locks (closes the store). Safe to call more than once. */
  close(): Promise<void>;
  /** Locks now, e.g. when the OS locks its screen or suspends; audited as a lock. Safe when locked. */
  lock(reason: string): Promise<void>;
}

/** Calls that are not the person at the keyboard: the renderer's polls, and saving its place before a lock. */
const NOT_ACTIVITY: ReadonlySet<string> = new Set(['app.status', 'sync.status', 'sync.changes', 'session.saveResumePoint']);

/**
 * Wires the services behind the contract for one data directory. Electron's IPC bridge, the
 * loopback host and tests all call the same `dispatch`.
 */
export function createAppServices(options: AppServicesOptions): AppServices {
  const paths = storePaths(options.dataDir);
  // One process per data folder, held until close(). A second opener is refused here, at start,
  // with AppError('STORE_IN_USE') naming the holder: failing before any service exists is cleaner
  // than services whose every call fails, and the host and Electron show the message and exit.
  const folderLock = acquireStoreLock(paths.dataDir, options.program ?? 'app', options.clock());
  try {
    finishInterruptedWork(paths, options.clock());
  } catch (error) {
    folderLock.release();
    throw error;
  }
  const session = new SessionHolder();
  const queue = new SerialQueue();
  const now = options.clock;
  const backoff = new UnlockBackoff(path.join(paths.dataDir, 'unlock-attempts.json'));
  const idle = new IdleLock(session, queue, now, options.idleLockSeconds ?? idleLockSecondsFromEnvironment(), options.idleClock);
  const sync = new SyncRunner(session, now, options.sync, paths.keyring);
  const resumePoints = new ResumePoints();
  idle.onLock((open) => resumePoints.interrupted(open.user));
  const handlers: Handlers = {
    ...sessionHandlers({
      paths,
      session,
      queue,
      now,
      backoff,
      quickCheckAtUnlockMaxBytes: options.quickCheckAtUnlockMaxBytes,
      idleWarningSecondsLeft: () => idle.warningSecondsLeft(),
      resumePoints,
      onOpen: () => idle.touch(),
      onUnlocked: (keyring, username, passphrase) => sync.started(keyring, username, passphrase),
    }),
    ...resumeHandlers(session, resumePoints),
    ...sync.handlers(),
    ...syncAdminHandlers(session, sync),
    ...participantHandlers(session, now),
    ...assessmentHandlers(session, now),
    ...measureHandlers(session, now, { paths, backoff }),
    ...fitNoteHandlers(session, now),
    ...followUpHandlers(session, now),
    ...actionPlanHandlers(session, now),
    ...worklistHandlers(session, now),
    ...auditHandlers(session, paths),
    ...partnershipConfigHandlers(session, now),
    ...referralHandlers(session, now),
    ...dashboardHandlers(session, now),
    ...measureWordingHandlers(session, now),
    ...adjustmentsHandlers(session, now),
    ...caseloadHandlers(session, now),
    ...meetingHandlers(session, now),
    ...retentionHandlers(session, now, paths),
    ...exportHandlers(session),
    ...documentsHandlers(session, now),
    ...fhirExportHandlers(session, now),
    ...securityHandlers({ paths, session, queue, now, backoff, idle, chooseBackupFile: options.chooseBackupFile }),
  };
  const dispatch = createDispatch(
    handlers,
    () => session.current?.user ?? null,
    options.onInternalError,
    createAuditRecorder(session, now),
    (channel, definition) => {
      // The session's role is the signed one (security/signed-roles.ts), checked again on every
      // role-restricted call in case the keyring changed since unlock; locking always works.
      if (definition.access !== 'public' && channel !== 'session.lock') session.current?.roleCheck?.check();
      const damage = session.damage;
      if (damage !== undefined && refusedOnDamagedStore(channel, definition)) throw damage;
    },
  );
  idle.start();
  return {
    // The idle lock is enforced here, before any handler: an expired session is locked first.
    // Every call but `app.status` (which the renderer polls to notice a lock) is activity.
    dispatch: (channel, input) =>
      runWithClock(now, async () => {
        await idle.lockIfIdle();
        // The renderer's polls are not activity and queue nothing.
        // Nor is saving the place when the lock warning shows: it must not postpone the lock.
        if (NOT_ACTIVITY.has(channel)) return dispatch(channel, input);
        idle.touch();
        try {
          return await dispatch(channel, input);
        } finally {
          sync.nudge();
        }
      }),
    close: async () => {
      idle.stop();
      await sync.stop();
      try {
        await queue.run(() => session.close());
      } finally {
        // Released even when closing the store failed, or no other window could open it.
        folderLock.release();
      }
    },
    lock: async (reason) => {
      await idle.lockNow(reason);
    },
  };
}
