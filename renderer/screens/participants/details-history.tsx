import type { DetailsEdit } from '../../../core/schemas/participant-details-edit';
import type { ParticipantDetailsSnapshot } from '../../../core/schemas/participant-details-snapshot';
import { CONTACT_MODE_LABELS, EMPLOYER_SIZE_LABELS, EMPLOYMENT_STATUS_LABELS } from '../../../core/schemas/referral';
import { nhsNumberOrNotRecorded } from '../../../core/nhs-number';
import { gpPracticeLabel } from '../../../core/schemas/gp-practice';
import { MONITORING_SUMMARY } from './monitoring-fields';
import { formatDate, formatDateTime, orNotRecorded } from '../../format';

/** Each editable field's label and how the record shows its value. */
const FIELDS: ReadonlyArray<readonly [string, (details: ParticipantDetailsSnapshot) => string]> = [
  ['Given name', (d) => d.givenName],
  ['Family name', (d) => d.familyName],
  ['Date of birth', (d) => formatDate(d.dateOfBirth)],
  ['NHS number', (d) => nhsNumberOrNotRecorded(d.nhsNumber)],
  ['Phone', (d) => orNotRecorded(d.phone)],
  ['Email', (d) => orNotRecorded(d.email)],
  ['Address', (d) => orNotRecorded(d.address)],
  ['Preferred contact', (d) => CONTACT_MODE_LABELS[d.preferredContactMode]],
  ['Employment status at first contact', (d) => EMPLOYMENT_STATUS_LABELS[d.employment.status]],
  ['Job title', (d) => orNotRecorded(d.employment.jobTitle)],
  ['Physical demands', (d) => orNotRecorded(d.employment.physicalDemands)],
  ['Cognitive demands', (d) => orNotRecorded(d.employment.cognitiveDemands)],
  ['Employer', (d) => orNotRecorded(d.employment.employerName)],
  ['Employer size', (d) => EMPLOYER_SIZE_LABELS[d.employment.employerSize]],
  ['Employer contact', (d) => orNotRecorded(d.employment.employerContact)],
  ['May we contact the employer?', (d) => (d.employment.mayContactEmployer ? 'Yes' : 'No')],
  ['GP practice', (d) => (d.gpPractice === null ? 'Not recorded' : gpPracticeLabel(d.gpPractice))],
  ...MONITORING_SUMMARY.map(([label, show]) => [label, (d: ParticipantDetailsSnapshot) => show(d.monitoring)] as const),
];

/**
 * The earlier versions of a person's details behind a disclosure, as a signed record's are: each
 * edit, newest first, with who saved it and when, and each changed field's old and new value.
 */
export function DetailsHistory({ edits }: { edits: readonly DetailsEdit[] }) {
  if (edits.length === 0) return null;
  return (
    <details className="nhsuk-details" data-testid="details-history">
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">
          {edits.length === 1 ? 'See the details before they were changed' : `See the ${edits.length} earlier versions of these details`}
        </span>
      </summary>
      <div className="nhsuk-details__text">
        {edits.map((edit) => (
          <section key={edit.id} aria-label={`Version ${edit.version}`}>
            <h4 className="nhsuk-heading-xs">
              Version {edit.version}: changed by {edit.savedByName} on {formatDateTime(edit.savedAt)}
            </h4>
            <ul className="nhsuk-list">
              {FIELDS.filter(([, show]) => show(edit.before) !== show(edit.after)).map(([label, show]) => (
                <li key={label}>
                  {label}: was <strong>{show(edit.before)}</strong>, now <strong>{show(edit.after)}</strong>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </details>
  );
}
