import { useState } from 'react';
import { todayInLondon } from '../../../core/clock';
import {
  CONSENT_METHOD_LABELS,
  CONSENT_METHODS,
  CONSENT_PURPOSE_LABELS,
  CONSENT_PURPOSES,
  consentIsInForce,
  type ConsentPurpose,
  type ConsentRecord,
} from '../../../core/schemas/consent';
import { useApi } from '../../api/api-context';
import { ErrorSummary } from '../../components/error-summary';
import { FormActions } from '../../components/form-actions';
import { RadioGroup } from '../../components/radio-group';
import { SelectInput } from '../../components/select-input';
import { useSubmit } from '../../components/use-submit';
import { formatDate } from '../../format';
import { DateInput } from '../../components/date-input';

type Editing =
  { readonly kind: 'record'; readonly purpose: ConsentPurpose } | { readonly kind: 'withdraw'; readonly consent: ConsentRecord };

function describe(consent: ConsentRecord | null): string {
  if (consent === null) return 'Not asked yet';
  if (consent.withdrawnOn !== null) return `Withdrawn on ${formatDate(consent.withdrawnOn)} (given ${formatDate(consent.date)})`;
  return `${consent.decision === 'given' ? 'Given' : 'Declined'} on ${formatDate(consent.date)}, ${CONSENT_METHOD_LABELS[consent.method].toLowerCase()}`;
}

/** Consent per purpose, with recording and withdrawal; `onChanged` reloads the record. */
export function ConsentPanel({
  participantId,
  current,
  onChanged,
}: {
  participantId: string;
  current: Readonly<Record<ConsentPurpose, ConsentRecord | null>>;
  onChanged: () => void;
}) {
  const [editing, setEditing] = useState<Editing | undefined>(undefined);
  const close = () => setEditing(undefined);
  const saved = () => {
    close();
    onChanged();
  };
  return (
    <section aria-labelledby="consent-heading">
      <h2 className="nhsuk-heading-m" id="consent-heading">
        Consent
      </h2>
      <table className="nhsuk-table" data-testid="consent-table">
        <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Consent decisions by purpose</caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th scope="col" className="nhsuk-table__header">
              Purpose
            </th>
            <th scope="col" className="nhsuk-table__header">
              Current decision
            </th>
            <th scope="col" className="nhsuk-table__header">
              <span className="nhsuk-u-visually-hidden">Action</span>
            </th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {CONSENT_PURPOSES.map((purpose) => {
            const consent = current[purpose];
            const inForce = consent !== null && consentIsInForce(consent);
            return (
              <tr className="nhsuk-table__row" key={purpose}>
                <th scope="row" className="nhsuk-table__cell">
                  {CONSENT_PURPOSE_LABELS[purpose]}
                </th>
                <td className="nhsuk-table__cell">{describe(consent)}</td>
                <td className="nhsuk-table__cell">
                  {inForce ? (
                    <button
                      type="button"
                      className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
                      onClick={() => setEditing({ kind: 'withdraw', consent })}
                      aria-label={`Withdraw: ${CONSENT_PURPOSE_LABELS[purpose]}`}
                    >
                      Withdraw
                    </button>
                  ) : (
                    <button
                      type="button"
                      className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
                      onClick={() => setEditing({ kind: 'record', purpose })}
                      aria-label={`Record decision: ${CONSENT_PURPOSE_LABELS[purpose]}`}
                    >
                      Record decision
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {editing?.kind === 'record' && (
        <RecordConsentForm participantId={participantId} purpose={editing.purpose} onDone={saved} onCancel={close} />
      )}
      {editing?.kind === 'withdraw' && <WithdrawConsentForm consent={editing.consent} onDone={saved} onCancel={close} />}
    </section>
  );
}

function RecordConsentForm({
  participantId,
  purpose,
  onDone,
  onCancel,
}: {
  participantId: string;
  purpose: ConsentPurpose;
  onDone: () => void;
  onCancel: () => void;
}) {
  const api = useApi();
  const [decision, setDecision] = useState<'given' | 'declined'>('given');
  const [date, setDate] = useState(todayInLondon());
  const [method, setMethod] = useState('');
  const save = useSubmit<ConsentRecord>((path) => `consent-${path}`);
  return (
    <form
      className="ww-panel"
      noValidate
      aria-labelledby="record-consent-heading"
      onSubmit={(event) => {
        event.preventDefault();
        void save.submit(() => api.call('consents.record', { participantId, purpose, decision, date, method: method as never }), onDone);
      }}
    >
      <h3 className="nhsuk-heading-s" id="record-consent-heading">
        Record consent: {CONSENT_PURPOSE_LABELS[purpose]}
      </h3>
      <ErrorSummary fieldErrors={save.fieldErrors} message={save.message} />
      <RadioGroup
        name="consent-decision"
        legend="Decision"
        value={decision}
        onValueChange={setDecision}
        options={[
          { value: 'given', label: 'Given' },
          { value: 'declined', label: 'Declined' },
        ]}
      />
      <DateInput
        id="consent-date"
        label="Date of the decision"
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
      <FormActions submitLabel="Save consent decision" busy={save.busy} onCancel={onCancel} />
    </form>
  );
}

function WithdrawConsentForm({ consent, onDone, onCancel }: { consent: ConsentRecord; onDone: () => void; onCancel: () => void }) {
  const api = useApi();
  const [date, setDate] = useState(todayInLondon());
  const save = useSubmit<ConsentRecord>((path) => `withdraw-${path}`);
  return (
    <form
      className="ww-panel"
      noValidate
      aria-labelledby="withdraw-consent-heading"
      onSubmit={(event) => {
        event.preventDefault();
        void save.submit(() => api.call('consents.withdraw', { consentId: consent.id, date }), onDone);
      }}
    >
      <h3 className="nhsuk-heading-s" id="withdraw-consent-heading">
        Withdraw consent: {CONSENT_PURPOSE_LABELS[consent.purpose]}
      </h3>
      <ErrorSummary fieldErrors={save.fieldErrors} message={save.message} />
      <p>Sharing for this purpose stops as soon as you save. The original decision stays in the record.</p>
      <DateInput
        id="withdraw-date"
        label="Date of withdrawal"
        value={date}
        error={save.fieldErrors['withdraw-date']}
        onValueChange={setDate}
      />
      <FormActions submitLabel="Save withdrawal" busy={save.busy} onCancel={onCancel} warning />
    </form>
  );
}
