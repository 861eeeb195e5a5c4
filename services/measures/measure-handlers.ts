import type { StorePaths } from '../../db/store-paths';
import { signedInCaller, type Handlers } from '../handlers';
import type { UnlockBackoff } from '../security/unlock-backoff';
import type { SessionHolder } from '../session-holder';
import { acknowledgeRiskInMeeting } from './meeting-acknowledgement';
import { recordMeasure } from './measure-service';
import { acknowledgeRisk, overdueRiskFlags } from './risk-flag-service';

type MeasureChannels = 'measures.record' | 'riskFlags.acknowledge' | 'riskFlags.acknowledgeInMeeting' | 'riskFlags.overdue';

/** Outcome measures (scored as they are saved) and the risk flags a PHQ-9 raises. */
export function measureHandlers(
  session: SessionHolder,
  now: () => Date,
  security: { readonly paths: StorePaths; readonly backoff: UnlockBackoff },
): Pick<Handlers, MeasureChannels> {
  return {
    'measures.record': async (input, context) => recordMeasure(session.require().store, input, signedInCaller(context).userId, now()),
    'riskFlags.acknowledge': async (input, context) => {
      await acknowledgeRisk(session.require().store, input, signedInCaller(context), now());
      return {};
    },
    'riskFlags.acknowledgeInMeeting': async (input) =>
      acknowledgeRiskInMeeting({ store: session.require().store, paths: security.paths, backoff: security.backoff, now }, input),
    'riskFlags.overdue': async (_input, context) => overdueRiskFlags(session.require().store, signedInCaller(context), now()),
  };
}
