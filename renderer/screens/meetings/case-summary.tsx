import { useCallback, useMemo } from 'react';
import { MAIN_BARRIER_LABELS, READINESS_LABELS, SOCIAL_BARRIER_LABELS } from '../../../core/schemas/assessment';
import type { ParticipantRecord } from '../../../core/schemas/participant-record';
import { RISK_ACTION_LABELS } from '../../../core/schemas/risk-flag';
import { getMeasureDefinition } from '../../../core/scoring/measure-definitions';
import { formatTotal, measureTrends, type MeasureTrend } from '../../../core/scoring/measure-trend';
import { useApi } from '../../api/api-context';
import { ErrorSummary } from '../../components/error-summary';
import { formatDate, formatDateTime } from '../../format';
import { ClinicalWithheldNotice } from '../participants/clinical-withheld-notice';
import { RiskFlagBanner } from '../participants/risk-flag-banner';
import { useLoaded } from '../../use-loaded';
import { useReceivedChanges } from '../../sync/received-changes';
import { CaseDisciplineAssessments } from './case-discipline-assessments';
import { CasePersonDetails } from './case-person-details';
import { MeasureSparkline } from './measure-sparkline';
import { OwnWordsQuote } from './own-words-quote';
import { ColumnHeaders } from '../../components/column-headers';

const DIRECTION_WORDS = { better: 'better', worse: 'worse', unchanged: 'no change' } as const;

function changeText(trend: MeasureTrend): string {
  if (trend.change === null || trend.baseline === null || trend.direction === null) return 'First result';
  const sign = trend.change > 0 ? '+' : '';
  const reliable =
    trend.reliableChange === null
      ? ''
      : trend.reliableChange === 'reliable_improvement'
        ? ', reliable improvement'
        : trend.reliableChange === 'reliable_deterioration'
          ? ', reliable deterioration'
          : ', no reliable change';
  return `${sign}${formatTotal(trend.change)} since ${formatDate(trend.baseline.takenOn)} (${DIRECTION_WORDS[trend.direction]}${reliable})`;
}

/** Latest score of each measure, its band and the change since the first: one row each. */
function LatestScores({ measures }: { measures: ParticipantRecord['measures'] }) {
  const trends = useMemo(() => measureTrends(measures), [measures]);
  if (trends.length === 0) return <p>No outcome measures recorded yet.</p>;
  return (
    <table className="nhsuk-table ww-live-scores">
      <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Latest outcome measure scores and trend</caption>
      <ColumnHeaders headers={['Measure', 'Latest', 'Trend']} />
      <tbody className="nhsuk-table__body">
        {trends.map((trend) => (
          <tr className="nhsuk-table__row" key={trend.measure}>
            <th scope="row" className="nhsuk-table__cell">
              {getMeasureDefinition(trend.measure).shortName}
            </th>
            <td className="nhsuk-table__cell">
              {trend.latest === null
                ? 'Not scored'
                : `${formatTotal(trend.latest.total)}${trend.latest.bandLabel === null ? '' : `, ${trend.latest.bandLabel}`}`}
              {trend.latest !== null && <div className="ww-secondary-text">{formatDate(trend.latest.takenOn)}</div>}
            </td>
            <td className="nhsuk-table__cell">
              <MeasureSparkline points={trend.points} />
              <div>{changeText(trend)}</div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The newest acknowledged risk flag, once none is open: who acknowledged it, when and what was done. */
function LastRiskAcknowledgement({ person }: { person: ParticipantRecord }) {
  const last = person.acknowledgedRiskFlags[0];
  if (last === undefined || person.openRiskFlags.length > 0) return null;
  return (
    <p className="nhsuk-inset-text" data-testid="risk-acknowledged">
      Risk flag acknowledged by {last.acknowledgedBy}, {formatDateTime(last.acknowledgedAt)}
      {last.action === null ? '' : `: ${RISK_ACTION_LABELS[last.action]}`}.
    </p>
  );
}

/**
 * What the team needs on one screen about the person: any open risk flag, their details (age, coach,
 * referral, work, fit note), barriers, goals and what matters in their own words, readiness, each
 * discipline's assessment (signed or draft, by whom) and the latest scores with a small trend.
 */
export function CaseSummary({ participantId }: { participantId: string }) {
  const api = useApi();
  const record = useLoaded(
    useCallback(() => api.call('participants.get', { id: participantId }), [api, participantId]),
    useReceivedChanges(),
  );
  const person = record.value;
  if (person === undefined)
    return record.error === undefined ? <p role="status">Loading the case…</p> : <ErrorSummary fieldErrors={{}} message={record.error} />;
  if (person.clinicalWithheld)
    return (
      <div className="ww-case-summary" data-testid="case-summary">
        <CasePersonDetails person={person} />
        <ClinicalWithheldNotice />
      </div>
    );
  const assessment = person.joinedUpAssessment;
  return (
    <div className="ww-case-summary" data-testid="case-summary">
      <RiskFlagBanner flags={person.openRiskFlags} onAcknowledged={() => void record.reload()} inMeeting />
      <LastRiskAcknowledgement person={person} />
      <CasePersonDetails person={person} fitNotes={person.fitNotes} />
      {assessment === null ? (
        <p className="nhsuk-inset-text">No joined-up assessment yet.</p>
      ) : (
        <>
          <h3 className="nhsuk-heading-s">Barriers to work</h3>
          <p>
            <strong>{MAIN_BARRIER_LABELS[assessment.mainBarrier]}.</strong> {assessment.healthConditions}
          </p>
          {assessment.socialBarriers.length > 0 && (
            <p>Also: {assessment.socialBarriers.map((barrier) => SOCIAL_BARRIER_LABELS[barrier].toLowerCase()).join(', ')}.</p>
          )}
          <h3 className="nhsuk-heading-s">In their own words</h3>
          <OwnWordsQuote assessment={assessment} />
          <p>
            <span className="ww-quote__label">Readiness: </span>
            {READINESS_LABELS[assessment.readiness]}
            {assessment.canDoNow !== '' && <> · Can do now: {assessment.canDoNow}</>}
          </p>
        </>
      )}
      <h3 className="nhsuk-heading-s">Assessments by discipline</h3>
      <CaseDisciplineAssessments person={person} />
      <h3 className="nhsuk-heading-s">Latest scores</h3>
      <LatestScores measures={person.measures} />
    </div>
  );
}
