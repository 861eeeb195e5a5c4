import { useEffect, useState } from 'react';
import type { PlanAction, PlanContent, PlanGoal } from '../../../core/schemas/action-plan';
import type { PartnershipConfig } from '../../../core/schemas/config/partnership-config';
import { useApi } from '../../api/api-context';
import { ErrorSummary } from '../../components/error-summary';
import { FormActions } from '../../components/form-actions';
import { TextInput } from '../../components/text-input';
import { TextareaInput } from '../../components/textarea-input';
import { useSubmit } from '../../components/use-submit';
import { PlanActionFields } from './plan-action-fields';
import { planFieldId } from './plan-field-id';

export interface PlanEditorProps {
  readonly participantId: string;
  /** The draft being edited (with its revision), or undefined to start a new version from `start`. */
  readonly draft?: { readonly planId: string; readonly revision: number };
  readonly start: PlanContent;
  readonly config: PartnershipConfig;
  readonly heading: string;
  readonly onSaved: () => void;
  readonly onCancel: () => void;
}

function newAction(): PlanAction {
  return {
    id: crypto.randomUUID(),
    goalId: null,
    kind: 'intervention',
    discipline: '',
    description: '',
    ownerId: null,
    dueOn: null,
    serviceId: null,
  };
}

/**
 * Goals in the person's words and the actions that serve them. A draft may be saved incomplete;
 * agreement later insists on an owner and a due date for every action.
 */
export function PlanEditor({ participantId, draft, start, config, heading, onSaved, onCancel }: PlanEditorProps) {
  const api = useApi();
  const [goals, setGoals] = useState<PlanGoal[]>(start.goals);
  const [actions, setActions] = useState<PlanAction[]>(start.actions);
  const [reviewOn, setReviewOn] = useState(start.reviewOn ?? '');
  const [focusId, setFocusId] = useState<string | undefined>(undefined);
  const save = useSubmit<unknown>(planFieldId);

  // After "Add", move focus to the new field so keyboard users carry straight on typing.
  useEffect(() => {
    if (focusId === undefined) return;
    document.getElementById(focusId)?.focus();
    setFocusId(undefined);
  }, [focusId]);

  const updateAction = (index: number, change: Partial<PlanAction>) =>
    setActions((current) => current.map((action, at) => (at === index ? { ...action, ...change } : action)));
  return (
    <form
      className="ww-panel"
      noValidate
      aria-labelledby="plan-editor-heading"
      onSubmit={(event) => {
        event.preventDefault();
        const content = { goals, actions, reviewOn: reviewOn === '' ? null : reviewOn };
        void save.submit(
          () =>
            api.call(
              'plans.saveDraft',
              draft === undefined
                ? { participantId, ...content }
                : { participantId, planId: draft.planId, revision: draft.revision, ...content },
            ),
          onSaved,
        );
      }}
    >
      <h3 className="nhsuk-heading-s" id="plan-editor-heading">
        {heading}
      </h3>
      <ErrorSummary fieldErrors={save.fieldErrors} message={save.message} />
      <fieldset className="nhsuk-fieldset">
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Goals, in the person’s own words</legend>
        {goals.map((goal, index) => (
          <div key={goal.id} className="ww-plan-row">
            <TextareaInput
              id={planFieldId(`goals.${index}.text`)}
              label={`Goal ${index + 1}`}
              rows={2}
              value={goal.text}
              error={save.fieldErrors[planFieldId(`goals.${index}.text`)]}
              onValueChange={(text) => setGoals((current) => current.map((item, at) => (at === index ? { ...item, text } : item)))}
            />
            <button
              type="button"
              className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
              onClick={() => setGoals((current) => current.filter((_, at) => at !== index))}
            >
              Remove goal {index + 1}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary"
          onClick={() => {
            setGoals((current) => [...current, { id: crypto.randomUUID(), text: '' }]);
            setFocusId(planFieldId(`goals.${goals.length}.text`));
          }}
        >
          Add a goal
        </button>
      </fieldset>
      {actions.map((action, index) => (
        <PlanActionFields
          key={action.id}
          index={index}
          action={action}
          goals={goals}
          config={config}
          errorFor={(field) => save.fieldErrors[planFieldId(`actions.${index}.${field}`)]}
          onChange={(change) => updateAction(index, change)}
          onRemove={() => setActions((current) => current.filter((_, at) => at !== index))}
        />
      ))}
      <button
        type="button"
        className="nhsuk-button nhsuk-button--secondary"
        onClick={() => {
          setActions((current) => [...current, newAction()]);
          setFocusId(planFieldId(`actions.${actions.length}.kind`));
        }}
      >
        Add an action
      </button>
      <TextInput
        id={planFieldId('reviewOn')}
        type="date"
        label="Review the plan by"
        value={reviewOn}
        error={save.fieldErrors[planFieldId('reviewOn')]}
        onValueChange={setReviewOn}
        className="nhsuk-u-width-one-third"
      />
      <FormActions submitLabel="Save draft plan" busy={save.busy} onCancel={onCancel} />
    </form>
  );
}
