import {
  ACTION_KIND_LABELS,
  ACTION_STATUS_LABELS,
  PERSON_AGREEMENT_METHOD_LABELS,
  PLAN_STATUS_LABELS,
  type ActionPlan,
} from '../../../core/schemas/action-plan';
import { formatDate, formatDateTime } from '../../format';
import type { PlanLabels } from './use-plan-data';
import { ColumnHeaders } from '../../components/column-headers';

const STATUS_TAG: Readonly<Record<ActionPlan['status'], string>> = {
  draft: 'nhsuk-tag--grey',
  agreed_by_mdt: 'nhsuk-tag--blue',
  agreed_with_person: 'nhsuk-tag--blue',
  active: 'nhsuk-tag--green',
  reviewed: 'nhsuk-tag--white',
  superseded: 'nhsuk-tag--white',
};

/** A plan version to read: status, goals in the person's words, who does what by when, and who agreed it. */
export function PlanSummary({ plan, labels }: { plan: ActionPlan; labels: PlanLabels }) {
  const progress = new Map(plan.progress.map((entry) => [entry.actionId, entry]));
  const goalNumber = new Map(plan.goals.map((goal, index) => [goal.id, index + 1]));
  return (
    <div data-testid="plan-summary">
      <p>
        <strong className={`nhsuk-tag ${STATUS_TAG[plan.status]}`}>{PLAN_STATUS_LABELS[plan.status]}</strong> Version {plan.versionNumber},
        started by {plan.createdByName}
        {plan.nextReviewOn !== null && <> · Review by {formatDate(plan.nextReviewOn)}</>}
      </p>
      {plan.agreedByMdt !== null && (
        <p className="nhsuk-body-s">
          Agreed by the MDT on {formatDateTime(plan.agreedByMdt.at)} ({plan.agreedByMdt.byName}; checked by {plan.agreedByMdt.checkedByName}
          ). Present: {plan.agreedByMdt.attendeeNames.join(', ')}.
        </p>
      )}
      {plan.agreedWithPerson !== null && (
        <p className="nhsuk-body-s">
          Agreed with the person on {formatDate(plan.agreedWithPerson.on)},{' '}
          {PERSON_AGREEMENT_METHOD_LABELS[plan.agreedWithPerson.method].toLowerCase()} (recorded by {plan.agreedWithPerson.recordedByName}).
        </p>
      )}
      <h4 className="nhsuk-heading-xs">Goals, in their words</h4>
      {plan.goals.length === 0 ? (
        <p>No goals yet.</p>
      ) : (
        <ol className="nhsuk-list nhsuk-list--number">
          {plan.goals.map((goal) => (
            <li key={goal.id}>{goal.text}</li>
          ))}
        </ol>
      )}
      <h4 className="nhsuk-heading-xs">Actions</h4>
      {plan.actions.length === 0 ? (
        <p>No actions yet.</p>
      ) : (
        <table className="nhsuk-table ww-plan-table">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Actions: who does what by when</caption>
          <ColumnHeaders headers={['What', 'Discipline', 'Who', 'By', 'Status']} />
          <tbody className="nhsuk-table__body">
            {plan.actions.map((action) => {
              const update = progress.get(action.id);
              const goal = action.goalId === null ? undefined : goalNumber.get(action.goalId);
              return (
                <tr className="nhsuk-table__row" key={action.id}>
                  <td className="nhsuk-table__cell">
                    {action.description}
                    {action.kind !== 'intervention' && (
                      <span className="nhsuk-body-s ww-block">
                        {ACTION_KIND_LABELS[action.kind]}: {labels.service(action.serviceId)}
                      </span>
                    )}
                    {goal !== undefined && <span className="nhsuk-body-s ww-block">For goal {goal}</span>}
                  </td>
                  <td className="nhsuk-table__cell">{labels.discipline(action.discipline)}</td>
                  <td className="nhsuk-table__cell">{labels.member(action.ownerId)}</td>
                  <td className="nhsuk-table__cell">{action.dueOn === null ? 'No date' : formatDate(action.dueOn)}</td>
                  <td className="nhsuk-table__cell">
                    {update === undefined ? ACTION_STATUS_LABELS.not_started : ACTION_STATUS_LABELS[update.status]}
                    {update !== undefined && update.note !== '' && <span className="nhsuk-body-s ww-block">{update.note}</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
