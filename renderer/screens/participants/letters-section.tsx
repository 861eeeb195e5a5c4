import { useCallback } from 'react';
import { gpPracticeLabel } from '../../../core/schemas/gp-practice';
import { consentIsInForce, type ConsentRecord } from '../../../core/schemas/consent';
import { LETTER_KIND_LABELS, LETTER_RECIPIENT_LABELS, type LetterKind } from '../../../core/schemas/letters';
import type { ParticipantRecord } from '../../../core/schemas/participant-record';
import { useApi } from '../../api/api-context';
import { canCall, whoMay } from '../../can-call';
import { ErrorSummary } from '../../components/error-summary';
import { SummaryList } from '../../components/summary-list';
import { formatDateTime } from '../../format';
import { useSession } from '../../session-context';
import { useLoaded } from '../../use-loaded';
import { LetterButtons } from './letter-buttons';

const inForce = (consent: ConsentRecord | null) => consent !== null && consentIsInForce(consent);

/** Who the referrer letter goes to, from the newest referral, or null when there is nobody to write to. */
function referrerOf(record: ParticipantRecord): string | null {
  const referral = record.referrals[0];
  if (referral === undefined || referral.route === 'self_referral') return null;
  const names = [referral.referrerName, referral.referrerOrganisation].filter((name) => name !== null);
  return names.length === 0 ? null : names.join(', ');
}

/**
 * Letters to the person's GP practice and to their referrer (issue 20 item 8): who they go to, a
 * button per letter (disabled, with the reason, while the person's consent or the addressee is
 * missing), and every letter sent with who sent it and when. Reloads with the record.
 */
export function LettersSection({ record, onChanged }: { record: ParticipantRecord; onChanged: () => void }) {
  const api = useApi();
  const { user } = useSession();
  const { value, error } = useLoaded(useCallback(() => api.call('documents.lettersSent', { participantId: record.id }), [api, record]));
  const referrer = referrerOf(record);
  const kinds: LetterKind[] = record.closure === null ? ['plan_agreed'] : ['plan_agreed', 'case_closed'];
  const gpBlocked = !inForce(record.currentConsent.share_gp)
    ? 'The person has not agreed that we write to their GP: record their decision under Consent first.'
    : record.gpPractice === null
      ? 'No GP practice is recorded: add its ODS code and name under “Change details and work”.'
      : undefined;
  const referrerBlocked = !inForce(record.currentConsent.share_referrer)
    ? 'The person has not agreed that we write to whoever referred them: record their decision under Consent first.'
    : referrer === null
      ? 'No referrer is named on the referral (or the person referred themselves).'
      : undefined;
  return (
    <section aria-labelledby="letters-heading" data-testid="letters-section">
      <h2 className="nhsuk-heading-m" id="letters-heading">
        Letters to the GP and referrer
      </h2>
      <SummaryList
        rows={[
          ['GP practice', record.gpPractice === null ? 'Not recorded' : gpPracticeLabel(record.gpPractice)],
          ['Referrer', referrer ?? 'None to write to'],
        ]}
      />
      {canCall('documents.letterPdf', user.role) ? (
        <>
          <h3 className="nhsuk-heading-s">To the GP practice</h3>
          <LetterButtons participantId={record.id} recipient="gp" kinds={kinds} blockedReason={gpBlocked} onProduced={onChanged} />
          <h3 className="nhsuk-heading-s">To the referrer</h3>
          <LetterButtons
            participantId={record.id}
            recipient="referrer"
            kinds={kinds}
            blockedReason={referrerBlocked}
            onProduced={onChanged}
          />
        </>
      ) : (
        <p className="nhsuk-inset-text">Only the {whoMay('documents.letterPdf')} can produce letters.</p>
      )}
      <h3 className="nhsuk-heading-s">Letters sent</h3>
      <ErrorSummary fieldErrors={{}} message={error} />
      {value !== undefined && value.letters.length === 0 && <p className="nhsuk-body">No letters have been sent.</p>}
      {value !== undefined && value.letters.length > 0 && (
        <table className="nhsuk-table" data-testid="letters-sent">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Letters sent, newest first</caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th scope="col" className="nhsuk-table__header">
                Sent
              </th>
              <th scope="col" className="nhsuk-table__header">
                Letter
              </th>
              <th scope="col" className="nhsuk-table__header">
                To
              </th>
              <th scope="col" className="nhsuk-table__header">
                By
              </th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {value.letters.map((letter) => (
              <tr key={letter.id} className="nhsuk-table__row">
                <td className="nhsuk-table__cell">{formatDateTime(letter.sentAt)}</td>
                <td className="nhsuk-table__cell">{LETTER_KIND_LABELS[letter.kind]}</td>
                <td className="nhsuk-table__cell">
                  {LETTER_RECIPIENT_LABELS[letter.recipient]}: {letter.addressedTo}
                </td>
                <td className="nhsuk-table__cell">{letter.sentByName}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
