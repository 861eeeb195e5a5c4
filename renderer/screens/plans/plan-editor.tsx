import { useEffect, useState } from 'react';
import { todayInLondon } from '../../../core/clock';
import { dueDateFrom } from '../../../core/plans/due-shortcuts';
import type { PlanAction, PlanContent, PlanGoal } from '../../../core/schemas/action-plan';
import type { LibraryActionEntry } from '../../../core/schemas/config/action-library';
import type { PartnershipConfig } from '../../../core/schemas/config/partnership-config';
import { useApi } from '../../api/api-context';
import { offers } from '../../can-call';
import { DateInput } from '../../components/date-input';
import { ErrorSummary } from '../../components/error-summary';
import { FormActions } from '../../components/form-actions';
import { TextareaInput } from '../../components/textarea-input';
import { useSubmit } from '../../components/use-submit';
import { ActionLibraryPicker } from './action-library-picker';
import { DueShortcutButtons } from './due-shortcut-buttons';
import { GoalsFromWords, usePersonGoals } from './goals-from-words';
import { PlanActionRow } from './plan-action-row';
import { planFieldId } from './plan-field-id';

export interface PlanEditorProps {
  readonly participantId: string;
  /** The draft being edited (with its revision), or undefined to start a new version from `start`. */
  readonly draft?: { readonly planId: string; readonly revision: number };
  readonly start: PlanContent;
  readonly config: PartnershipConfig;
  /** In a meeting, who is present: a library action's owner is filled in when one of them has its discipline. */
  readonly presentIds?: readonly string[] | undefined;
  readonly heading: string;
  readonly onSaved: () => void;
  readonly onCancel: () => void;
}

/**
 * Who does a new action of `discipline` when nobody has to choose: the one active team member of
 * that discipline who is present (in a meeting) or in the team (outside one); otherwise nobody yet.
 */
export function impliedOwner(config: PartnershipConfig, discipline: string, presentIds: readonly string[] | undefined): string | null {
  const candidates = config.teamMembers.filter(
    (member) => member.active && member.disciplineCode === discipline && (presentIds === undefined || presentIds.includes(member.id)),
  );
  return candidates.length === 1 ? (candidates[0]?.id ?? null) : null;
}

/**
 * Goals in the person's words and the actions that serve them, as a table with one row per action.
 * A goal starts from the person's own words with one press, a common action from the partnership's
 * library with one press (owner and due date filled where they are clear), and due dates by
 * shortcut. A draft may be saved incomplete; agreement later insists on an owner and a due date.
 */
export function PlanEditor({ participantId, draft, start, config, presentIds, heading, onSaved, onCancel }: PlanEditorProps) {
  const api = useApi();
  const [goals, setGoals] = useState<PlanGoal[]>(start.goals);
  const [actions, setActions] = useState<PlanAction[]>(start.actions);
  const [reviewOn, setReviewOn] = useState(start.reviewOn ?? '');
  const [focusId, setFocusId] = useState<string | undefined>(undefined);
  const personGoals = usePersonGoals(participantId);
  const save = useSubmit<unknown>(planFieldId);

  // After "Add", move focus to the new field so keyboard users carry straight on typing.
  useEffect(() => {
    if (focusId === undefined) return;
    document.getElementById(focusId)?.focus();
    setFocusId(undefined);
  }, [focusId]);

  const updateAction = (index: number, change: Partial<PlanAction>) =>
    setActions((current) => current.map((action, at) => (at === index ? { ...action, ...change } : action)));
  // A new action serves the newest goal until someone says otherwise.
  const addAction = (fields: Partial<PlanAction>, focusField: keyof PlanAction) => {
    setActions((current) => [
      ...current,
      {
        id: crypto.randomUUID(),
        goalId: goals.at(-1)?.id ?? null,
        kind: 'intervention',
        discipline: '',
        description: '',
        ownerId: null,
        dueOn: null,
        serviceId: null,
        ...fields,
      },
    ]);
    setFocusId(planFieldId(`actions.${actions.length}.${focusField}`));
  };
  const addFromLibrary = (entry: LibraryActionEntry) => {
    const ownerId = impliedOwner(config, entry.disciplineCode, presentIds);
    addAction(
      {
        kind: entry.kind,
        discipline: entry.disciplineCode,
        description: entry.description,
        ownerId,
        dueOn: entry.dueAfter === null ? null : dueDateFrom(todayInLondon(), entry.dueAfter),
      },
      ownerId === null ? 'ownerId' : 'description',
    );
  };
  const addGoal = (text: string) => {
    const goal = { id: crypto.randomUUID(), text };
    setGoals((current) => [...current, goal]);
    // Actions drafted before any goal existed serve the first one.
    if (goals.length === 0) setActions((current) => current.map((action) => ({ ...action, goalId: action.goalId ?? goal.id })));
    setFocusId(planFieldId(`goals.${goals.length}.text`));
  };
  return (
    <form
      {...offers('plans.saveDraft')}
      className="ww-panel ww-plan-editor"
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
              onClick={() => {
                setGoals((current) => current.filter((_, at) => at !== index));
                setActions((current) => current.map((action) => (action.goalId === goal.id ? { ...action, goalId: null } : action)));
              }}
            >
              Remove goal {index + 1}
            </button>
          </div>
        ))}
        <GoalsFromWords goals={personGoals} used={new Set(goals.map((goal) => goal.text))} onUse={addGoal} />
        <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => addGoal('')}>
          Add a goal
        </button>
      </fieldset>
      <ActionLibraryPicker config={config} onPick={addFromLibrary} />
      <div className="ww-table-scroll">
        <table className="nhsuk-table ww-plan-edit-table" data-testid="plan-table">
          <caption className="nhsuk-table__caption nhsuk-table__caption--s">Actions: one row each</caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              {['What will be done', 'Who', 'Discipline', 'Due by', 'Goal', 'Service'].map((header) => (
                <th key={header} scope="col" className="nhsuk-table__header">
                  {header}
                </th>
              ))}
              <th scope="col" className="nhsuk-table__header">
                <span className="nhsuk-u-visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {actions.length === 0 && (
              <tr className="nhsuk-table__row">
                <td className="nhsuk-table__cell" colSpan={7}>
                  No actions yet: add a common action above, or type one.
                </td>
              </tr>
            )}
            {actions.map((action, index) => (
              <PlanActionRow
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
          </tbody>
        </table>
      </div>
      <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => addAction({}, 'description')}>
        Add an action
      </button>
      <DateInput
        id={planFieldId('reviewOn')}
        label="Review the plan by"
        value={reviewOn}
        error={save.fieldErrors[planFieldId('reviewOn')]}
        onValueChange={setReviewOn}
        after={<DueShortcutButtons labelFor={(words) => `Review ${words}`} onPick={setReviewOn} />}
      />
      <FormActions submitLabel="Save draft plan" busy={save.busy} onCancel={onCancel} />
    </form>
  );
}
