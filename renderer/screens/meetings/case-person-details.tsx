import { ageOn } from '../../../core/calendar-date';
import { todayInLondon } from '../../../core/clock';
import { currentFitNote, currentFitNoteLine } from '../../../core/fit-notes/current-fit-note';
import type { FitNote } from '../../../core/schemas/fit-note';
import type { ParticipantDetails } from '../../../core/schemas/participant-record';
import { EMPLOYMENT_STATUS_LABELS } from '../../../core/schemas/referral';
import { formatDate } from '../../format';

/** The fit note line: the current one's status and dates (issue 16 item 3), else what the referral said. */
function fitNoteText(person: ParticipantDetails, fitNotes: readonly FitNote[] | undefined): string {
  const current = fitNotes === undefined ? null : currentFitNote(fitNotes, todayInLondon());
  if (current !== null) return currentFitNoteLine(current);
  switch (person.employment.status) {
    case 'off_sick_fit_note':
      return 'Off sick with a fit note at referral; none recorded yet';
    case 'off_sick_no_fit_note':
      return 'Off sick without a fit note at referral';
    default:
      return 'None recorded';
  }
}

/**
 * The person at a glance for the team: age, coach, when they were referred, their work and
 * employer, and their current fit note's status and dates (`fitNotes`: absent for a reader not sent
 * the clinical record, who sees what the referral said).
 */
export function CasePersonDetails({ person, fitNotes }: { person: ParticipantDetails; fitNotes?: readonly FitNote[] }) {
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
    ['Fit note', fitNoteText(person, fitNotes)],
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
