import { ageOn } from '../../../core/calendar-date';
import { todayInLondon } from '../../../core/clock';
import type { ParticipantDetails } from '../../../core/schemas/participant-record';
import { EMPLOYMENT_STATUS_LABELS } from '../../../core/schemas/referral';
import { formatDate } from '../../format';

/**
 * The person at a glance for the team: age, coach, when they were referred, their work and
 * employer, and their fit note as far as the record holds it (the referral records whether they
 * are off sick with one; its dates are not recorded, so none are shown).
 */
export function CasePersonDetails({ person }: { person: ParticipantDetails }) {
  const firstReferral = person.referrals.reduce<string | undefined>(
    (earliest, referral) => (earliest === undefined || referral.date < earliest ? referral.date : earliest),
    undefined,
  );
  const { employment } = person;
  const rows: Array<[string, string]> = [
    ['Age', `${ageOn(person.dateOfBirth, todayInLondon())} (born ${formatDate(person.dateOfBirth)})`],
    ['Coach', person.coach?.displayName ?? 'None assigned'],
    ['Referred', firstReferral === undefined ? 'Not recorded' : formatDate(firstReferral)],
    [
      'Work',
      [
        EMPLOYMENT_STATUS_LABELS[employment.status],
        employment.jobTitle,
        employment.employerName === null ? null : `at ${employment.employerName}`,
      ]
        .filter((part) => part !== null)
        .join(' · '),
    ],
    [
      'Fit note',
      employment.status === 'off_sick_fit_note'
        ? 'Off sick with a fit note (dates not recorded)'
        : employment.status === 'off_sick_no_fit_note'
          ? 'Off sick without a fit note'
          : 'None recorded',
    ],
  ];
  return (
    <dl className="nhsuk-summary-list ww-case-details" data-testid="case-details">
      {rows.map(([key, value]) => (
        <div className="nhsuk-summary-list__row" key={key}>
          <dt className="nhsuk-summary-list__key">{key}</dt>
          <dd className="nhsuk-summary-list__value">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
