import { useCallback } from 'react';
import { useApi } from '../../api/api-context';
import { AppPage } from '../../components/app-page';
import { ErrorSummary } from '../../components/error-summary';
import { ListTable } from '../../components/list-table';
import { formatDate } from '../../format';
import { routeHref } from '../../routing';
import { useLoaded } from '../../use-loaded';

/**
 * Follow-up: people whose review is due today or overdue, soonest first. The rule is core/plans/review-due,
 * the same as the caseload's "Review due" filter, so both show the same people.
 */
export function DueForReviewScreen() {
  const api = useApi();
  const { value, error } = useLoaded(useCallback(() => api.call('plans.dueForReview', {}), [api]));
  return (
    <AppPage title="Due for review">
      <ErrorSummary fieldErrors={{}} message={error} />
      <p className="nhsuk-body">
        People whose review date is today or has passed: the same people as the caseload&rsquo;s &ldquo;Review due&rdquo; filter. Open a
        person to review their plan.
      </p>
      {value === undefined && error === undefined && <p role="status">Loading…</p>}
      {value !== undefined && value.items.length === 0 && <p className="nhsuk-inset-text">Nobody is due for review.</p>}
      {value !== undefined && value.items.length > 0 && (
        <ListTable
          caption={`${value.items.length === 1 ? '1 person' : `${value.items.length} people`} due for review`}
          captionVisible
          testId="due-for-review-table"
          rows={value.items}
          rowKey={(item) => item.participantId}
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
