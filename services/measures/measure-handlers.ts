import { signedInCaller, type Handlers } from '../handlers';
import type { SessionHolder } from '../session-holder';
import { acknowledgeRisk, recordMeasure } from './measure-service';

type MeasureChannels = 'measures.record' | 'riskFlags.acknowledge';

/** Outcome measures (scored as they are saved) and the risk flags a PHQ-9 raises. */
export function measureHandlers(session: SessionHolder, now: () => Date): Pick<Handlers, MeasureChannels> {
  return {
    'measures.record': async (input, context) => recordMeasure(session.require().store, input, signedInCaller(context).userId, now()),
    'riskFlags.acknowledge': async (input, context) =>
      acknowledgeRisk(session.require().store, input, signedInCaller(context).userId, now()),
  };
}
