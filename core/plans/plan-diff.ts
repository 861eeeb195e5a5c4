import type { PlanAction, PlanContent, PlanGoal } from '../schemas/action-plan';

export type ActionField = Exclude<keyof PlanAction, 'id'>;

export interface PlanDifferences {
  readonly goalsAdded: PlanGoal[];
  readonly goalsRemoved: PlanGoal[];
  readonly goalsReworded: Array<{ before: PlanGoal; after: PlanGoal }>;
  readonly actionsAdded: PlanAction[];
  readonly actionsRemoved: PlanAction[];
  readonly actionsChanged: Array<{ before: PlanAction; after: PlanAction; fields: ActionField[] }>;
  readonly reviewOn: { before: string | null; after: string | null } | null;
}

const ACTION_FIELDS: readonly ActionField[] = ['goalId', 'kind', 'discipline', 'description', 'ownerId', 'dueOn', 'serviceId'];

/**
 * What changed from one plan version to the next, matching goals and actions by their stable ids
 * (kept across versions), so a reworded action shows as changed rather than removed and added.
 */
export function planDifferences(before: PlanContent, after: PlanContent): PlanDifferences {
  const goalsBefore = new Map(before.goals.map((goal) => [goal.id, goal]));
  const goalsAfter = new Map(after.goals.map((goal) => [goal.id, goal]));
  const actionsBefore = new Map(before.actions.map((action) => [action.id, action]));
  const actionsAfter = new Map(after.actions.map((action) => [action.id, action]));
  const actionsChanged: PlanDifferences['actionsChanged'] = [];
  for (const action of after.actions) {
    const previous = actionsBefore.get(action.id);
    if (previous === undefined) continue;
    const fields = ACTION_FIELDS.filter((field) => previous[field] !== action[field]);
    if (fields.length > 0) actionsChanged.push({ before: previous, after: action, fields });
  }
  return {
    goalsAdded: after.goals.filter((goal) => !goalsBefore.has(goal.id)),
    goalsRemoved: before.goals.filter((goal) => !goalsAfter.has(goal.id)),
    goalsReworded: after.goals.flatMap((goal) => {
      const previous = goalsBefore.get(goal.id);
      return previous !== undefined && previous.text !== goal.text ? [{ before: previous, after: goal }] : [];
    }),
    actionsAdded: after.actions.filter((action) => !actionsBefore.has(action.id)),
    actionsRemoved: before.actions.filter((action) => !actionsAfter.has(action.id)),
    actionsChanged,
    reviewOn: before.reviewOn === after.reviewOn ? null : { before: before.reviewOn, after: after.reviewOn },
  };
}

/** Whether two versions differ at all. */
export function hasDifferences(differences: PlanDifferences): boolean {
  return (
    differences.goalsAdded.length +
      differences.goalsRemoved.length +
      differences.goalsReworded.length +
      differences.actionsAdded.length +
      differences.actionsRemoved.length +
      differences.actionsChanged.length >
      0 || differences.reviewOn !== null
  );
}
