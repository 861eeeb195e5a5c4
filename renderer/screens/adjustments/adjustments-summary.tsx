import { isAccessToWorkEligible } from '../../../core/adjustments/access-to-work';
import {
  ADJUSTMENT_CATEGORY_LABELS,
  ADJUSTMENT_RECOMMENDATION_LABELS,
  ADJUSTMENT_STATUS_LABELS,
} from '../../../core/adjustments/adjustment-library';
import type { WorkplaceAdjustmentsContent } from '../../../core/schemas/workplace-adjustments';
import { formatDate } from '../../format';
import { ScheduleTable } from './schedule-table';
import { ColumnHeaders } from '../../components/column-headers';

/** The saved adjustments as the team reads them, team notes included. */
export function AdjustmentsSummary({ content }: { content: WorkplaceAdjustmentsContent }) {
  return (
    <div data-testid="adjustments-summary">
      {content.adjustments.length === 0 ? (
        <p>No adjustments yet.</p>
      ) : (
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption nhsuk-table__caption--s">Adjustments</caption>
          <ColumnHeaders headers={['Recommendation', 'The need it answers', 'When', 'Status']} />
          <tbody className="nhsuk-table__body">
            {content.adjustments.map((adjustment) => (
              <tr className="nhsuk-table__row" key={adjustment.id}>
                <td className="nhsuk-table__cell">
                  {adjustment.recommendation === 'other'
                    ? adjustment.otherRecommendation
                    : ADJUSTMENT_RECOMMENDATION_LABELS[adjustment.recommendation]}
                  <span className="nhsuk-body-s ww-block">{ADJUSTMENT_CATEGORY_LABELS[adjustment.category]}</span>
                  {isAccessToWorkEligible(adjustment.recommendation) && (
                    <span className="nhsuk-body-s ww-block">Access to Work may help pay for this</span>
                  )}
                  {adjustment.teamNote !== null && (
                    <span className="nhsuk-body-s ww-block">Team note (not shared): {adjustment.teamNote}</span>
                  )}
                </td>
                <td className="nhsuk-table__cell">{adjustment.functionalNeed}</td>
                <td className="nhsuk-table__cell">
                  From {formatDate(adjustment.startOn)} for {adjustment.durationWeeks} {adjustment.durationWeeks === 1 ? 'week' : 'weeks'}
                  <span className="nhsuk-body-s ww-block">Review by {formatDate(adjustment.reviewOn)}</span>
                </td>
                <td className="nhsuk-table__cell">{ADJUSTMENT_STATUS_LABELS[adjustment.status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {content.gradedReturn !== null && (
        <ScheduleTable
          caption="Graded return schedule"
          contractedHoursPerWeek={content.contractedHoursPerWeek}
          weeks={content.gradedReturn.weeks}
        />
      )}
    </div>
  );
}
