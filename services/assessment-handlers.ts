import { acknowledgeRisk, recordMeasure, saveJoinedUpAssessment } from './assessment-service';
import type { CallContext, Handlers } from './handlers';
import type { SessionHolder } from './session-holder';

function callerId(context: CallContext): string {
  if (context.user === null) throw new Error('unreachable: dispatch checks the session');
  return context.user.userId;
}

/** The joined-up assessment, outcome measures and risk flags. */
export function assessmentHandlers(session: SessionHolder, now: () => Date): Pick<Handlers, 'assessments.saveJoinedUp' | 'measures.record' | 'riskFlags.acknowledge'> {
  return {
    'assessments.saveJoinedUp': async (input, context) => saveJoinedUpAssessment(session.require().store, input, callerId(context), now()),
    'measures.record': async (input, context) => recordMeasure(session.require().store, input, callerId(context), now()),
    'riskFlags.acknowledge': async (input, context) => acknowledgeRisk(session.require().store, input, callerId(context), now()),
  };
}
