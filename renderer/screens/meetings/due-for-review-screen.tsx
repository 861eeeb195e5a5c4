import { useCallback } from 'react';
import { useApi } from '../../api/api-context';
import { AppPage } from '../../components/app-page';
import { ErrorSummary } from '../../components/error-summary';
import { ListTable } from '../../components/list-table';
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
        <ListTable
          caption={`${value.items.length === 1 ? '1 plan' : `${value.items.length} plans`} due for review`}
          captionVisible
          testId="due-for-review-table"
          rows={value.items}
          rowKey={(item) => item.planId}
          columns={[
            { header: 'Reference', cell: (item) => item.reference },
            {
              header: 'Name',
              cell: (item) => (
                <>
                  <a href={routeHref({ name: 'participant', id: item.participantId })}>
                    {item.familyName.toUpperCase()}, {item.givenName}
                  </a>
                  {item.hasOpenRiskFlag && (
                    <>
                      {' '}
                      <strong className="nhsuk-tag nhsuk-tag--red">Risk flag</strong>
                    </>
                  )}
                </>
              ),
            },
            {
              header: 'Review by',
              cell: (item) => (
                <>
                  {formatDate(item.reviewOn)} {item.overdue && <strong className="nhsuk-tag nhsuk-tag--red">Overdue</strong>}
                </>
              ),
            },
          ]}
        />
      )}
    </AppPage>
  );
}
