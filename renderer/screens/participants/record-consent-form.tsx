import { useState } from 'react';
import { todayInLondon } from '../../../core/clock';
import { failure, ok, type Result } from '../../../core/result';
import {
  CONSENT_METHOD_LABELS,
  CONSENT_METHODS,
  CONSENT_PURPOSE_LABELS,
  type ConsentPurpose,
  type ConsentRecord,
} from '../../../core/schemas/consent';
import { useApi } from '../../api/api-context';
import { offers } from '../../can-call';
import { DateInput } from '../../components/date-input';
import { ErrorSummary } from '../../components/error-summary';
import { FormActions } from '../../components/form-actions';
import { RadioGroup } from '../../components/radio-group';
import { SelectInput } from '../../components/select-input';
import { useSubmit } from '../../components/use-submit';

/** A purpose's choice in the form: a decision to record, or nothing this time. */
export type ConsentChoice = 'given' | 'declined' | 'skip';

export interface RecordConsentFormProps {
  readonly participantId: string;
  /** The purposes with no decision in force, in the order the table lists them. */
  readonly purposes: readonly ConsentPurpose[];
  /** A purpose whose row was chosen: it starts at "Given"; the others at "Not asked now". */
  readonly preselected?: ConsentPurpose | undefined;
  readonly onDone: () => void;
  readonly onCancel: () => void;
}

/** The first radio of a purpose, where the error summary's link lands. */
export function consentChoiceId(purpose: ConsentPurpose): string {
  return `consent-${purpose}-given`;
}

/**
 * Every consent decision still to record, in one form: a choice per purpose, one date and one way it
 * was recorded, since a person usually answers them all in the same conversation. Each decision is
 * still its own record (the contract records one purpose at a time); they are saved in order and a
 * refusal stops the rest, saying which were saved.
 */
export function RecordConsentForm({ participantId, purposes, preselected, onDone, onCancel }: RecordConsentFormProps) {
  const api = useApi();
  const [choices, setChoices] = useState<Readonly<Partial<Record<ConsentPurpose, ConsentChoice>>>>(
    preselected === undefined ? {} : { [preselected]: 'given' },
  );
  const [date, setDate] = useState(todayInLondon());
  const [method, setMethod] = useState('');
  const save = useSubmit<ConsentRecord[]>((path) => `consent-${path}`);
  const chosen = purposes.filter((purpose) => (choices[purpose] ?? 'skip') !== 'skip');

  const recordAll = async (): Promise<Result<ConsentRecord[]>> => {
    const saved: ConsentRecord[] = [];
    for (const purpose of chosen) {
      const decision = choices[purpose] as 'given' | 'declined';
      const result = await api.call('consents.record', { participantId, purpose, decision, date, method: method as never });
      if (!result.ok) {
        if (saved.length === 0) return failure(result.error);
        const names = saved.map((record) => CONSENT_PURPOSE_LABELS[record.purpose]).join('; ');
        return failure({
          ...result.error,
          fields: undefined,
          message: `Saved: ${names}. Not saved from there on: ${result.error.message}`,
        });
      }
      saved.push(result.value);
    }
    return ok(saved);
  };

  return (
    <form
      className="ww-panel"
      noValidate
      aria-labelledby="record-consent-heading"
      {...offers('consents.record')}
      onSubmit={(event) => {
        event.preventDefault();
        const first = purposes[0];
        if (chosen.length === 0 && first !== undefined) {
          save.showErrors({ [consentChoiceId(first)]: 'Choose given or declined for at least one purpose' });
          return;
        }
        void save.submit(recordAll, onDone);
      }}
    >
      <h3 className="nhsuk-heading-s" id="record-consent-heading">
        Record consent decisions
      </h3>
      <ErrorSummary fieldErrors={save.fieldErrors} message={save.message} />
      <p>Choose a decision for each purpose the person answered. Leave the others at &ldquo;Not asked now&rdquo;.</p>
      {purposes.map((purpose) => (
        <RadioGroup
          key={purpose}
          name={`consent-${purpose}`}
          legend={CONSENT_PURPOSE_LABELS[purpose]}
          value={choices[purpose] ?? 'skip'}
          onValueChange={(choice) => setChoices((current) => ({ ...current, [purpose]: choice }))}
          options={[
            { value: 'given', label: 'Given' },
            { value: 'declined', label: 'Declined' },
            { value: 'skip', label: 'Not asked now' },
          ]}
        />
      ))}
      <DateInput
        id="consent-date"
        label="Date of the decisions"
        value={date}
        error={save.fieldErrors['consent-date']}
        onValueChange={setDate}
      />
      <SelectInput
        id="consent-method"
        label="How it was recorded"
        value={method}
        placeholder="Choose how"
        options={CONSENT_METHODS.map((value) => ({ value, label: CONSENT_METHOD_LABELS[value] }))}
        error={save.fieldErrors['consent-method']}
        onValueChange={setMethod}
      />
      <FormActions submitLabel="Save consent decisions" busy={save.busy} onCancel={onCancel} />
    </form>
  );
}
