import { useMemo } from 'react';
import type { MeasureResult } from '../../../core/schemas/assessment';
import { measureChartBands } from '../../../core/scoring/chart-bands';
import { depressionAnxietyOutcome } from '../../../core/scoring/depression-anxiety-outcome';
import { getMeasureDefinition } from '../../../core/scoring/measure-definitions';
import { formatTotal, measureTrends, type MeasureTrend } from '../../../core/scoring/measure-trend';
import { TrendChart } from '../../components/trend-chart';
import { formatDate } from '../../format';
import { ColumnHeaders } from '../../components/column-headers';

function TrendCard({ trend }: { trend: MeasureTrend }) {
  const definition = getMeasureDefinition(trend.measure);
  const headingId = `trend-${trend.measure}`;
  return (
    <section className="ww-trend" aria-labelledby={headingId} data-testid={`trend-${trend.measure}`}>
      <h4 className="nhsuk-heading-s nhsuk-u-margin-bottom-2" id={headingId}>
        {definition.shortName}
      </h4>
      <p className="ww-trend__scale">
        Score {definition.totalMin} to {definition.totalMax}, {definition.higherIsBetter ? 'higher' : 'lower'} is better
        {definition.casenessThreshold !== null && (
          <>
            {' · '}
            <span className="ww-trend__threshold-key" aria-hidden="true" /> caseness: {definition.casenessThreshold} or more
          </>
        )}
      </p>
      {trend.points.length > 0 && (
        <TrendChart
          label={trend.chartLabel}
          points={trend.points}
          totalMin={definition.totalMin}
          totalMax={definition.totalMax}
          bands={measureChartBands(trend.measure)}
          threshold={definition.casenessThreshold}
        />
      )}
      {trend.summary.map((sentence) => (
        <p className="nhsuk-body-s nhsuk-u-margin-bottom-2" key={sentence}>
          {sentence}
        </p>
      ))}
      {trend.points.length > 0 && (
        <details className="nhsuk-details nhsuk-u-margin-top-3">
          <summary className="nhsuk-details__summary">
            <span className="nhsuk-details__summary-text">Show the scores as a table</span>
          </summary>
          <div className="nhsuk-details__text">
            <table className="nhsuk-table">
              <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">{definition.shortName} scores, oldest first</caption>
              <ColumnHeaders headers={['Date', 'Score', 'Band']} />
              <tbody className="nhsuk-table__body">
                {trend.points.map((point, index) => (
                  <tr className="nhsuk-table__row" key={`${point.takenOn}-${index}`}>
                    <td className="nhsuk-table__cell">{formatDate(point.takenOn)}</td>
                    <td className="nhsuk-table__cell">{formatTotal(point.total)}</td>
                    <td className="nhsuk-table__cell">{point.bandLabel ?? 'No bands for this measure'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </section>
  );
}

/**
 * Outcome measure trends: PHQ-9 and GAD-7 together (NHS Talking Therapies recovery and reliable
 * change), then one small chart per measure with a plain-English summary and the numbers as a
 * table. The wording comes from `core/scoring`, where it is unit-tested.
 */
export function MeasureTrends({ results }: { results: readonly MeasureResult[] }) {
  const trends = useMemo(() => measureTrends(results), [results]);
  const outcome = useMemo(() => depressionAnxietyOutcome(results), [results]);
  if (trends.length === 0) return null;
  return (
    <section aria-labelledby="trends-heading" data-testid="measure-trends">
      <h3 className="nhsuk-heading-s" id="trends-heading">
        Trends
      </h3>
      {outcome !== null && (
        <div className="nhsuk-inset-text ww-outcome" data-testid="depression-anxiety-outcome">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p className="nhsuk-u-margin-bottom-2">
            <strong>Depression and anxiety together: {outcome.headlineLabel}.</strong>
          </p>
          {outcome.summary.map((sentence) => (
            <p className="nhsuk-body-s nhsuk-u-margin-bottom-1" key={sentence}>
              {sentence}
            </p>
          ))}
        </div>
      )}
      <div className="ww-trend-grid">
        {trends.map((trend) => (
          <TrendCard key={trend.measure} trend={trend} />
        ))}
      </div>
    </section>
  );
}
