import { useState } from 'react';
import {
  MAIN_BARRIER_LABELS,
  READINESS_LABELS,
  SOCIAL_BARRIER_LABELS,
  type JoinedUpAssessmentVersion,
} from '../../../core/schemas/assessment';
import type { ParticipantRecord } from '../../../core/schemas/participant-record';
import { canCall, offers } from '../../can-call';
import { EarlierVersions, SignatureLine } from '../../components/earlier-versions';
import { SummaryList } from '../../components/summary-list';
import { formatDate } from '../../format';
import { useSession } from '../../session-context';
import { JoinedUpForm } from './joined-up-form';

function joinedUpRows(version: JoinedUpAssessmentVersion): Array<[string, string]> {
  return [
    ['Date', formatDate(version.assessedOn)],
    ['Health conditions', version.healthConditions],
    ['Main barrier', MAIN_BARRIER_LABELS[version.mainBarrier]],
    [
      'Social barriers',
      version.socialBarriers.length === 0 ? 'None recorded' : version.socialBarriers.map((item) => SOCIAL_BARRIER_LABELS[item]).join(', '),
    ],
    ['What matters to them', version.whatMatters],
    ['Their goals', version.goals],
    ['Readiness', READINESS_LABELS[version.readiness]],
    ['What they can do now', version.canDoNow === '' ? 'Not recorded' : version.canDoNow],
  ];
}

/**
 * The coach's joined-up assessment as it stands, signed, with any earlier versions; a new
 * assessment or an amendment (a correction, with the reason) for those who may write it.
 */
export function JoinedUpSection({ record, onChanged }: { record: ParticipantRecord; onChanged: () => void }) {
  const { user } = useSession();
  const [open, setOpen] = useState<'new' | 'amend' | undefined>(undefined);
  const assessment = record.joinedUpAssessment;
  const mayWrite = canCall('assessments.saveJoinedUp', user.role);
  const saved = () => {
    setOpen(undefined);
    onChanged();
  };
  return (
    <section aria-labelledby="joined-up-section">
      <h2 className="nhsuk-heading-m" id="joined-up-section">
        Joined-up assessment
      </h2>
      {assessment === null ? (
        <p>Not done yet. Saving it makes the person ready for MDT triage.</p>
      ) : (
        <>
          <SignatureLine version={assessment} />
          <SummaryList rows={joinedUpRows(assessment)} />
          <EarlierVersions versions={assessment.earlierVersions} render={(version) => <SummaryList rows={joinedUpRows(version)} />} />
        </>
      )}
      {open !== undefined ? (
        <JoinedUpForm
          participantId={record.id}
          amend={open === 'amend' && assessment !== null ? assessment : undefined}
          onSaved={saved}
          onCancel={() => setOpen(undefined)}
        />
      ) : (
        mayWrite && (
          <div className="ww-actions">
            <button
              type="button"
              className="nhsuk-button nhsuk-button--secondary"
              {...offers('assessments.saveJoinedUp')}
              onClick={() => setOpen('new')}
            >
              {assessment === null ? 'Start the joined-up assessment' : 'Record a new joined-up assessment'}
            </button>
            {assessment !== null && (
              <button
                type="button"
                className="nhsuk-button nhsuk-button--secondary"
                {...offers('assessments.amendJoinedUp')}
                onClick={() => setOpen('amend')}
              >
                Amend this assessment
              </button>
            )}
          </div>
        )
      )}
    </section>
  );
}
