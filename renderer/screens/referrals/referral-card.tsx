import { gpPracticeLabel } from '../../../core/schemas/gp-practice';
import { useRef, useState } from 'react';
import { formatNhsNumber } from '../../../core/nhs-number';
import { EMPLOYMENT_STATUS_LABELS, EMPLOYMENT_STATUSES, REFERRAL_ROUTE_LABELS } from '../../../core/schemas/referral';
import type { InboxEntry } from '../../../core/schemas/referral-inbox';
import { offers } from '../../can-call';
import { londonDateOf } from '../../../core/clock';
import { formatDate, orNotRecorded } from '../../format';
import { DeclineForm } from './decline-form';
import { EligibilityResults } from './eligibility-results';
import { ReferralFacts } from './referral-facts';
import { AcceptReferral } from './accept-referral';
import { referralSourceLabel } from './referral-labels';

const employmentLabel = (status: string) =>
  (EMPLOYMENT_STATUSES as readonly string[]).includes(status)
    ? EMPLOYMENT_STATUS_LABELS[status as (typeof EMPLOYMENT_STATUSES)[number]]
    : status;

/** The referral's own facts beside the person's: who, from where, when, and whether they agreed to be contacted. */
function ReferralDetails({ entry }: { entry: InboxEntry }) {
  return (
    <>
      <ReferralFacts
        title="Referral"
        rows={[
          ['Received', formatDate(londonDateOf(new Date(entry.receivedAt)))],
          ['Route', REFERRAL_ROUTE_LABELS[entry.route]],
          ['Came in as', referralSourceLabel(entry.source)],
          ['Referral date', formatDate(entry.referralDate)],
          ['Referrer', orNotRecorded([entry.referrerName, entry.referrerOrganisation].filter((part) => part !== null).join(', '))],
          ['Consent to be contacted', entry.consentToContact ? 'Yes' : 'No, not yet'],
        ]}
      />
      <ReferralFacts
        title="Person"
        rows={[
          ['Date of birth', formatDate(entry.dateOfBirth)],
          ['NHS number', entry.nhsNumber === null ? 'Not recorded' : formatNhsNumber(entry.nhsNumber)],
          ['Postcode', orNotRecorded(entry.postcode)],
          ['Work status', employmentLabel(entry.employmentStatus)],
          ['GP practice', entry.gpPractice === null ? 'Not recorded' : gpPracticeLabel(entry.gpPractice)],
        ]}
      />
    </>
  );
}

/**
 * One waiting referral in the inbox: its details, each eligibility rule's result, and the decision:
 * accept (duplicate checks as at registration) or decline with a reason.
 */
export function ReferralCard({
  entry,
  onDeclined,
  onReload,
}: {
  entry: InboxEntry;
  onDeclined: (entry: InboxEntry) => void;
  onReload: () => void;
}) {
  const [declining, setDeclining] = useState(false);
  const declineButton = useRef<HTMLButtonElement>(null);
  const name = `${entry.givenName} ${entry.familyName}`;
  const headingId = `referral-${entry.id}`;
  return (
    <section className="nhsuk-card ww-referral" aria-labelledby={headingId} data-testid="inbox-referral">
      <div className="nhsuk-card__content">
        <h2 className="nhsuk-card__heading nhsuk-heading-s" id={headingId}>
          {name}
        </h2>
        <div className="ww-referral__columns">
          <ReferralDetails entry={entry} />
          <EligibilityResults results={entry.eligibility} />
        </div>
        <p className="nhsuk-body-s ww-referral__reason">
          <strong>Reason for referral:</strong> {entry.reason}
        </p>
        {declining ? (
          <DeclineForm
            entry={entry}
            onDeclined={() => onDeclined(entry)}
            onReload={onReload}
            onCancel={() => {
              setDeclining(false);
              // Back to the button that opened the form, so the keyboard user keeps their place.
              setTimeout(() => declineButton.current?.focus(), 0);
            }}
          />
        ) : (
          <AcceptReferral entry={entry} name={name} onReload={onReload}>
            <button
              type="button"
              ref={declineButton}
              className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
              aria-label={`Decline the referral of ${name}`}
              {...offers('referrals.decline')}
              onClick={() => setDeclining(true)}
            >
              Decline
            </button>
          </AcceptReferral>
        )}
      </div>
    </section>
  );
}
