import { activatePlan, agreePlanByMdt, agreePlanWithPerson, savePlanDraft } from './action-plan-service';
import { getParticipantPlans } from './action-plan-read';
import { signedInCaller, type Handlers } from '../handlers';
import { plansDueForReview, reviewPlan, updateActionStatus } from './plan-follow-up-service';
import type { SessionHolder } from '../session-holder';

type PlanChannels =
  | 'plans.get'
  | 'plans.saveDraft'
  | 'plans.agreeByMdt'
  | 'plans.agreeWithPerson'
  | 'plans.activate'
  | 'plans.updateActionStatus'
  | 'plans.review'
  | 'plans.dueForReview';

/** The action plan: drafting, agreement, versions, progress, reviews and exit. */
export function actionPlanHandlers(session: SessionHolder, now: () => Date): Pick<Handlers, PlanChannels> {
  return {
    'plans.get': async ({ participantId, episode }) => getParticipantPlans(session.require().store, participantId, episode),
    'plans.saveDraft': async (input, context) => savePlanDraft(session.require().store, input, signedInCaller(context), now()),
    'plans.agreeByMdt': async (input, context) => agreePlanByMdt(session.require().store, input, signedInCaller(context), now()),
    'plans.agreeWithPerson': async (input, context) => agreePlanWithPerson(session.require().store, input, signedInCaller(context), now()),
    'plans.activate': async (input) => activatePlan(session.require().store, input, now()),
    'plans.updateActionStatus': async (input, context) =>
      updateActionStatus(session.require().store, input, signedInCaller(context).userId, now()),
    'plans.review': async (input, context) => reviewPlan(session.require().store, input, signedInCaller(context).userId, now()),
    'plans.dueForReview': async () => plansDueForReview(session.require().store, now()),
  };
}
