import { useState } from 'react';
import { todayInLondon } from '../../../core/clock';
import {
  CONSENT_METHOD_LABELS,
  CONSENT_PURPOSE_LABELS,
  CONSENT_PURPOSES,
  consentIsInForce,
  type ConsentPurpose,
  type ConsentRecord,
} from '../../../core/schemas/consent';
import { useApi } from '../../api/api-context';
import { ErrorSummary } from '../../components/error-summary';
import { FormActions } from '../../components/form-actions';
import { useSubmit } from '../../components/use-submit';
import { formatDate } from '../../format';
import { canCall, offers, whoMay } from '../../can-call';
import { useSession } from '../../session-context';
import { RecordConsentForm } from './record-consent-form';
import { DateInput } from '../../components/date-input';

type Editing =
  { readonly kind: 'record'; readonly purpose?: ConsentPurpose } | { readonly kind: 'withdraw'; readonly consent: ConsentRecord };

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
  const { user } = useSession();
  const mayRecord = canCall('consents.record', user.role);
  const mayWithdraw = canCall('consents.withdraw', user.role);
  const [editing, setEditing] = useState<Editing | undefined>(undefined);
  // The purposes with no decision in force: the ones the all-in-one form asks about.
  const open = CONSENT_PURPOSES.filter((purpose) => {
    const consent = current[purpose];
    return consent === null || !consentIsInForce(consent);
  });
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
                  {inForce
                    ? mayWithdraw && (
                        <button
                          type="button"
                          className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
                          {...offers('consents.withdraw')}
                          onClick={() => setEditing({ kind: 'withdraw', consent })}
                          aria-label={`Withdraw: ${CONSENT_PURPOSE_LABELS[purpose]}`}
                        >
                          Withdraw
                        </button>
                      )
                    : mayRecord && (
                        <button
                          type="button"
                          className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
                          {...offers('consents.record')}
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
      {!mayRecord && <p className="nhsuk-inset-text">Only the {whoMay('consents.record')} can record or withdraw consent.</p>}
      {mayRecord && editing === undefined && open.length > 0 && (
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary"
          {...offers('consents.record')}
          onClick={() => setEditing({ kind: 'record' })}
        >
          Record consent decisions
        </button>
      )}
      {editing?.kind === 'record' && (
        <RecordConsentForm participantId={participantId} purposes={open} preselected={editing.purpose} onDone={saved} onCancel={close} />
      )}
      {editing?.kind === 'withdraw' && <WithdrawConsentForm consent={editing.consent} onDone={saved} onCancel={close} />}
    </section>
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
      {...offers('consents.withdraw')}
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
