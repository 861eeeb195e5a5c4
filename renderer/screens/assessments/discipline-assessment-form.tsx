import { useState } from 'react';
import { todayInLondon } from '../../../core/clock';
import {
  DISCIPLINE_ASSESSMENT_TITLES,
  type ClinicalDiscipline,
  type DisciplineAssessmentVersion,
} from '../../../core/schemas/discipline-assessment';
import { useApi } from '../../api/api-context';
import { ErrorSummary } from '../../components/error-summary';
import { FormActions } from '../../components/form-actions';
import { TextareaInput } from '../../components/textarea-input';
import { useSubmit } from '../../components/use-submit';
import { DateInput } from '../../components/date-input';
import { offers } from '../../can-call';

/** What the form is for: a new draft, more work on the caller's draft, or an amendment to a signed assessment. */
export type DisciplineFormMode =
  | { readonly kind: 'new' }
  | { readonly kind: 'edit'; readonly draft: DisciplineAssessmentVersion }
  | { readonly kind: 'amend'; readonly signed: DisciplineAssessmentVersion };

export interface DisciplineAssessmentFormProps {
  readonly participantId: string;
  readonly discipline: ClinicalDiscipline;
  readonly mode: DisciplineFormMode;
  readonly onSaved: () => void;
  readonly onCancel: () => void;
}

const FIELD_PREFIX = 'discipline-';

/**
 * A clinician's assessment in their own words. Drafts can be saved and reopened; an amendment
 * replaces the whole text of a signed assessment, says why, and is signed as it is saved.
 */
export function DisciplineAssessmentForm({ participantId, discipline, mode, onSaved, onCancel }: DisciplineAssessmentFormProps) {
  const api = useApi();
  const start = mode.kind === 'edit' ? mode.draft : mode.kind === 'amend' ? mode.signed : undefined;
  const [assessedOn, setAssessedOn] = useState(start?.assessedOn ?? todayInLondon());
  const [findings, setFindings] = useState(start?.findings ?? '');
  const [workImpact, setWorkImpact] = useState(start?.workImpact ?? '');
  const [recommendations, setRecommendations] = useState(start?.recommendations ?? '');
  const [reason, setReason] = useState('');
  const save = useSubmit<unknown>((path) => `${FIELD_PREFIX}${path}`);
  const error = (field: string) => save.fieldErrors[`${FIELD_PREFIX}${field}`];
  const content = { assessedOn, findings, workImpact, recommendations };
  const title = DISCIPLINE_ASSESSMENT_TITLES[discipline];

  return (
    <form
      className="ww-panel"
      noValidate
      aria-labelledby="discipline-form-heading"
      {...offers(mode.kind === 'amend' ? 'assessments.amendDiscipline' : 'assessments.saveDisciplineDraft')}
      onSubmit={(event) => {
        event.preventDefault();
        void save.submit(() => {
          if (mode.kind === 'amend') return api.call('assessments.amendDiscipline', { amendsId: mode.signed.id, reason, ...content });
          if (mode.kind === 'edit')
            return api.call('assessments.saveDisciplineDraft', {
              participantId,
              id: mode.draft.id,
              version: mode.draft.version,
              ...content,
            });
          return api.call('assessments.saveDisciplineDraft', { participantId, ...content });
        }, onSaved);
      }}
    >
      <h3 className="nhsuk-heading-s" id="discipline-form-heading">
        {mode.kind === 'amend'
          ? `Amend the ${title.toLowerCase()}`
          : mode.kind === 'edit'
            ? `Edit your draft ${title.toLowerCase()}`
            : `New ${title.toLowerCase()}`}
      </h3>
      {mode.kind === 'amend' ? (
        <p className="nhsuk-body-s">
          The signed version stays in the record. Your amendment is signed as you save it, with your name and the reason.
        </p>
      ) : (
        <p className="nhsuk-body-s">Saved as a draft only you can change. Sign it when it is final: a signed assessment is locked.</p>
      )}
      <ErrorSummary fieldErrors={save.fieldErrors} message={save.message} />
      {mode.kind === 'amend' && (
        <TextareaInput
          id={`${FIELD_PREFIX}reason`}
          label="Why are you amending it?"
          hint="For example: a measurement was recorded for the wrong side."
          value={reason}
          error={error('reason')}
          onValueChange={setReason}
          rows={2}
        />
      )}
      <DateInput
        id={`${FIELD_PREFIX}assessedOn`}
        label="Date of the assessment"
        value={assessedOn}
        error={error('assessedOn')}
        onValueChange={setAssessedOn}
      />
      <TextareaInput
        id={`${FIELD_PREFIX}findings`}
        label="Findings"
        value={findings}
        error={error('findings')}
        onValueChange={setFindings}
        rows={5}
      />
      <TextareaInput
        id={`${FIELD_PREFIX}workImpact`}
        label="How their health affects their work (optional)"
        value={workImpact}
        error={error('workImpact')}
        onValueChange={setWorkImpact}
      />
      <TextareaInput
        id={`${FIELD_PREFIX}recommendations`}
        label="Recommendations (optional)"
        value={recommendations}
        error={error('recommendations')}
        onValueChange={setRecommendations}
      />
      <FormActions
        submitLabel={mode.kind === 'amend' ? 'Save and sign the amendment' : 'Save draft'}
        busy={save.busy}
        onCancel={onCancel}
      />
    </form>
  );
}
