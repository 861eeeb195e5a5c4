import { useState } from 'react';
import {
  MISSING_ITEM_LABELS,
  MISSING_ITEMS,
  TRIAGE_OUTCOME_LABELS,
  TRIAGE_OUTCOMES,
  type MissingItem,
  type TriageOutcome,
  type TriageQueue,
} from '../../../core/schemas/meetings';
import type { MeetingSummary } from '../../../core/schemas/meetings';
import { useApi } from '../../api/api-context';
import { offers } from '../../can-call';
import { CheckboxGroup } from '../../components/checkbox-group';
import { ErrorSummary } from '../../components/error-summary';
import { FormActions } from '../../components/form-actions';
import { RadioGroup } from '../../components/radio-group';
import { SelectInput } from '../../components/select-input';
import { TextareaInput } from '../../components/textarea-input';
import { useSubmit } from '../../components/use-submit';
import { formatDate } from '../../format';
import { minimumDataProblems } from './minimum-data';

type QueueItem = TriageQueue['items'][number];

/** Field ids of the triage form: an error on the outcome points at the first choice. */
function triageFieldId(path: string): string {
  if (path === 'outcome') return 'triage-outcome-full_discussion';
  if (path === 'missing') return 'triage-missing-joined_up_assessment';
  return `triage-${path}`;
}

export interface TriageFormProps {
  readonly item: QueueItem;
  readonly meetings: readonly MeetingSummary[];
  readonly onSaved: () => void;
  readonly onCancel: () => void;
}

/**
 * Sorts one case: a full discussion at a chosen meeting, not ready (ticking what is missing and
 * saying why), or a standard plan. The services layer refuses a full discussion without the
 * minimum data; the form says so up front too.
 */
export function TriageForm({ item, meetings, onSaved, onCancel }: TriageFormProps) {
  const api = useApi();
  const planned = meetings.filter((meeting) => meeting.status === 'planned');
  const problems = minimumDataProblems(item.minimumData);
  const [outcome, setOutcome] = useState<TriageOutcome>(problems.length > 0 ? 'not_ready' : 'full_discussion');
  const [meetingId, setMeetingId] = useState(planned.length === 1 ? (planned[0]?.id ?? '') : '');
  const [missing, setMissing] = useState<MissingItem[]>(problems.map((problem) => problem.item));
  const [note, setNote] = useState('');
  const save = useSubmit<unknown>(triageFieldId);
  const name = `${item.givenName} ${item.familyName}`;
  return (
    <form
      {...offers('triage.decide')}
      className="ww-panel"
      noValidate
      aria-labelledby="triage-form-heading"
      onSubmit={(event) => {
        event.preventDefault();
        void save.submit(
          () =>
            api.call('triage.decide', {
              participantId: item.participantId,
              outcome,
              meetingId: outcome === 'full_discussion' && meetingId !== '' ? meetingId : null,
              missing: outcome === 'not_ready' ? missing : [],
              note,
            }),
          onSaved,
        );
      }}
    >
      <h2 className="nhsuk-heading-m" id="triage-form-heading" tabIndex={-1}>
        Triage {name} ({item.reference})
      </h2>
      <ErrorSummary fieldErrors={save.fieldErrors} message={save.message} />
      {problems.length > 0 && (
        <p className="nhsuk-inset-text">
          Not yet ready for a full discussion: {problems.map((problem) => problem.label.toLowerCase()).join(' and ')} missing.
        </p>
      )}
      {save.fieldErrors[triageFieldId('outcome')] !== undefined && (
        <p className="nhsuk-error-message">
          <span className="nhsuk-u-visually-hidden">Error:</span> {save.fieldErrors[triageFieldId('outcome')]}
        </p>
      )}
      <RadioGroup
        name="triage-outcome"
        legend="How does this case go forward?"
        value={outcome}
        options={TRIAGE_OUTCOMES.map((value) => ({ value, label: TRIAGE_OUTCOME_LABELS[value] }))}
        onValueChange={setOutcome}
      />
      {outcome === 'full_discussion' && (
        <SelectInput
          id={triageFieldId('meetingId')}
          label="Meeting"
          hint={planned.length === 0 ? 'No meeting is planned yet: plan one on the Meetings page first.' : undefined}
          placeholder="Choose the meeting"
          value={meetingId}
          options={planned.map((meeting) => ({
            value: meeting.id,
            label: `${formatDate(meeting.heldOn)} at ${meeting.startsAt}, chaired by ${meeting.chairName}`,
          }))}
          error={save.fieldErrors[triageFieldId('meetingId')]}
          onValueChange={setMeetingId}
        />
      )}
      {outcome === 'not_ready' && (
        <CheckboxGroup
          name="triage-missing"
          legend="What is missing?"
          hint="Tick everything that applies, and add anything else in the note."
          error={save.fieldErrors[triageFieldId('missing')]}
          values={missing}
          options={MISSING_ITEMS.map((value) => ({ value, label: MISSING_ITEM_LABELS[value] }))}
          onValuesChange={setMissing}
        />
      )}
      <TextareaInput
        id={triageFieldId('note')}
        label="Note (optional)"
        value={note}
        error={save.fieldErrors[triageFieldId('note')]}
        onValueChange={setNote}
      />
      <FormActions submitLabel="Save triage decision" busy={save.busy} onCancel={onCancel} />
    </form>
  );
}
