import { useCallback } from 'react';
import { FOLLOW_UP_DUE_SOON_DAYS } from '../../../core/follow-ups/follow-up-due';
import { useApi } from '../../api/api-context';
import { AppPage } from '../../components/app-page';
import { ErrorSummary } from '../../components/error-summary';
import { formatDate } from '../../format';
import { useReceivedChanges } from '../../sync/received-changes';
import { useLoaded } from '../../use-loaded';
import { FollowUpsDueTable } from './follow-ups-due-table';

/**
 * Follow-ups due (issue 20 item 6): everyone's 3- and 6-month follow-ups after exit that are overdue
 * or due in the next 14 days, soonest first, for the coordinator and coaches. Each person opens
 * their record, where the follow-up is recorded.
 */
export function FollowUpsDueScreen() {
  const api = useApi();
  const { value, error } = useLoaded(
    useCallback(() => api.call('followUps.due', {}), [api]),
    useReceivedChanges(),
  );
  return (
    <AppPage title="Follow-ups due">
      <ErrorSummary fieldErrors={{}} message={error} />
      <p className="nhsuk-body">
        Did people stay in work? Each person is followed up 3 and 6 months after they left the service. Listed: follow-ups overdue or due in
        the next {FOLLOW_UP_DUE_SOON_DAYS} days{value === undefined ? '' : ` from ${formatDate(value.today)}`}, soonest first. Open a person
        to record theirs.
      </p>
      {value === undefined && error === undefined && <p role="status">Loading…</p>}
      {value !== undefined && value.items.length === 0 && <p className="nhsuk-inset-text">No follow-ups are due.</p>}
      {value !== undefined && value.items.length > 0 && (
        <FollowUpsDueTable
          items={value.items}
          caption={`${value.items.length === 1 ? '1 follow-up' : `${value.items.length} follow-ups`} due`}
          testId="follow-ups-due-table"
        />
      )}
    </AppPage>
  );
}
