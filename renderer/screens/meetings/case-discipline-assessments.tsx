import { CLINICAL_DISCIPLINES, DISCIPLINE_ASSESSMENT_TITLES, type ClinicalDiscipline } from '../../../core/schemas/discipline-assessment';
import type { ParticipantRecord } from '../../../core/schemas/participant-record';
import { formatDate, formatDateTime } from '../../format';

/**
 * Each clinical discipline's assessment for the team: the newest signed one (or the reader's own
 * draft) with its findings and recommendations, and who signed it; another clinician's draft only
 * as "draft by" its author, since its text stays with them until it is signed; or "none yet".
 */
export function CaseDisciplineAssessments({ person }: { person: ParticipantRecord }) {
  return (
    <div className="ww-case-assessments" data-testid="case-assessments">
      {CLINICAL_DISCIPLINES.map((discipline) => (
        <DisciplineEntry key={discipline} discipline={discipline} person={person} />
      ))}
    </div>
  );
}

function DisciplineEntry({ discipline, person }: { discipline: ClinicalDiscipline; person: ParticipantRecord }) {
  const title = DISCIPLINE_ASSESSMENT_TITLES[discipline];
  // Newest first: the newest signed one is what the team relies on; the reader's own draft comes next.
  const signed = person.disciplineAssessments.find((assessment) => assessment.discipline === discipline && assessment.status === 'signed');
  const ownDraft = person.disciplineAssessments.find((assessment) => assessment.discipline === discipline && assessment.status === 'draft');
  const otherDraft = person.draftsByOthers.find((draft) => draft.discipline === discipline);
  const shown = signed ?? ownDraft;
  return (
    <section aria-label={title} className="ww-case-assessment">
      <h4 className="nhsuk-heading-xs">
        {title}{' '}
        {shown === undefined ? (
          <strong className="nhsuk-tag nhsuk-tag--white">{otherDraft === undefined ? 'None yet' : 'Draft'}</strong>
        ) : (
          <strong className={`nhsuk-tag ${shown.status === 'signed' ? 'nhsuk-tag--green' : 'nhsuk-tag--grey'}`}>
            {shown.status === 'signed' ? 'Signed' : 'Your draft'}
          </strong>
        )}
      </h4>
      {shown !== undefined && (
        <>
          <p className="ww-secondary-text">
            {shown.status === 'signed'
              ? `Signed by ${shown.signedByName ?? shown.authorName}, ${formatDateTime(shown.signedAt ?? shown.recordedAt)}`
              : `Your draft, not signed (assessed ${formatDate(shown.assessedOn)})`}
            {shown.amendment !== null && ' · amended'}
          </p>
          <p className="ww-clamp">{shown.findings}</p>
          {shown.recommendations !== '' && (
            <p className="ww-clamp">
              <span className="ww-quote__label">Recommends: </span>
              {shown.recommendations}
            </p>
          )}
        </>
      )}
      {shown === undefined && otherDraft !== undefined && (
        <p className="ww-secondary-text">
          Draft by {otherDraft.authorName}, {formatDateTime(otherDraft.recordedAt)}: not signed, so its text stays with its author.
        </p>
      )}
      {signed !== undefined && ownDraft === undefined && otherDraft !== undefined && (
        <p className="ww-secondary-text">A newer draft by {otherDraft.authorName} is not signed yet.</p>
      )}
    </section>
  );
}
