import { useCallback, useState } from 'react';
import { useApi } from '../../api/api-context';
import { canCall, offers, whoMay } from '../../can-call';
import { AppPage } from '../../components/app-page';
import { ErrorSummary } from '../../components/error-summary';
import { ListTable } from '../../components/list-table';
import { formatDate } from '../../format';
import { navigate, routeHref } from '../../routing';
import { useSession } from '../../session-context';
import { MeetingForm } from './meeting-form';
import { useLoaded } from '../../use-loaded';

/** MDT meetings, newest first, each opening its agenda; the coordinator plans new ones here. */
export function MeetingsScreen() {
  const api = useApi();
  const { user } = useSession();
  const meetings = useLoaded(useCallback(() => api.call('meetings.list', {}), [api]));
  const config = useLoaded(useCallback(() => api.call('config.get', {}), [api]));
  const [planning, setPlanning] = useState(false);
  if (planning && config.value !== undefined) {
    return (
      <AppPage title="Meetings">
        <MeetingForm
          config={config.value}
          onSaved={(id) => navigate({ name: 'meeting', id, view: 'agenda' })}
          onCancel={() => setPlanning(false)}
        />
      </AppPage>
    );
  }
  const list = meetings.value?.meetings ?? [];
  return (
    <AppPage title="Meetings">
      <ErrorSummary fieldErrors={{}} message={meetings.error ?? config.error} />
      {canCall('meetings.create', user.role) ? (
        <button
          type="button"
          className="nhsuk-button"
          {...offers('meetings.create')}
          onClick={() => setPlanning(true)}
          disabled={config.value === undefined}
        >
          Plan a meeting
        </button>
      ) : (
        <p className="nhsuk-body">Only the {whoMay('meetings.create')} can plan a meeting.</p>
      )}
      {meetings.value !== undefined && list.length === 0 && <p className="nhsuk-inset-text">No meetings yet.</p>}
      {list.length > 0 && (
        <ListTable
          caption="MDT meetings, newest first"
          testId="meetings-table"
          rows={list}
          rowKey={(meeting) => meeting.id}
          columns={[
            {
              header: 'Meeting',
              cell: (meeting) => (
                <a href={routeHref({ name: 'meeting', id: meeting.id, view: 'agenda' })}>
                  {formatDate(meeting.heldOn)} at {meeting.startsAt}
                </a>
              ),
            },
            { header: 'Chair', cell: (meeting) => meeting.chairName },
            { header: 'Cases', cell: (meeting) => meeting.caseCount },
            {
              header: 'Status',
              cell: (meeting) =>
                meeting.status === 'planned' ? (
                  <strong className="nhsuk-tag nhsuk-tag--blue">Planned</strong>
                ) : (
                  <strong className="nhsuk-tag nhsuk-tag--grey">Ended</strong>
                ),
            },
          ]}
        />
      )}
    </AppPage>
  );
}
