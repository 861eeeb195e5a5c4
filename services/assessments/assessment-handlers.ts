import { amendJoinedUpAssessment, saveJoinedUpAssessment } from './assessment-service';
import { amendDisciplineAssessment, saveDisciplineDraft, signDisciplineAssessment } from './discipline-assessment-service';
import { signedInCaller, type Handlers } from '../handlers';
import type { SessionHolder } from '../session-holder';

type AssessmentChannels =
  | 'assessments.saveJoinedUp'
  | 'assessments.amendJoinedUp'
  | 'assessments.saveDisciplineDraft'
  | 'assessments.sign'
  | 'assessments.amendDiscipline';

/** Assessments: joined-up and by discipline, signed and amended. */
export function assessmentHandlers(session: SessionHolder, now: () => Date): Pick<Handlers, AssessmentChannels> {
  return {
    'assessments.saveJoinedUp': async (input, context) =>
      saveJoinedUpAssessment(session.require().store, input, signedInCaller(context).userId, now()),
    'assessments.amendJoinedUp': async (input, context) =>
      amendJoinedUpAssessment(session.require().store, input, signedInCaller(context).userId, now()),
    'assessments.saveDisciplineDraft': async (input, context) =>
      saveDisciplineDraft(session.require().store, input, signedInCaller(context), now()),
    'assessments.sign': async (input, context) => signDisciplineAssessment(session.require().store, input, signedInCaller(context), now()),
    'assessments.amendDiscipline': async (input, context) =>
      amendDisciplineAssessment(session.require().store, input, signedInCaller(context), now()),
  };
}
