import { useState } from 'react';
import {
  CLINICAL_DISCIPLINE_OF_ROLE,
  DISCIPLINE_ASSESSMENT_TITLES,
  type DisciplineAssessment,
  type DisciplineAssessmentVersion,
} from '../../../core/schemas/discipline-assessment';
import type { MeasureResult } from '../../../core/schemas/assessment';
import { getMeasureDefinition } from '../../../core/scoring/measure-definitions';
import { useApi } from '../../api/api-context';
import { EarlierVersions, SignatureLine } from '../../components/earlier-versions';
import { ErrorSummary } from '../../components/error-summary';
import { SummaryList } from '../../components/summary-list';
import { useSubmit } from '../../components/use-submit';
import { formatDate } from '../../format';
import { useSession } from '../../session-context';
import { DisciplineAssessmentForm } from './discipline-assessment-form';
import { offers } from '../../can-call';

function contentRows(version: DisciplineAssessmentVersion): Array<[string, string]> {
  return [
    ['Date', formatDate(version.assessedOn)],
    ['Findings', version.findings],
    ['How their health affects their work', version.workImpact === '' ? 'Not recorded' : version.workImpact],
    ['Recommendations', version.recommendations === '' ? 'Not recorded' : version.recommendations],
  ];
}

/**
 * One discipline assessment as it stands: its text, who signed it, the measures that discipline
 * recorded, and what the signed-in clinician may do next (edit or sign their draft, amend).
 */
export function DisciplineAssessmentCard({
  participantId,
  assessment,
  measures,
  onChanged,
}: {
  participantId: string;
  assessment: DisciplineAssessment;
  measures: readonly MeasureResult[];
  onChanged: () => void;
}) {
  const api = useApi();
  const { user } = useSession();
  const [open, setOpen] = useState<'edit' | 'amend' | 'sign' | undefined>(undefined);
  const sign = useSubmit<unknown>();
  const title = DISCIPLINE_ASSESSMENT_TITLES[assessment.discipline];
  const headingId = `assessment-${assessment.id}`;
  const isMyDraft = assessment.status === 'draft' && assessment.authorId === user.userId;
  const mayAmend = assessment.status === 'signed' && CLINICAL_DISCIPLINE_OF_ROLE[user.role] === assessment.discipline;
  const done = () => {
    setOpen(undefined);
    onChanged();
  };

  if (open === 'edit' || open === 'amend') {
    return (
      <DisciplineAssessmentForm
        participantId={participantId}
        discipline={assessment.discipline}
        mode={open === 'edit' ? { kind: 'edit', draft: assessment } : { kind: 'amend', signed: assessment }}
        onSaved={done}
        onCancel={() => setOpen(undefined)}
      />
    );
  }
  return (
    <section className="ww-panel" aria-labelledby={headingId} data-testid="discipline-assessment">
      <h3 className="nhsuk-heading-s" id={headingId}>
        {title}
      </h3>
      <SignatureLine version={assessment} />
      <SummaryList rows={contentRows(assessment)} />
      <p className="nhsuk-body-s">
        Measures recorded by {title.replace(/ assessment$/, '').toLowerCase()}:{' '}
        {measures.length === 0
          ? 'none yet'
          : measures
              .map(
                (result) =>
                  `${getMeasureDefinition(result.measure).shortName} ${result.total ?? 'not scored'} (${formatDate(result.takenOn)})`,
              )
              .join('; ')}
      </p>
      <EarlierVersions versions={assessment.earlierVersions} render={(version) => <SummaryList rows={contentRows(version)} />} />
      {open === 'sign' ? (
        <div className="nhsuk-warning-callout" role="group" aria-labelledby={`${headingId}-sign`}>
          <h4 className="nhsuk-warning-callout__label" id={`${headingId}-sign`}>
            <span role="text">
              <span className="nhsuk-u-visually-hidden">Important: </span>Sign this assessment?
            </span>
          </h4>
          <p>Once signed it cannot be edited. A correction is then an amendment that keeps this version.</p>
          <ErrorSummary fieldErrors={{}} message={sign.message} />
          <div className="ww-actions">
            <button
              type="button"
              className="nhsuk-button"
              disabled={sign.busy}
              onClick={() => void sign.submit(() => api.call('assessments.sign', { id: assessment.id, version: assessment.version }), done)}
            >
              Sign assessment
            </button>
            <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => setOpen(undefined)}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <div className="ww-actions">
          {isMyDraft && (
            <>
              <button
                type="button"
                className="nhsuk-button nhsuk-button--secondary"
                {...offers('assessments.saveDisciplineDraft')}
                onClick={() => setOpen('edit')}
              >
                Edit draft
              </button>
              <button type="button" className="nhsuk-button" {...offers('assessments.sign')} onClick={() => setOpen('sign')}>
                Sign
              </button>
            </>
          )}
          {mayAmend && (
            <button
              type="button"
              className="nhsuk-button nhsuk-button--secondary"
              {...offers('assessments.amendDiscipline')}
              onClick={() => setOpen('amend')}
            >
              Amend
            </button>
          )}
        </div>
      )}
    </section>
  );
}
