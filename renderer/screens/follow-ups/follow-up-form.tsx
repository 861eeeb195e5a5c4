import { useEffect, useState } from 'react';
import { FOLLOW_UP_POINT_LABELS, type FollowUpPoint } from '../../../core/follow-ups/follow-up-due';
import { CONTACT_KIND_LABELS, CONTACT_KINDS, type ContactKind } from '../../../core/schemas/contact-log';
import { FOLLOW_UP_OUTCOME_LABELS, hasEmployer, type FollowUp, type FollowUpOutcome } from '../../../core/schemas/follow-up';
import { EMPLOYMENT_STATUS_LABELS, EMPLOYMENT_STATUSES } from '../../../core/schemas/referral';
import { todayInLondon } from '../../../core/clock';
import { useApi } from '../../api/api-context';
import { offers } from '../../can-call';
import { DateInput } from '../../components/date-input';
import { ErrorSummary } from '../../components/error-summary';
import { FormActions } from '../../components/form-actions';
import { RadioGroup } from '../../components/radio-group';
import { SelectInput } from '../../components/select-input';
import { TextInput } from '../../components/text-input';
import { TextareaInput } from '../../components/textarea-input';
import { useSubmit } from '../../components/use-submit';
import { formatDate } from '../../format';

type Status = (typeof EMPLOYMENT_STATUSES)[number];
type Answer = '' | 'yes' | 'no';

/** Where each field's message goes: the id of the field (a group's first choice) the error summary links to. */
const FIELD_IDS: Readonly<Record<string, string>> = {
  contactedOn: 'follow-up-date',
  method: 'follow-up-method',
  outcome: 'follow-up-outcome-contacted',
  attempts: 'follow-up-attempts',
  employmentStatus: `follow-up-status-${EMPLOYMENT_STATUSES[0]}`,
  sameEmployer: 'follow-up-same-employer-yes',
  hoursPerWeek: 'follow-up-hours',
  note: 'follow-up-note',
  correctionReason: 'follow-up-reason',
  replacesId: 'follow-up-reason',
};

const fieldIdFor = (path: string): string => FIELD_IDS[path.split('.')[0] ?? path] ?? path;

/** A typed number: blank is null; anything else goes as typed when it is not a number, so the contract names the problem. */
function numberOrNull(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const parsed = Number(trimmed);
  return (Number.isFinite(parsed) ? parsed : trimmed) as number;
}

export interface FollowUpFormProps {
  readonly participantId: string;
  /** The exit (an episode's end) this follows up. */
  readonly exitedOn: string;
  readonly point: FollowUpPoint;
  /** The entry being corrected: the form starts from its answers and asks why. */
  readonly correcting?: FollowUp | undefined;
  readonly onDone: () => void;
  readonly onCancel: () => void;
}

/**
 * Records a follow-up after exit (issue 20 item 6): the date and how they were contacted (or
 * tried), and either their employment status, whether still with the same employer and the hours
 * they work, or that they could not be contacted after a number of attempts; a note. The services
 * layer checks everything again and each message comes back beside its field.
 */
export function FollowUpForm({ participantId, exitedOn, point, correcting, onDone, onCancel }: FollowUpFormProps) {
  const api = useApi();
  const [contactedOn, setContactedOn] = useState(correcting?.contactedOn ?? todayInLondon());
  const [method, setMethod] = useState<string>(correcting?.method ?? '');
  const [outcome, setOutcome] = useState<FollowUpOutcome | ''>(correcting?.outcome ?? '');
  const [attempts, setAttempts] = useState(correcting?.attempts?.toString() ?? '');
  const [status, setStatus] = useState<Status | ''>(correcting?.employmentStatus ?? '');
  const [sameEmployer, setSameEmployer] = useState<Answer>(
    correcting?.sameEmployer === null || correcting === undefined ? '' : correcting.sameEmployer ? 'yes' : 'no',
  );
  const [hours, setHours] = useState(correcting?.hoursPerWeek?.toString() ?? '');
  const [note, setNote] = useState(correcting?.note ?? '');
  const [reason, setReason] = useState('');
  const save = useSubmit<FollowUp>(fieldIdFor);
  const errors = save.fieldErrors;
  // Opened from a button that then goes: the keyboard continues in the form's first field.
  useEffect(() => document.getElementById('follow-up-date')?.focus(), []);
  const contacted = outcome === 'contacted';
  const heading = `${correcting === undefined ? 'Record the' : 'Correct the'} ${FOLLOW_UP_POINT_LABELS[point].toLowerCase()}`;

  return (
    <form
      className="ww-panel"
      noValidate
      aria-labelledby="follow-up-form-heading"
      data-testid="follow-up-form"
      {...offers('followUps.record')}
      onSubmit={(event) => {
        event.preventDefault();
        void save.submit(
          () =>
            api.call('followUps.record', {
              participantId,
              exitedOn,
              point,
              contactedOn,
              // Unanswered questions go as missing, so the contract names each one.
              method: (method === '' ? undefined : method) as ContactKind,
              outcome: (outcome === '' ? undefined : outcome) as FollowUpOutcome,
              attempts: outcome === 'could_not_contact' ? numberOrNull(attempts) : null,
              employmentStatus: contacted && status !== '' ? status : null,
              sameEmployer: contacted && hasEmployer(status) && sameEmployer !== '' ? sameEmployer === 'yes' : null,
              hoursPerWeek: contacted && status === 'in_work' ? numberOrNull(hours) : null,
              note,
              ...(correcting === undefined ? {} : { replacesId: correcting.id, correctionReason: reason }),
            }),
          onDone,
        );
      }}
    >
      <h3 className="nhsuk-heading-s" id="follow-up-form-heading">
        {heading}
      </h3>
      {correcting !== undefined && (
        <p className="nhsuk-body-s">Recorded on {formatDate(correcting.contactedOn)}; the original stays readable.</p>
      )}
      <ErrorSummary fieldErrors={errors} message={save.message} />
      <DateInput
        id="follow-up-date"
        label="Date of the follow-up"
        hint="The day you spoke to them, or of your last try"
        value={contactedOn}
        error={errors['follow-up-date']}
        onValueChange={setContactedOn}
      />
      <SelectInput
        id="follow-up-method"
        label="How you contacted them, or tried to"
        value={method}
        placeholder="Choose how"
        options={CONTACT_KINDS.map((value) => ({ value, label: CONTACT_KIND_LABELS[value] }))}
        error={errors['follow-up-method']}
        onValueChange={setMethod}
      />
      <RadioGroup
        name="follow-up-outcome"
        legend="Did you speak to them?"
        value={outcome}
        error={errors[FIELD_IDS.outcome ?? '']}
        onValueChange={setOutcome}
        options={[
          { value: 'contacted', label: FOLLOW_UP_OUTCOME_LABELS.contacted },
          { value: 'could_not_contact', label: FOLLOW_UP_OUTCOME_LABELS.could_not_contact, hint: 'After trying more than once' },
        ]}
      />
      {outcome === 'could_not_contact' && (
        <TextInput
          id="follow-up-attempts"
          label="How many times you tried"
          inputMode="numeric"
          className="nhsuk-input--width-2"
          value={attempts}
          error={errors['follow-up-attempts']}
          onValueChange={setAttempts}
        />
      )}
      {contacted && (
        <RadioGroup
          name="follow-up-status"
          legend="Their employment status now"
          value={status}
          error={errors[FIELD_IDS.employmentStatus ?? '']}
          onValueChange={setStatus}
          options={EMPLOYMENT_STATUSES.map((value) => ({ value, label: EMPLOYMENT_STATUS_LABELS[value] }))}
        />
      )}
      {contacted && hasEmployer(status) && (
        <RadioGroup
          name="follow-up-same-employer"
          legend="Are they still with the same employer?"
          value={sameEmployer}
          error={errors[FIELD_IDS.sameEmployer ?? '']}
          onValueChange={setSameEmployer}
          options={[
            { value: 'yes', label: 'Yes' },
            { value: 'no', label: 'No, a different employer' },
          ]}
        />
      )}
      {contacted && status === 'in_work' && (
        <TextInput
          id="follow-up-hours"
          label="Hours a week (optional)"
          hint="In whole or half hours, for example 22.5"
          inputMode="decimal"
          className="nhsuk-input--width-3"
          value={hours}
          error={errors['follow-up-hours']}
          onValueChange={setHours}
        />
      )}
      <TextareaInput id="follow-up-note" label="Note (optional)" value={note} error={errors['follow-up-note']} onValueChange={setNote} />
      {correcting !== undefined && (
        <TextareaInput
          id="follow-up-reason"
          label="Why it is being corrected"
          value={reason}
          error={errors['follow-up-reason']}
          onValueChange={setReason}
        />
      )}
      <FormActions submitLabel={correcting === undefined ? 'Save follow-up' : 'Save correction'} busy={save.busy} onCancel={onCancel} />
    </form>
  );
}
