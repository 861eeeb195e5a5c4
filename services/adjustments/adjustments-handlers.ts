import { getAdjustments, saveAdjustments } from './adjustments-service';
import { saveAhpReport, signAhpReport } from './ahp-report-service';
import { employerView } from './employer-view-service';
import { approveEmployerLetter } from './employer-letter-approval-service';
import { signedInCaller, type Handlers } from '../handlers';
import type { SessionHolder } from '../session-holder';

type AdjustmentChannels =
  | 'adjustments.get'
  | 'adjustments.save'
  | 'adjustments.saveAhpReport'
  | 'adjustments.signAhpReport'
  | 'adjustments.employerView'
  | 'adjustments.approveEmployerLetter';

/** Workplace adjustments, the graded return schedule, AHP Health and Work Reports and the employer view. */
export function adjustmentsHandlers(session: SessionHolder, now: () => Date): Pick<Handlers, AdjustmentChannels> {
  return {
    'adjustments.get': async ({ participantId }, context) =>
      getAdjustments(session.require().store, participantId, signedInCaller(context)),
    'adjustments.save': async (input, context) => saveAdjustments(session.require().store, input, signedInCaller(context), now()),
    'adjustments.saveAhpReport': async (input, context) => saveAhpReport(session.require().store, input, signedInCaller(context), now()),
    'adjustments.signAhpReport': async (input, context) => signAhpReport(session.require().store, input, signedInCaller(context), now()),
    'adjustments.employerView': async ({ participantId }) => employerView(session.require().store, participantId),
    'adjustments.approveEmployerLetter': async (input, context) =>
      approveEmployerLetter(session.require().store, input, signedInCaller(context), now()),
  };
}
