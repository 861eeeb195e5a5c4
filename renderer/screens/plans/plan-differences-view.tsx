import { planDifferences, hasDifferences } from '../../../core/plans/plan-diff';
import type { ActionPlan } from '../../../core/schemas/action-plan';
import { formatDate } from '../../format';
import type { PlanLabels } from './use-plan-data';

const FIELD_LABELS: Readonly<Record<string, string>> = {
  goalId: 'goal',
  kind: 'kind',
  discipline: 'discipline',
  description: 'description',
  ownerId: 'responsible professional',
  dueOn: 'due date',
  serviceId: 'service',
};

/** What changed between two versions of a plan, in words. */
export function PlanDifferencesView({ before, after, labels }: { before: ActionPlan; after: ActionPlan; labels: PlanLabels }) {
  const differences = planDifferences(before, after);
  const lines: string[] = [
    ...differences.goalsAdded.map((goal) => `Goal added: “${goal.text}”`),
    ...differences.goalsReworded.map(({ before: old, after: changed }) => `Goal reworded: “${old.text}” → “${changed.text}”`),
    ...differences.goalsRemoved.map((goal) => `Goal removed: “${goal.text}”`),
    ...differences.actionsAdded.map(
      (action) =>
        `Action added: ${action.description} (${labels.member(action.ownerId)}, ${action.dueOn === null ? 'no date' : formatDate(action.dueOn)})`,
    ),
    ...differences.actionsChanged.map(({ before: old, after: changed, fields }) => {
      const details = fields.map((field) => {
        if (field === 'ownerId') return `responsible professional ${labels.member(old.ownerId)} → ${labels.member(changed.ownerId)}`;
        if (field === 'dueOn')
          return `due date ${old.dueOn === null ? 'none' : formatDate(old.dueOn)} → ${changed.dueOn === null ? 'none' : formatDate(changed.dueOn)}`;
        return `${FIELD_LABELS[field] ?? field} changed`;
      });
      return `Action changed: ${changed.description}: ${details.join('; ')}`;
    }),
    ...differences.actionsRemoved.map((action) => `Action removed: ${action.description}`),
    ...(differences.reviewOn === null
      ? []
      : [
          `Review date: ${differences.reviewOn.before === null ? 'none' : formatDate(differences.reviewOn.before)} → ${differences.reviewOn.after === null ? 'none' : formatDate(differences.reviewOn.after)}`,
        ]),
  ];
  return (
    <div data-testid="plan-differences">
      <h4 className="nhsuk-heading-xs">
        Changes from version {before.versionNumber} to version {after.versionNumber}
      </h4>
      {!hasDifferences(differences) ? (
        <p>No changes.</p>
      ) : (
        <ul className="nhsuk-list nhsuk-list--bullet">
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
