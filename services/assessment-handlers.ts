import { acknowledgeRisk, recordMeasure, saveJoinedUpAssessment } from './assessment-service';
import { signedInCaller, type Handlers } from './handlers';
import type { SessionHolder } from './session-holder';

/** The joined-up assessment, outcome measures and risk flags. */
export function assessmentHandlers(session: SessionHolder, now: () => Date): Pick<Handlers, 'assessments.saveJoinedUp' | 'measures.record' | 'riskFlags.acknowledge'> {
  return {
    'assessments.saveJoinedUp': async (input, context) => saveJoinedUpAssessment(session.require().store, input, signedInCaller(context).userId, now()),
    'measures.record': async (input, context) => recordMeasure(session.require().store, input, signedInCaller(context).userId, now()),
    'riskFlags.acknowledge': async (input, context) => acknowledgeRisk(session.require().store, input, signedInCaller(context).userId, now()),
  };
}
