import { useCallback } from 'react';
import { WORKLIST_LIST_LIMIT } from '../../../core/schemas/worklist';
import { useApi } from '../../api/api-context';
import { canCall } from '../../can-call';
import { routeHref } from '../../routing';
import { useSession } from '../../session-context';
import { useReceivedChanges } from '../../sync/received-changes';
import { useLoaded } from '../../use-loaded';
import { WorklistSection } from '../worklist/worklist-sections';
import { FollowUpsDueTable } from './follow-ups-due-table';

/**
 * "Follow-ups due" on the worklist (issue 20 item 6): for a coach, their own people's follow-ups
 * after exit overdue or due in the next 14 days; for the coordinator, everyone's. Other roles are
 * not given the list, so the part is not shown to them. A link opens the whole list.
 */
export function FollowUpsWorklistPart() {
  const { user } = useSession();
  // Asked only by the roles that keep the list, so no one else's worklist makes a call it would be refused.
  return canCall('followUps.due', user.role) ? <FollowUpsDue mine={user.role === 'coach'} /> : null;
}

function FollowUpsDue({ mine }: { mine: boolean }) {
  const api = useApi();
  const { value, error } = useLoaded(
    useCallback(async () => api.call('followUps.due', { mine }), [api, mine]),
    useReceivedChanges(),
  );
  if (value === undefined) return error === undefined ? null : <p className="nhsuk-error-message">{error}</p>;
  const items = value.items.slice(0, WORKLIST_LIST_LIMIT);
  return (
    <WorklistSection
      id="worklist-follow-ups"
      title={mine ? 'Follow-ups due for your people' : 'Follow-ups due'}
      count={items.length}
      total={value.items.length}
      more="The list of follow-ups due has the rest."
      empty="No follow-ups are due."
    >
      <FollowUpsDueTable
        items={items}
        caption="Follow-ups after exit, overdue or due in the next 14 days"
        testId="worklist-follow-ups-table"
      />
      <p className="nhsuk-body-s">
        <a href={routeHref({ name: 'follow-ups-due' })}>Everyone’s follow-ups due</a>
      </p>
    </WorklistSection>
  );
}
