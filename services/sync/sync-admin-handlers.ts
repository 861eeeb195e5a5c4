import { AppError, ERROR_CODES, type ErrorCode } from '../../core/app-error';
import type { SyncAdminOverview } from '../../core/contracts/sync-admin-contract';
import { readSyncState } from '../../db/sync/sync-state';
import type { Handlers } from '../handlers';
import type { SessionHolder } from '../session-holder';
import { adminClient } from './admin-client';
import { ServerRefused } from './sync-client';
import { syncProblemOf } from './sync-problem';
import type { SyncRunner } from './sync-runner';

type SyncAdminHandlers = Pick<Handlers, 'syncAdmin.overview' | 'syncAdmin.revokeDevice' | 'syncAdmin.revokeUser'>;

/** A failed server call as the person is told it: the server's own code and message where it gave one. */
function asAppError(error: unknown, nothingDone: string): AppError {
  if (error instanceof ServerRefused && (ERROR_CODES as readonly string[]).includes(error.code))
    return new AppError(error.code as ErrorCode, error.message);
  return new AppError('CONFLICT', `${syncProblemOf(error)?.message ?? 'The partnership server could not be used.'} ${nothingDone}`);
}

/**
 * The Settings page for the partnership server (administrators; the contract refuses other roles):
 * this laptop's link and sync state, and the server's laptops and users, read and revoked through
 * the server's administrator routes as the signed-in user (the server checks their role itself).
 */
export function syncAdminHandlers(session: SessionHolder, runner: SyncRunner): SyncAdminHandlers {
  /** The background sync's link to the server, or a clear error when this laptop has none running. */
  const joinedLoop = () => {
    const loop = runner.loop;
    if (loop === undefined)
      throw new AppError('CONFLICT', 'This laptop is not syncing with a partnership server, so there is nothing to revoke from here.');
    return loop;
  };
  return {
    'syncAdmin.overview': async (): Promise<SyncAdminOverview> => {
      const state = readSyncState(session.require().store);
      const status = runner.status();
      const overview = { serverUrl: state?.serverUrl ?? null, thisDeviceId: state?.deviceId ?? null, status };
      if (state === undefined) return { ...overview, joined: false, serverProblem: null, devices: [], users: [] };
      const loop = runner.loop;
      if (loop === undefined)
        return { ...overview, joined: true, serverProblem: 'Background sync is not running on this laptop.', devices: [], users: [] };
      try {
        const [{ users }, { devices }] = await loop.withServer((url, token) =>
          Promise.all([adminClient.listUsers(url, token), adminClient.listDevices(url, token)]),
        );
        return { ...overview, joined: true, serverProblem: null, devices, users };
      } catch (error) {
        const problem = error instanceof ServerRefused && error.code === 'FORBIDDEN' ? error.message : syncProblemOf(error)?.message;
        return { ...overview, joined: true, serverProblem: problem ?? 'The partnership server could not be used.', devices: [], users: [] };
      }
    },
    'syncAdmin.revokeDevice': async ({ deviceId }) => {
      const loop = joinedLoop();
      try {
        return await loop.withServer((url, token) => adminClient.revokeDevice(url, token, deviceId));
      } catch (error) {
        throw asAppError(error, 'The laptop was not revoked.');
      }
    },
    'syncAdmin.revokeUser': async ({ userId }) => {
      const loop = joinedLoop();
      try {
        const revoked = await loop.withServer((url, token) => adminClient.revokeUser(url, token, userId));
        // The revoked user's row comes back on the pull at once; ask for it now.
        runner.nudge();
        return revoked;
      } catch (error) {
        throw asAppError(error, 'The user was not revoked.');
      }
    },
  };
}
