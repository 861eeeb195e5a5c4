import type { PlanContent } from '../schemas/action-plan';

/** A reason a plan cannot be agreed yet, keyed by the field it concerns (dotted path), as form errors are. */
export interface AgreementProblem {
  readonly path: string;
  readonly message: string;
}

export interface AgreementContext {
  /** Unacknowledged risk flags on the person: a plan is never agreed over one. */
  readonly openRiskFlagCount: number;
  /** Ids of active team members who may own actions. */
  readonly ownerIds: ReadonlySet<string>;
  /** Ids of active services in the partnership's directory. */
  readonly serviceIds: ReadonlySet<string>;
  /** Discipline codes active in this partnership. */
  readonly disciplineCodes: ReadonlySet<string>;
}

/**
 * Everything that stops the MDT agreeing this plan, in the order a person would fix it. Empty means
 * it can be agreed. Every action needs a named responsible professional and a due date; onward
 * referrals and signposts name a service from the directory; the plan has a goal and a review date.
 */
export function planAgreementProblems(plan: PlanContent, context: AgreementContext): AgreementProblem[] {
  const problems: AgreementProblem[] = [];
  if (context.openRiskFlagCount > 0) {
    problems.push({
      path: 'riskFlags',
      message: 'A risk flag has not been acknowledged by a clinician. Review it before agreeing the plan.',
    });
  }
  if (plan.goals.length === 0) problems.push({ path: 'goals', message: 'Add at least one goal, in the person’s own words.' });
  if (plan.actions.length === 0) problems.push({ path: 'actions', message: 'Add at least one action.' });
  const goalIds = new Set(plan.goals.map((goal) => goal.id));
  plan.actions.forEach((action, index) => {
    const name = `Action ${index + 1}`;
    if (!context.disciplineCodes.has(action.discipline))
      problems.push({ path: `actions.${index}.discipline`, message: `${name}: choose a discipline this team has.` });
    if (action.ownerId === null) problems.push({ path: `actions.${index}.ownerId`, message: `${name}: choose who is responsible.` });
    else if (!context.ownerIds.has(action.ownerId))
      problems.push({ path: `actions.${index}.ownerId`, message: `${name}: the responsible person is no longer an active team member.` });
    if (action.dueOn === null) problems.push({ path: `actions.${index}.dueOn`, message: `${name}: give a due date.` });
    if (action.goalId !== null && !goalIds.has(action.goalId))
      problems.push({ path: `actions.${index}.goalId`, message: `${name}: the goal it served has been removed. Choose another.` });
    if (action.kind !== 'intervention') {
      if (action.serviceId === null)
        problems.push({ path: `actions.${index}.serviceId`, message: `${name}: choose the service from the directory.` });
      else if (!context.serviceIds.has(action.serviceId))
        problems.push({ path: `actions.${index}.serviceId`, message: `${name}: that service is no longer in the directory.` });
    }
  });
  if (plan.reviewOn === null) problems.push({ path: 'reviewOn', message: 'Set a review date.' });
  return problems;
}

/** Duplicate goal or action ids would make actions point at the wrong goal: refused even in a draft. */
export function duplicatePlanIds(plan: PlanContent): AgreementProblem[] {
  const problems: AgreementProblem[] = [];
  const seen = new Set<string>();
  plan.goals.forEach((goal, index) => {
    if (seen.has(goal.id)) problems.push({ path: `goals.${index}.id`, message: 'Two goals have the same id.' });
    seen.add(goal.id);
  });
  plan.actions.forEach((action, index) => {
    if (seen.has(action.id)) problems.push({ path: `actions.${index}.id`, message: 'Two entries have the same id.' });
    seen.add(action.id);
  });
  return problems;
}
