import { useEffect, useState } from 'react';
import { ADJUSTMENT_CATEGORIES, ADJUSTMENT_CATEGORY_LABELS, type AdjustmentCategory } from '../../../core/adjustments/adjustment-library';
import { todayInLondon } from '../../../core/clock';
import { AHP_FITNESS, AHP_FITNESS_LABELS, type AhpFitness, type AhpReport } from '../../../core/schemas/ahp-report';
import type { WorkplaceAdjustmentsContent } from '../../../core/schemas/workplace-adjustments';
import { useApi } from '../../api/api-context';
import { CheckboxGroup } from '../../components/checkbox-group';
import { ErrorSummary } from '../../components/error-summary';
import { FormActions } from '../../components/form-actions';
import { RadioGroup } from '../../components/radio-group';
import { TextInput } from '../../components/text-input';
import { TextareaInput } from '../../components/textarea-input';
import { useSubmit } from '../../components/use-submit';
import { useSession } from '../../session-context';
import { ahpFieldId } from './adjustments-field-id';
import { ahpStartFromAdjustments } from './ahp-report-start';
import { DateInput } from '../../components/date-input';
import { offers } from '../../can-call';

export interface AhpReportFormProps {
  readonly participantId: string;
  /** The caller's own draft being changed, or undefined to start one. */
  readonly draft: AhpReport | undefined;
  /** The adjustments already recorded: a new report starts from them (ahp-report-start.ts). */
  readonly adjustments?: WorkplaceAdjustmentsContent | null | undefined;
  readonly onSaved: () => void;
  readonly onCancel: () => void;
}

interface DifficultyDraft {
  readonly id: string;
  readonly difficulty: string;
  readonly recommendation: string;
  readonly goal: string;
}

/** The categories checkboxes are named by their first box, which the error summary links to. */
const fieldIdFor = (path: string) => (path === 'categories' ? `${ahpFieldId('categories')}-${ADJUSTMENT_CATEGORIES[0]}` : ahpFieldId(path));

/**
 * The AHP Health and Work Report (RCOT / CSP) as a draft: the advice, its period and follow-up, the
 * four category ticks and the table of difficulties at work, each with a recommendation and goal.
 * The practitioner's name, profession and HCPC number are added from the team record when signed.
 */
export function AhpReportForm({ participantId, draft, adjustments, onSaved, onCancel }: AhpReportFormProps) {
  // Read once: later changes to the adjustments must not overwrite what the OT has typed.
  const [start] = useState(() => ahpStartFromAdjustments(draft === undefined ? adjustments : null));
  const api = useApi();
  const { partnershipName } = useSession();
  const [fitness, setFitness] = useState<AhpFitness>(draft?.fitness ?? 'may_be_fit');
  const [periodFrom, setPeriodFrom] = useState(draft?.periodFrom ?? start.periodFrom);
  const [periodTo, setPeriodTo] = useState(draft?.periodTo ?? start.periodTo);
  const [followUpOn, setFollowUpOn] = useState(draft?.followUpOn ?? start.followUpOn);
  const [categories, setCategories] = useState<AdjustmentCategory[]>(draft?.categories ?? start.categories);
  const [difficulties, setDifficulties] = useState<DifficultyDraft[]>(draft?.difficulties ?? start.difficulties);
  const [organisation, setOrganisation] = useState(draft?.organisation ?? partnershipName);
  const [assessedOn, setAssessedOn] = useState(draft?.assessedOn ?? todayInLondon());
  const [focusId, setFocusId] = useState<string | undefined>(undefined);
  const save = useSubmit<unknown>(fieldIdFor);

  useEffect(() => {
    if (focusId === undefined) return;
    document.getElementById(focusId)?.focus();
    setFocusId(undefined);
  }, [focusId]);

  const setDifficulty = (index: number, change: Partial<DifficultyDraft>) =>
    setDifficulties((current) => current.map((row, at) => (at === index ? { ...row, ...change } : row)));
  const errorFor = (path: string) => save.fieldErrors[fieldIdFor(path)];
  return (
    <form
      className="ww-panel"
      noValidate
      aria-labelledby="ahp-form-heading"
      {...offers('adjustments.saveAhpReport')}
      onSubmit={(event) => {
        event.preventDefault();
        const content = {
          fitness,
          periodFrom,
          periodTo,
          followUpOn: followUpOn === '' ? null : followUpOn,
          categories: fitness === 'may_be_fit' ? categories : [],
          difficulties,
          organisation,
          assessedOn,
        };
        void save.submit(
          () =>
            api.call(
              'adjustments.saveAhpReport',
              draft === undefined
                ? { participantId, ...content }
                : { participantId, reportId: draft.id, version: draft.version, ...content },
            ),
          onSaved,
        );
      }}
    >
      <h3 className="nhsuk-heading-s" id="ahp-form-heading">
        {draft === undefined ? 'Start an AHP Health and Work Report' : 'Edit the draft AHP Health and Work Report'}
      </h3>
      <ErrorSummary fieldErrors={save.fieldErrors} message={save.message} />
      <RadioGroup
        name={ahpFieldId('fitness')}
        legend="Advice"
        value={fitness}
        options={AHP_FITNESS.map((value) => ({ value, label: AHP_FITNESS_LABELS[value] }))}
        onValueChange={setFitness}
      />
      <div className="ww-adjustment__dates">
        <DateInput
          id={ahpFieldId('periodFrom')}
          label="Advice applies from"
          value={periodFrom}
          error={errorFor('periodFrom')}
          onValueChange={setPeriodFrom}
        />
        <DateInput id={ahpFieldId('periodTo')} label="Until" value={periodTo} error={errorFor('periodTo')} onValueChange={setPeriodTo} />
        <DateInput
          id={ahpFieldId('followUpOn')}
          label="Follow-up on (optional)"
          value={followUpOn}
          error={errorFor('followUpOn')}
          onValueChange={setFollowUpOn}
        />
      </div>
      {fitness === 'may_be_fit' && (
        <CheckboxGroup
          name={ahpFieldId('categories')}
          legend="The person may be fit for work with"
          hint="Tick all that apply"
          error={errorFor('categories')}
          values={categories}
          options={ADJUSTMENT_CATEGORIES.map((value) => ({ value, label: ADJUSTMENT_CATEGORY_LABELS[value] }))}
          onValuesChange={setCategories}
        />
      )}
      <fieldset className="nhsuk-fieldset" id={ahpFieldId('difficulties')} tabIndex={-1}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
          Difficulties at work, with a recommendation and goal for each
        </legend>
        {errorFor('difficulties') !== undefined && (
          <span className="nhsuk-error-message">
            <span className="nhsuk-u-visually-hidden">Error:</span> {errorFor('difficulties')}
          </span>
        )}
        {difficulties.map((row, index) => (
          <div className="ww-ahp-difficulty" key={row.id}>
            <TextareaInput
              id={ahpFieldId(`difficulties.${index}.difficulty`)}
              label={`Difficulty ${index + 1}`}
              rows={2}
              value={row.difficulty}
              error={errorFor(`difficulties.${index}.difficulty`)}
              onValueChange={(difficulty) => setDifficulty(index, { difficulty })}
            />
            <TextareaInput
              id={ahpFieldId(`difficulties.${index}.recommendation`)}
              label={`Recommendation for difficulty ${index + 1}`}
              rows={2}
              value={row.recommendation}
              error={errorFor(`difficulties.${index}.recommendation`)}
              onValueChange={(recommendation) => setDifficulty(index, { recommendation })}
            />
            <TextareaInput
              id={ahpFieldId(`difficulties.${index}.goal`)}
              label={`Goal for difficulty ${index + 1}`}
              rows={2}
              value={row.goal}
              error={errorFor(`difficulties.${index}.goal`)}
              onValueChange={(goal) => setDifficulty(index, { goal })}
            />
            <button
              type="button"
              className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
              onClick={() => setDifficulties((current) => current.filter((_, at) => at !== index))}
            >
              Remove difficulty {index + 1}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary"
          onClick={() => {
            setDifficulties((current) => [...current, { id: crypto.randomUUID(), difficulty: '', recommendation: '', goal: '' }]);
            setFocusId(ahpFieldId(`difficulties.${difficulties.length}.difficulty`));
          }}
        >
          Add a difficulty
        </button>
      </fieldset>
      <TextInput
        id={ahpFieldId('organisation')}
        label="Organisation"
        value={organisation}
        error={errorFor('organisation')}
        onValueChange={setOrganisation}
      />
      <DateInput
        id={ahpFieldId('assessedOn')}
        label="Date assessed"
        value={assessedOn}
        error={errorFor('assessedOn')}
        onValueChange={setAssessedOn}
      />
      <FormActions submitLabel="Save draft report" busy={save.busy} onCancel={onCancel} />
    </form>
  );
}
