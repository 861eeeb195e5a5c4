import { storePaths } from '../db/store-paths';
import { actionPlanHandlers } from './action-plan-handlers';
import { adjustmentsHandlers } from './adjustments-handlers';
import { auditHandlers } from './audit-handlers';
import { caseloadHandlers } from './caseload-service';
import { createAuditRecorder } from './audit-recorder';
import { assessmentHandlers } from './assessment-handlers';
import { createDispatch } from './dispatch';
import type { Dispatch } from './dispatch-types';
import type { Handlers } from './handlers';
import { measureWordingHandlers } from './measure-wording-handlers';
import { meetingHandlers } from './meeting-handlers';
import { participantHandlers } from './participants-service';
import { partnershipConfigHandlers } from './partnership-config-handlers';
import { SerialQueue } from './serial-queue';
import { SessionHolder } from './session-holder';
import { sessionHandlers } from './session-service';

export interface AppServicesOptions {
  /** The folder holding the encrypted store and its keyring. */
  readonly dataDir: string;
  /** The clock; tests pass a fixed one. */
  readonly now?: () => Date;
  /**
   * Told about unexpected failures. Receives the channel name and the error object only, never
   * the input, so nothing clinical reaches a log through it.
   */
  readonly onInternalError?: (channel: string, error: unknown) => void;
}

export interface AppServices {
  readonly dispatch: Dispatch;
  /** Locks (closes the store). Safe to call more than once. */
  close(): Promise<void>;
}

/**
 * Wires the services behind the contract for one data directory. Electron's IPC bridge, the
 * loopback host and tests all call the same `dispatch`.
 */
export function createAppServices(options: AppServicesOptions): AppServices {
  const paths = storePaths(options.dataDir);
  const session = new SessionHolder();
  const queue = new SerialQueue();
  const now = options.now ?? (() => new Date());
  const handlers: Handlers = {
    ...sessionHandlers({ paths, session, queue, now }),
    ...participantHandlers(session, now),
    ...assessmentHandlers(session, now),
    ...actionPlanHandlers(session, now),
    ...auditHandlers(session),
    ...partnershipConfigHandlers(session, now),
    ...measureWordingHandlers(session, now),
    ...adjustmentsHandlers(session, now),
    ...caseloadHandlers(session, now),
    ...meetingHandlers(session, now),
  };
  return {
    dispatch: createDispatch(handlers, () => session.current?.user ?? null, options.onInternalError, createAuditRecorder(session, now)),
    close: () => queue.run(() => session.close()),
  };
}
