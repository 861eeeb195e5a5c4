import { ACTION_KIND_LABELS, ACTION_KINDS, type PlanAction, type PlanGoal } from '../../../core/schemas/action-plan';
import type { PartnershipConfig } from '../../../core/schemas/config/partnership-config';
import { SelectInput } from '../../components/select-input';
import { TextInput } from '../../components/text-input';
import { TextareaInput } from '../../components/textarea-input';
import { planFieldId } from './plan-field-id';

export interface PlanActionFieldsProps {
  readonly index: number;
  readonly action: PlanAction;
  readonly goals: readonly PlanGoal[];
  readonly config: PartnershipConfig;
  readonly errorFor: (field: keyof PlanAction) => string | undefined;
  readonly onChange: (change: Partial<PlanAction>) => void;
  readonly onRemove: () => void;
}

/** One action: what, which discipline, who, by when, for which goal, and the service for a referral. */
export function PlanActionFields({ index, action, goals, config, errorFor, onChange, onRemove }: PlanActionFieldsProps) {
  const id = (field: keyof PlanAction) => planFieldId(`actions.${index}.${field}`);
  // Only active entries are offered, but a value already chosen stays listed so it is never silently dropped.
  const disciplines = config.disciplines.filter((discipline) => discipline.active || discipline.code === action.discipline);
  const members = config.teamMembers.filter((member) => member.active || member.id === action.ownerId);
  const services = config.services.filter((service) => service.active || service.id === action.serviceId);
  const disciplineLabel = new Map(config.disciplines.map((discipline) => [discipline.code, discipline.label]));
  return (
    <fieldset className="nhsuk-fieldset ww-plan-action">
      <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Action {index + 1}</legend>
      <SelectInput
        id={id('kind')}
        label="Kind of action"
        value={action.kind}
        options={ACTION_KINDS.map((kind) => ({ value: kind, label: ACTION_KIND_LABELS[kind] }))}
        error={errorFor('kind')}
        onValueChange={(kind) => onChange({ kind: kind as PlanAction['kind'] })}
      />
      <SelectInput
        id={id('discipline')}
        label="Discipline"
        placeholder="Choose the discipline"
        value={action.discipline}
        options={disciplines.map((discipline) => ({ value: discipline.code, label: discipline.label }))}
        error={errorFor('discipline')}
        onValueChange={(discipline) => onChange({ discipline })}
      />
      <TextareaInput
        id={id('description')}
        label="What will be done"
        rows={2}
        value={action.description}
        error={errorFor('description')}
        onValueChange={(description) => onChange({ description })}
      />
      {action.kind !== 'intervention' && (
        <SelectInput
          id={id('serviceId')}
          label="Service from the directory"
          placeholder="Choose the service"
          value={action.serviceId ?? ''}
          options={services.map((service) => ({ value: service.id, label: service.name }))}
          error={errorFor('serviceId')}
          onValueChange={(serviceId) => onChange({ serviceId: serviceId === '' ? null : serviceId })}
        />
      )}
      <SelectInput
        id={id('ownerId')}
        label="Responsible professional"
        placeholder="Choose who is responsible"
        value={action.ownerId ?? ''}
        options={members.map((member) => ({
          value: member.id,
          label: `${member.fullName} (${disciplineLabel.get(member.disciplineCode) ?? member.disciplineCode})`,
        }))}
        error={errorFor('ownerId')}
        onValueChange={(ownerId) => onChange({ ownerId: ownerId === '' ? null : ownerId })}
      />
      <TextInput
        id={id('dueOn')}
        type="date"
        label="Due by"
        value={action.dueOn ?? ''}
        error={errorFor('dueOn')}
        onValueChange={(dueOn) => onChange({ dueOn: dueOn === '' ? null : dueOn })}
        className="nhsuk-u-width-one-third"
      />
      <SelectInput
        id={id('goalId')}
        label="The goal it serves (optional)"
        placeholder="No particular goal"
        value={action.goalId ?? ''}
        options={goals.map((goal, at) => ({ value: goal.id, label: `Goal ${at + 1}: ${goal.text.slice(0, 60)}` }))}
        error={errorFor('goalId')}
        onValueChange={(goalId) => onChange({ goalId: goalId === '' ? null : goalId })}
      />
      <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={onRemove}>
        Remove action {index + 1}
      </button>
    </fieldset>
  );
}
