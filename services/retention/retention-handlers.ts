import { signedInCaller, type Handlers } from '../handlers';
import { listDueForRetention, placeLegalHold, purgeRecord, releaseHold } from './retention-service';
import type { SessionHolder } from '../session-holder';

/** Retention review and legal holds (administrators). */
export function retentionHandlers(
  session: SessionHolder,
  now: () => Date,
): Pick<Handlers, 'retention.due' | 'retention.placeHold' | 'retention.releaseHold' | 'retention.purge'> {
  return {
    'retention.due': async (_input, context) => listDueForRetention(session.require().store, signedInCaller(context), now()),
    'retention.placeHold': async (input, context) => placeLegalHold(session.require().store, input, signedInCaller(context), now()),
    'retention.releaseHold': async (input, context) => releaseHold(session.require().store, input, signedInCaller(context), now()),
    'retention.purge': async (input, context) => purgeRecord(session.require().store, input, signedInCaller(context), now()),
  };
}
