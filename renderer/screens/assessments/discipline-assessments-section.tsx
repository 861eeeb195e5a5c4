import { useState } from 'react';
import { CLINICAL_DISCIPLINE_OF_ROLE, DISCIPLINE_ASSESSMENT_TITLES } from '../../../core/schemas/discipline-assessment';
import type { ParticipantRecord } from '../../../core/schemas/participant-record';
import { formatDateTime } from '../../format';
import { useSession } from '../../session-context';
import { DisciplineAssessmentCard } from './discipline-assessment-card';
import { DisciplineAssessmentForm } from './discipline-assessment-form';
import { offers } from '../../can-call';

/** Physiotherapy, mental health and OT assessments of the person, newest first, and a way to start one. */
export function DisciplineAssessmentsSection({ record, onChanged }: { record: ParticipantRecord; onChanged: () => void }) {
  const { user } = useSession();
  const [starting, setStarting] = useState(false);
  const myDiscipline = CLINICAL_DISCIPLINE_OF_ROLE[user.role];
  return (
    <section aria-labelledby="discipline-assessments-section">
      <h2 className="nhsuk-heading-m" id="discipline-assessments-section">
        Discipline assessments
      </h2>
      {record.disciplineAssessments.length === 0 && record.draftsByOthers.length === 0 && (
        <p>No physiotherapy, mental health or occupational therapy assessment yet.</p>
      )}
      {record.disciplineAssessments.map((assessment) => (
        <DisciplineAssessmentCard
          key={assessment.id}
          participantId={record.id}
          assessment={assessment}
          measures={record.measures.filter((result) => result.discipline === assessment.discipline)}
          onChanged={onChanged}
        />
      ))}
      {record.draftsByOthers.map((draft) => (
        <p key={draft.id} className="nhsuk-inset-text" data-testid="draft-by-other">
          {DISCIPLINE_ASSESSMENT_TITLES[draft.discipline]}: a draft by {draft.authorName}, started {formatDateTime(draft.recordedAt)}. Its
          text is shown once they sign it.
        </p>
      ))}
      {myDiscipline !== undefined &&
        (starting ? (
          <DisciplineAssessmentForm
            participantId={record.id}
            discipline={myDiscipline}
            mode={{ kind: 'new' }}
            onSaved={() => {
              setStarting(false);
              onChanged();
            }}
            onCancel={() => setStarting(false)}
          />
        ) : (
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary"
            {...offers('assessments.saveDisciplineDraft')}
            onClick={() => setStarting(true)}
          >
            Start a new {DISCIPLINE_ASSESSMENT_TITLES[myDiscipline].toLowerCase()}
          </button>
        ))}
    </section>
  );
}
