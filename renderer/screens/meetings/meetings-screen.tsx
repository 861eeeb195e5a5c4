import { useCallback, useState } from 'react';
import { useApi } from '../../api/api-context';
import { canCall } from '../../can-call';
import { AppPage } from '../../components/app-page';
import { ErrorSummary } from '../../components/error-summary';
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
        <MeetingForm config={config.value} onSaved={(id) => navigate({ name: 'meeting', id, view: 'agenda' })} onCancel={() => setPlanning(false)} />
      </AppPage>
    );
  }
  const list = meetings.value?.meetings ?? [];
  return (
    <AppPage title="Meetings">
      <ErrorSummary fieldErrors={{}} message={meetings.error ?? config.error} />
      {canCall('meetings.create', user.role) && (
        <button type="button" className="nhsuk-button" onClick={() => setPlanning(true)} disabled={config.value === undefined}>
          Plan a meeting
        </button>
      )}
      {meetings.value !== undefined && list.length === 0 && <p className="nhsuk-inset-text">No meetings yet.</p>}
      {list.length > 0 && (
        <table className="nhsuk-table" data-testid="meetings-table">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">MDT meetings, newest first</caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th scope="col" className="nhsuk-table__header">Meeting</th>
              <th scope="col" className="nhsuk-table__header">Chair</th>
              <th scope="col" className="nhsuk-table__header">Cases</th>
              <th scope="col" className="nhsuk-table__header">Status</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {list.map((meeting) => (
              <tr className="nhsuk-table__row" key={meeting.id}>
                <td className="nhsuk-table__cell">
                  <a href={routeHref({ name: 'meeting', id: meeting.id, view: 'agenda' })}>
                    {formatDate(meeting.heldOn)} at {meeting.startsAt}
                  </a>
                </td>
                <td className="nhsuk-table__cell">{meeting.chairName}</td>
                <td className="nhsuk-table__cell">{meeting.caseCount}</td>
                <td className="nhsuk-table__cell">{meeting.status === 'planned' ? <strong className="nhsuk-tag nhsuk-tag--blue">Planned</strong> : <strong className="nhsuk-tag nhsuk-tag--grey">Ended</strong>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AppPage>
  );
}
