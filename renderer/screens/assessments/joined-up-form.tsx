import { useState } from 'react';
import { todayInLondon } from '../../../core/clock';
import {
  type JoinedUpAssessmentVersion,
  MAIN_BARRIER_LABELS,
  MAIN_BARRIERS,
  READINESS_LABELS,
  READINESS_LEVELS,
  SOCIAL_BARRIER_LABELS,
  SOCIAL_BARRIERS,
} from '../../../core/schemas/assessment';
import { useApi } from '../../api/api-context';
import { CheckboxGroup } from '../../components/checkbox-group';
import { ErrorSummary } from '../../components/error-summary';
import { FormActions } from '../../components/form-actions';
import { RadioGroup } from '../../components/radio-group';
import { SelectInput } from '../../components/select-input';
import { TextareaInput } from '../../components/textarea-input';
import { useSubmit } from '../../components/use-submit';
import { DateInput } from '../../components/date-input';
import { offers } from '../../can-call';

type SocialBarrier = (typeof SOCIAL_BARRIERS)[number];
type Readiness = (typeof READINESS_LEVELS)[number];

export interface JoinedUpFormProps {
  readonly participantId: string;
  /** The signed assessment being corrected: the form starts from its text and asks why. */
  readonly amend?: JoinedUpAssessmentVersion | undefined;
  readonly onSaved: () => void;
  readonly onCancel: () => void;
}

/**
 * The coach's joined-up work and health assessment; saving makes the person ready for MDT triage.
 * It is signed as it is saved, so a correction is an amendment with a reason.
 */
export function JoinedUpForm({ participantId, amend, onSaved, onCancel }: JoinedUpFormProps) {
  const api = useApi();
  const [assessedOn, setAssessedOn] = useState(amend?.assessedOn ?? todayInLondon());
  const [healthConditions, setHealthConditions] = useState(amend?.healthConditions ?? '');
  const [mainBarrier, setMainBarrier] = useState<string>(amend?.mainBarrier ?? '');
  const [socialBarriers, setSocialBarriers] = useState<SocialBarrier[]>(amend?.socialBarriers ?? []);
  const [whatMatters, setWhatMatters] = useState(amend?.whatMatters ?? '');
  const [goals, setGoals] = useState(amend?.goals ?? '');
  const [readiness, setReadiness] = useState<Readiness>(amend?.readiness ?? 'thinking');
  const [canDoNow, setCanDoNow] = useState(amend?.canDoNow ?? '');
  const [reason, setReason] = useState('');
  const save = useSubmit<{ id: string }>((path) => `joined-${path}`);
  const error = (field: string) => save.fieldErrors[`joined-${field}`];
  return (
    <form
      className="ww-panel"
      noValidate
      aria-labelledby="joined-up-heading"
      {...offers(amend === undefined ? 'assessments.saveJoinedUp' : 'assessments.amendJoinedUp')}
      onSubmit={(event) => {
        event.preventDefault();
        const content = {
          assessedOn,
          healthConditions,
          mainBarrier: mainBarrier as never,
          socialBarriers,
          whatMatters,
          goals,
          readiness,
          canDoNow,
        };
        void save.submit(
          () =>
            amend === undefined
              ? api.call('assessments.saveJoinedUp', { participantId, ...content })
              : api.call('assessments.amendJoinedUp', { amendsId: amend.id, reason, ...content }),
          onSaved,
        );
      }}
    >
      <h3 className="nhsuk-heading-s" id="joined-up-heading">
        {amend === undefined ? 'Joined-up work and health assessment' : 'Amend the joined-up assessment'}
      </h3>
      <ErrorSummary fieldErrors={save.fieldErrors} message={save.message} />
      {amend !== undefined && (
        <TextareaInput
          id="joined-reason"
          label="Why are you amending it?"
          hint="The signed version stays in the record with your reason."
          value={reason}
          error={error('reason')}
          onValueChange={setReason}
          rows={2}
        />
      )}
      <DateInput
        id="joined-assessedOn"
        label="Date of the assessment"
        value={assessedOn}
        error={error('assessedOn')}
        onValueChange={setAssessedOn}
      />
      <TextareaInput
        id="joined-healthConditions"
        label="Health conditions"
        value={healthConditions}
        error={error('healthConditions')}
        onValueChange={setHealthConditions}
      />
      <SelectInput
        id="joined-mainBarrier"
        label="Main barrier to work"
        value={mainBarrier}
        placeholder="Choose the main barrier"
        options={MAIN_BARRIERS.map((value) => ({ value, label: MAIN_BARRIER_LABELS[value] }))}
        error={error('mainBarrier')}
        onValueChange={setMainBarrier}
      />
      <CheckboxGroup
        name="joined-socialBarriers"
        legend="Social barriers"
        hint="Choose all that apply"
        values={socialBarriers}
        options={SOCIAL_BARRIERS.map((value) => ({ value, label: SOCIAL_BARRIER_LABELS[value] }))}
        onValuesChange={setSocialBarriers}
      />
      <TextareaInput
        id="joined-whatMatters"
        label="What matters to them, in their own words"
        value={whatMatters}
        error={error('whatMatters')}
        onValueChange={setWhatMatters}
      />
      <TextareaInput
        id="joined-goals"
        label="Their goals, in their own words"
        value={goals}
        error={error('goals')}
        onValueChange={setGoals}
      />
      <RadioGroup
        name="joined-readiness"
        legend="How ready are they to make changes?"
        value={readiness}
        onValueChange={setReadiness}
        options={READINESS_LEVELS.map((value) => ({ value, label: READINESS_LABELS[value] }))}
      />
      <TextareaInput
        id="joined-canDoNow"
        label="What they can do now (optional)"
        value={canDoNow}
        error={error('canDoNow')}
        onValueChange={setCanDoNow}
      />
      <FormActions
        submitLabel={amend === undefined ? 'Save assessment' : 'Save and sign the amendment'}
        busy={save.busy}
        onCancel={onCancel}
      />
    </form>
  );
}
