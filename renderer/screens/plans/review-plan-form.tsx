import { useState } from 'react';
import { todayInLondon } from '../../../core/clock';
import {
  EMPLOYMENT_OUTCOME_LABELS,
  EMPLOYMENT_OUTCOMES,
  EXIT_REASON_LABELS,
  EXIT_REASONS,
  REVIEW_OUTCOME_LABELS,
  REVIEW_OUTCOMES,
  type ActionPlan,
} from '../../../core/schemas/action-plan';
import { useApi } from '../../api/api-context';
import { offers } from '../../can-call';
import { DateInput } from '../../components/date-input';
import { ErrorSummary } from '../../components/error-summary';
import { FormActions } from '../../components/form-actions';
import { RadioGroup } from '../../components/radio-group';
import { SelectInput } from '../../components/select-input';
import { TextareaInput } from '../../components/textarea-input';
import { useSubmit } from '../../components/use-submit';
import { planFieldId } from './plan-field-id';

type Outcome = (typeof REVIEW_OUTCOMES)[number];

/** A review of the plan in force: carry on to a next review, change the plan, or end support. */
export function ReviewPlanForm({ plan, onSaved, onCancel }: { plan: ActionPlan; onSaved: () => void; onCancel: () => void }) {
  const api = useApi();
  const [reviewedOn, setReviewedOn] = useState(todayInLondon());
  const [outcome, setOutcome] = useState<Outcome>('continue');
  const [note, setNote] = useState('');
  const [nextReviewOn, setNextReviewOn] = useState('');
  const [exitReason, setExitReason] = useState('');
  const [employmentOutcome, setEmploymentOutcome] = useState('');
  const save = useSubmit<unknown>(planFieldId);
  const error = (field: string) => save.fieldErrors[planFieldId(field)];
  return (
    <form
      {...offers('plans.review')}
      className="ww-panel"
      noValidate
      aria-labelledby="review-plan-heading"
      onSubmit={(event) => {
        event.preventDefault();
        void save.submit(
          () =>
            api.call('plans.review', {
              planId: plan.id,
              reviewedOn,
              outcome,
              note,
              nextReviewOn: outcome === 'continue' && nextReviewOn !== '' ? nextReviewOn : null,
              exitReason: outcome === 'exit' && exitReason !== '' ? (exitReason as (typeof EXIT_REASONS)[number]) : null,
              employmentOutcome:
                outcome === 'exit' && employmentOutcome !== '' ? (employmentOutcome as (typeof EMPLOYMENT_OUTCOMES)[number]) : null,
            }),
          onSaved,
        );
      }}
    >
      <h3 className="nhsuk-heading-s" id="review-plan-heading">
        Review the plan
      </h3>
      <ErrorSummary fieldErrors={save.fieldErrors} message={save.message} />
      <DateInput
        id={planFieldId('reviewedOn')}
        label="Date of the review"
        value={reviewedOn}
        error={error('reviewedOn')}
        onValueChange={setReviewedOn}
      />
      <TextareaInput id={planFieldId('note')} label="What the review found" value={note} error={error('note')} onValueChange={setNote} />
      <RadioGroup
        name={planFieldId('outcome')}
        legend="Outcome"
        value={outcome}
        onValueChange={setOutcome}
        options={REVIEW_OUTCOMES.map((value) => ({ value, label: REVIEW_OUTCOME_LABELS[value] }))}
      />
      {outcome === 'continue' && (
        <DateInput
          id={planFieldId('nextReviewOn')}
          label="Next review by"
          value={nextReviewOn}
          error={error('nextReviewOn')}
          onValueChange={setNextReviewOn}
        />
      )}
      {outcome === 'exit' && (
        <>
          <SelectInput
            id={planFieldId('exitReason')}
            label="Why support is ending"
            placeholder="Choose a reason"
            value={exitReason}
            options={EXIT_REASONS.map((value) => ({ value, label: EXIT_REASON_LABELS[value] }))}
            error={error('exitReason')}
            onValueChange={setExitReason}
          />
          <SelectInput
            id={planFieldId('employmentOutcome')}
            label="Employment outcome"
            placeholder="Choose the outcome"
            value={employmentOutcome}
            options={EMPLOYMENT_OUTCOMES.map((value) => ({ value, label: EMPLOYMENT_OUTCOME_LABELS[value] }))}
            error={error('employmentOutcome')}
            onValueChange={setEmploymentOutcome}
          />
        </>
      )}
      <FormActions submitLabel="Save the review" busy={save.busy} onCancel={onCancel} />
    </form>
  );
}
