import { ageOn } from '../../../core/calendar-date';
import { todayInLondon } from '../../../core/clock';
import { currentFitNote } from '../../../core/fit-notes/current-fit-note';
import { FIT_NOTE_FITNESS_LABELS } from '../../../core/schemas/fit-note';
import { nhsNumberOrNotRecorded } from '../../../core/nhs-number';
import type { ParticipantView } from '../../../core/schemas/participant-record';
import { PARTICIPANT_STATUS_LABELS } from '../../../core/schemas/participants';
import { formatDate, formatShortDate } from '../../format';

/**
 * The patient banner, as in the clinical systems staff already use: who this record is about, fixed
 * at the top while the record scrolls (name, date of birth and age, NHS number, reference, status,
 * coach, the fit note in force today, and an open risk flag when there is one; administrators are
 * not sent flags or fit notes).
 */
export function PatientBanner({ record }: { record: ParticipantView }) {
  const openFlags = record.clinicalWithheld ? 0 : record.openRiskFlags.length;
  const facts: Array<[string, string]> = [
    ['Born', `${formatDate(record.dateOfBirth)} (${ageOn(record.dateOfBirth, todayInLondon())} years)`],
    ['NHS number', nhsNumberOrNotRecorded(record.nhsNumber)],
    ['Reference', record.reference],
    ['Status', PARTICIPANT_STATUS_LABELS[record.status]],
    ['Coach', record.coach?.displayName ?? 'None assigned'],
  ];
  const fitNote = record.clinicalWithheld ? null : currentFitNote(record.fitNotes, todayInLondon());
  if (fitNote?.timing === 'in_force')
    facts.push([
      'Fit note',
      `${FIT_NOTE_FITNESS_LABELS[fitNote.note.fitness]} ${fitNote.note.periodTo === null ? 'with no end date' : `to ${formatShortDate(fitNote.note.periodTo)}`}`,
    ]);
  return (
    <div className="ww-patient-banner" role="region" aria-label="Patient banner" data-testid="patient-banner">
      <p className="ww-patient-banner__name">
        {record.familyName.toUpperCase()}, {record.givenName}
      </p>
      {openFlags > 0 && (
        <strong className="nhsuk-tag nhsuk-tag--red">{openFlags === 1 ? 'Open risk flag' : `${openFlags} open risk flags`}</strong>
      )}
      <dl className="ww-patient-banner__facts">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
