import { useCallback } from 'react';
import { useApi } from '../../api/api-context';
import { canCall } from '../../can-call';
import { AppPage } from '../../components/app-page';
import { ErrorSummary } from '../../components/error-summary';
import { SummaryList } from '../../components/summary-list';
import { formatDate } from '../../format';
import { routeHref } from '../../routing';
import { useSession } from '../../session-context';
import { AgendaList } from './agenda-list';
import { useLoaded } from '../../use-loaded';

/** One meeting before (or after) it runs: its details, the agenda to put in order, meeting mode and minutes. */
export function MeetingScreen({ id }: { id: string }) {
  const api = useApi();
  const { user } = useSession();
  const meeting = useLoaded(useCallback(() => api.call('meetings.get', { meetingId: id }), [api, id]));
  const config = useLoaded(useCallback(() => api.call('config.get', {}), [api]));
  const value = meeting.value;
  const memberName = new Map((config.value?.teamMembers ?? []).map((member) => [member.id, member.fullName]));
  const title = value === undefined ? 'Meeting' : `Meeting on ${formatDate(value.heldOn)}`;
  return (
    <AppPage title={title}>
      <ErrorSummary fieldErrors={{}} message={meeting.error} />
      {value === undefined && meeting.error === undefined && <p role="status">Loading the meeting…</p>}
      {value !== undefined && (
        <>
          <SummaryList
            rows={[
              ['Date and time', `${formatDate(value.heldOn)} at ${value.startsAt}`],
              ['Chair', value.chairName],
              ['Expected', value.expectedAttendeeIds.map((member) => memberName.get(member) ?? 'Unknown').join(', ')],
              ['Time for each case', `${value.minutesPerCase} minutes`],
              ['Length of the meeting', `${value.durationMinutes} minutes`],
              ['Status', value.status === 'planned' ? 'Planned' : 'Ended'],
            ]}
          />
          <div className="ww-actions">
            {value.status === 'planned' && value.agenda.length > 0 && (
              <a className="nhsuk-button" href={routeHref({ name: 'meeting', id, view: 'live' })} draggable={false}>
                Open meeting mode
              </a>
            )}
            <a
              className="nhsuk-button nhsuk-button--secondary"
              href={routeHref({ name: 'meeting', id, view: 'minutes' })}
              draggable={false}
            >
              {value.status === 'ended' ? 'Minutes' : 'Minutes so far'}
            </a>
            {value.rolledForwardToId !== null && (
              <a
                className="nhsuk-button nhsuk-button--secondary"
                href={routeHref({ name: 'meeting', id: value.rolledForwardToId, view: 'agenda' })}
                draggable={false}
              >
                Next meeting
              </a>
            )}
          </div>
          <h2 className="nhsuk-heading-m">Agenda</h2>
          {value.agenda.length === 0 ? (
            <p className="nhsuk-inset-text">
              No cases yet. List cases for full discussion from <a href={routeHref({ name: 'triage' })}>Triage</a>.
            </p>
          ) : (
            <AgendaList
              items={value.agenda}
              reorderable={value.status === 'planned' && canCall('meetings.reorderAgenda', user.role)}
              onReorder={async (itemIds) => {
                const result = await api.call('meetings.reorderAgenda', { meetingId: id, itemIds });
                if (result.ok) return undefined;
                void meeting.reload();
                return result.error.message;
              }}
            />
          )}
        </>
      )}
    </AppPage>
  );
}
