import { ACTION_KIND_LABELS, type PlanAction, type PlanGoal } from '../../../core/schemas/action-plan';
import type { PartnershipConfig } from '../../../core/schemas/config/partnership-config';
import { DateInput } from '../../components/date-input';
import { DueShortcutButtons } from './due-shortcut-buttons';
import { PlanCell } from './plan-cell';
import { planFieldId } from './plan-field-id';

export interface PlanActionRowProps {
  readonly index: number;
  readonly action: PlanAction;
  readonly goals: readonly PlanGoal[];
  readonly config: PartnershipConfig;
  readonly errorFor: (field: keyof PlanAction) => string | undefined;
  readonly onChange: (change: Partial<PlanAction>) => void;
  readonly onRemove: () => void;
}

/**
 * One action as a row of the plan table: what, who, discipline, due, goal and service. Choosing who
 * is responsible sets the discipline to theirs (it can still be changed); choosing a service makes
 * it an onward referral unless it is marked a signpost. The due date is the NHS date input (its legend
 * read, not shown, under the column header), set in one press by its shortcuts.
 */
export function PlanActionRow({ index, action, goals, config, errorFor, onChange, onRemove }: PlanActionRowProps) {
  const id = (field: keyof PlanAction) => planFieldId(`actions.${index}.${field}`);
  const number = `action ${index + 1}`;
  // Only active entries are offered, but a value already chosen stays listed so it is never silently dropped.
  const disciplines = config.disciplines.filter((discipline) => discipline.active || discipline.code === action.discipline);
  const members = config.teamMembers.filter((member) => member.active || member.id === action.ownerId);
  const services = config.services.filter((service) => service.active || service.id === action.serviceId);
  const disciplineLabel = new Map(config.disciplines.map((discipline) => [discipline.code, discipline.label]));
  return (
    <tr className="nhsuk-table__row ww-plan-row-edit">
      <PlanCell id={id('description')} label={`What will be done, ${number}`} error={errorFor('description')}>
        {(describedBy) => (
          <textarea
            id={id('description')}
            className="nhsuk-textarea"
            rows={2}
            value={action.description}
            aria-describedby={describedBy}
            onChange={(event) => onChange({ description: event.target.value })}
          />
        )}
      </PlanCell>
      <PlanCell id={id('ownerId')} label={`Responsible professional, ${number}`} error={errorFor('ownerId')}>
        {(describedBy) => (
          <select
            id={id('ownerId')}
            className="nhsuk-select"
            value={action.ownerId ?? ''}
            aria-describedby={describedBy}
            onChange={(event) => {
              const owner = members.find((member) => member.id === event.target.value);
              onChange(owner === undefined ? { ownerId: null } : { ownerId: owner.id, discipline: owner.disciplineCode });
            }}
          >
            <option value="">Choose who</option>
            {members.map((member) => (
              <option key={member.id} value={member.id}>
                {member.fullName} ({disciplineLabel.get(member.disciplineCode) ?? member.disciplineCode})
              </option>
            ))}
          </select>
        )}
      </PlanCell>
      <PlanCell id={id('discipline')} label={`Discipline, ${number}`} error={errorFor('discipline')}>
        {(describedBy) => (
          <select
            id={id('discipline')}
            className="nhsuk-select"
            value={action.discipline}
            aria-describedby={describedBy}
            onChange={(event) => onChange({ discipline: event.target.value })}
          >
            <option value="">Choose</option>
            {disciplines.map((discipline) => (
              <option key={discipline.code} value={discipline.code}>
                {discipline.label}
              </option>
            ))}
          </select>
        )}
      </PlanCell>
      <td className="nhsuk-table__cell">
        <DateInput
          id={id('dueOn')}
          label={`Due by, ${number}`}
          legendHidden
          hint={null}
          error={errorFor('dueOn')}
          value={action.dueOn ?? ''}
          onValueChange={(dueOn) => onChange({ dueOn: dueOn === '' ? null : dueOn })}
          after={<DueShortcutButtons labelFor={(words) => `Due ${words}, ${number}`} onPick={(dueOn) => onChange({ dueOn })} />}
        />
      </td>
      <PlanCell id={id('goalId')} label={`The goal it serves, ${number}`} error={errorFor('goalId')}>
        {(describedBy) => (
          <select
            id={id('goalId')}
            className="nhsuk-select"
            value={action.goalId ?? ''}
            aria-describedby={describedBy}
            onChange={(event) => onChange({ goalId: event.target.value === '' ? null : event.target.value })}
          >
            <option value="">No particular goal</option>
            {goals.map((goal, at) => (
              <option key={goal.id} value={goal.id}>
                Goal {at + 1}: {goal.text.length > 40 ? `${goal.text.slice(0, 40)}…` : goal.text}
              </option>
            ))}
          </select>
        )}
      </PlanCell>
      <PlanCell id={id('serviceId')} label={`Service from the directory, ${number}`} error={errorFor('serviceId')}>
        {(describedBy) => (
          <>
            <select
              id={id('serviceId')}
              className="nhsuk-select"
              value={action.serviceId ?? ''}
              aria-describedby={describedBy}
              onChange={(event) =>
                onChange(
                  event.target.value === ''
                    ? { serviceId: null, kind: 'intervention' }
                    : { serviceId: event.target.value, kind: action.kind === 'intervention' ? 'onward_referral' : action.kind },
                )
              }
            >
              <option value="">None: the team</option>
              {services.map((service) => (
                <option key={service.id} value={service.id}>
                  {service.name}
                </option>
              ))}
            </select>
            {action.kind !== 'intervention' && (
              <>
                <label className="nhsuk-u-visually-hidden" htmlFor={id('kind')}>
                  Kind of action, {number}
                </label>
                <select
                  id={id('kind')}
                  className="nhsuk-select ww-plan-kind"
                  value={action.kind}
                  onChange={(event) => onChange({ kind: event.target.value as PlanAction['kind'] })}
                >
                  <option value="onward_referral">{ACTION_KIND_LABELS.onward_referral}</option>
                  <option value="signpost">{ACTION_KIND_LABELS.signpost}</option>
                </select>
              </>
            )}
          </>
        )}
      </PlanCell>
      <td className="nhsuk-table__cell">
        <button type="button" className="ww-text-button" onClick={onRemove}>
          Remove<span className="nhsuk-u-visually-hidden"> {number}</span>
        </button>
      </td>
    </tr>
  );
}
