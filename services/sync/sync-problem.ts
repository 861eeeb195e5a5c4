import { ZodError } from 'zod';
import type { SyncProblem } from '../../core/contracts/sync-contract';
import { ServerRefused, ServerUnreachable } from './sync-client';

/**
 * What a failed call to the partnership server means for the person, for the header: the server
 * could not be reached, this user or laptop was revoked, the server does not know the user here,
 * the two sides need the same version, or the server failed. Null: nothing to tell (a session
 * that ended is simply signed in again).
 */
export function syncProblemOf(error: unknown): SyncProblem | null {
  if (error instanceof ServerUnreachable)
    return {
      kind: 'unreachable',
      message: 'The partnership server cannot be reached. Your changes are kept on this laptop and sent when it can.',
    };
  if (error instanceof ZodError)
    return {
      kind: 'update-needed',
      message: 'The partnership server answered in a format this app does not know. Update WorkWell MDT on this laptop.',
    };
  if (!(error instanceof ServerRefused))
    return {
      kind: 'server-error',
      message: 'Syncing with the partnership server failed. It is tried again shortly; your changes are kept.',
    };
  switch (error.code) {
    case 'NOT_SIGNED_IN':
      return null;
    case 'REVOKED':
      return {
        kind: 'revoked',
        message:
          'This user or this laptop has been revoked on the partnership server, so nothing is sent or received. Ask an administrator.',
      };
    case 'SIGN_IN_FAILED':
      return {
        kind: 'not-recognised',
        message: 'The partnership server does not recognise this user on this laptop yet. An administrator’s sync sends new users to it.',
      };
    case 'FORMAT_UNSUPPORTED':
      return { kind: 'update-needed', message: error.message };
    default:
      return {
        kind: 'server-error',
        message: `The partnership server could not take the sync (${error.code}). It is tried again shortly; your changes are kept.`,
      };
  }
}
