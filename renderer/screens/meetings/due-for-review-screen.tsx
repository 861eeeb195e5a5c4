import { useCallback } from 'react';
import { useApi } from '../../api/api-context';
import { AppPage } from '../../components/app-page';
import { ErrorSummary } from '../../components/error-summary';
import { formatDate } from '../../format';
import { routeHref } from '../../routing';
import { useLoaded } from '../../use-loaded';

/** Follow-up: people whose plan review is overdue or due in the coming week, soonest first. */
export function DueForReviewScreen() {
  const api = useApi();
  const { value, error } = useLoaded(useCallback(() => api.call('plans.dueForReview', {}), [api]));
  return (
    <AppPage title="Due for review">
      <ErrorSummary fieldErrors={{}} message={error} />
      <p className="nhsuk-body">Plans whose review date has passed or falls in the coming week. Open a person to review their plan.</p>
      {value === undefined && error === undefined && <p role="status">Loading…</p>}
      {value !== undefined && value.items.length === 0 && <p className="nhsuk-inset-text">No plan is due for review in the coming week.</p>}
      {value !== undefined && value.items.length > 0 && (
        <table className="nhsuk-table" data-testid="due-for-review-table">
          <caption className="nhsuk-table__caption">{value.items.length === 1 ? '1 plan' : `${value.items.length} plans`} due for review</caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th scope="col" className="nhsuk-table__header">Reference</th>
              <th scope="col" className="nhsuk-table__header">Name</th>
              <th scope="col" className="nhsuk-table__header">Review by</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {value.items.map((item) => (
              <tr className="nhsuk-table__row" key={item.planId}>
                <td className="nhsuk-table__cell">{item.reference}</td>
                <td className="nhsuk-table__cell">
                  <a href={routeHref({ name: 'participant', id: item.participantId })}>
                    {item.familyName.toUpperCase()}, {item.givenName}
                  </a>
                  {item.hasOpenRiskFlag && <> <strong className="nhsuk-tag nhsuk-tag--red">Risk flag</strong></>}
                </td>
                <td className="nhsuk-table__cell">
                  {formatDate(item.reviewOn)} {item.overdue && <strong className="nhsuk-tag nhsuk-tag--red">Overdue</strong>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AppPage>
  );
}
