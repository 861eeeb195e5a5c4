import { signedInCaller, type Handlers } from '../handlers';
import { listDueForRetention, placeLegalHold, purgeRecord, releaseHold } from './retention-service';
import type { StorePaths } from '../../db/store-paths';
import type { SessionHolder } from '../session-holder';
import { removeStoreCopiesForRetention } from '../security/old-key-copies';

/** Retention review and legal holds (administrators). */
export function retentionHandlers(
  session: SessionHolder,
  now: () => Date,
  paths: StorePaths,
): Pick<Handlers, 'retention.due' | 'retention.placeHold' | 'retention.releaseHold' | 'retention.purge'> {
  return {
    'retention.due': async (_input, context) => listDueForRetention(session.require().store, signedInCaller(context), now()),
    'retention.placeHold': async (input, context) => placeLegalHold(session.require().store, input, signedInCaller(context), now()),
    'retention.releaseHold': async (input, context) => releaseHold(session.require().store, input, signedInCaller(context), now()),
    'retention.purge': async (input, context) => {
      const purged = await purgeRecord(session.require().store, input, signedInCaller(context), now());
      // The data folder's own copies of the store (old-key-copies.ts) would keep the purged record.
      removeStoreCopiesForRetention(paths, now());
      return purged;
    },
  };
}
