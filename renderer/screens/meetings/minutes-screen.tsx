import { useCallback } from 'react';
import { AGENDA_ITEM_STATUS_LABELS } from '../../../core/schemas/meetings';
import { useApi } from '../../api/api-context';
import { canCall } from '../../can-call';
import { AppPage } from '../../components/app-page';
import { DownloadPdfButtons } from '../../components/download-pdf-buttons';
import { ErrorSummary } from '../../components/error-summary';
import { SummaryList } from '../../components/summary-list';
import { formatDate } from '../../format';
import { routeHref } from '../../routing';
import { useSession } from '../../session-context';
import { useLoaded } from '../../use-loaded';
import { ColumnHeaders } from '../../components/column-headers';

/** The minutes: attendance, then per case the outcome, decisions and every action agreed, with owner and due date. */
export function MinutesScreen({ id }: { id: string }) {
  const api = useApi();
  const { user } = useSession();
  const { value, error } = useLoaded(useCallback(() => api.call('meetings.minutes', { meetingId: id }), [api, id]));
  const title = value === undefined ? 'Minutes' : `Minutes of the meeting on ${formatDate(value.heldOn)}`;
  return (
    <AppPage title={title}>
      <ErrorSummary fieldErrors={{}} message={error} />
      {value === undefined && error === undefined && <p role="status">Loading the minutes…</p>}
      {value !== undefined && (
        <div data-testid="minutes">
          {value.status === 'planned' && <p className="nhsuk-inset-text">The meeting has not ended: these minutes are not final.</p>}
          {canCall('documents.minutesPdf', user.role) && (
            <DownloadPdfButtons
              channel="documents.minutesPdf"
              options={[
                {
                  label: value.status === 'ended' ? 'Download the minutes (PDF)' : 'Download the draft minutes (PDF)',
                  input: { meetingId: id },
                },
              ]}
              testId="download-minutes-pdf"
            />
          )}
          <SummaryList
            rows={[
              ['Date and time', `${formatDate(value.heldOn)} at ${value.startsAt}`],
              ['Chair', value.chairName],
              [
                'Present',
                value.attendanceRecorded
                  ? value.present.map((person) => `${person.name} (${person.role})`).join('; ')
                  : 'Attendance not recorded',
              ],
              ['Apologies', value.apologies.length === 0 ? 'None' : value.apologies.map((person) => person.name).join('; ')],
              ...(value.rolledForwardTo === null
                ? []
                : ([
                    [
                      'Cases not reached',
                      <a key="next" href={routeHref({ name: 'meeting', id: value.rolledForwardTo.meetingId, view: 'agenda' })}>
                        Moved to the meeting on {formatDate(value.rolledForwardTo.heldOn)}
                      </a>,
                    ],
                  ] as const)),
            ]}
          />
          {value.cases.map((entry, index) => (
            <section key={entry.itemId} className="ww-minutes-case" aria-labelledby={`minutes-case-${entry.itemId}`}>
              <h2 className="nhsuk-heading-m" id={`minutes-case-${entry.itemId}`}>
                {index + 1}. {entry.name} <span className="ww-secondary-text">{entry.reference}</span>
              </h2>
              <p>
                <strong className={`nhsuk-tag ${entry.status === 'not_reached' ? 'nhsuk-tag--yellow' : 'nhsuk-tag--green'}`}>
                  {AGENDA_ITEM_STATUS_LABELS[entry.status]}
                </strong>
              </p>
              {entry.notes !== '' && (
                <>
                  <h3 className="nhsuk-heading-s">Discussion</h3>
                  <p className="ww-preserve">{entry.notes}</p>
                </>
              )}
              {entry.decisions !== '' && (
                <>
                  <h3 className="nhsuk-heading-s">Outcome and decisions</h3>
                  <p className="ww-preserve">{entry.decisions}</p>
                </>
              )}
              {entry.plan !== null && (
                <>
                  <h3 className="nhsuk-heading-s">
                    Plan agreed (version {entry.plan.versionNumber}, checked by {entry.plan.checkedByName})
                  </h3>
                  {entry.plan.goals.length > 0 && <p>Goals: {entry.plan.goals.join('; ')}</p>}
                  <table className="nhsuk-table">
                    <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Actions agreed for {entry.name}</caption>
                    <ColumnHeaders headers={['Action', 'Discipline', 'Owner', 'Due']} />
                    <tbody className="nhsuk-table__body">
                      {entry.plan.actions.map((action) => (
                        <tr className="nhsuk-table__row" key={action.id}>
                          <td className="nhsuk-table__cell">
                            {action.description}
                            {action.serviceName !== null && (
                              <div className="ww-secondary-text">
                                {action.kind}: {action.serviceName}
                              </div>
                            )}
                          </td>
                          <td className="nhsuk-table__cell">{action.disciplineLabel}</td>
                          <td className="nhsuk-table__cell">{action.ownerName}</td>
                          <td className="nhsuk-table__cell">{action.dueOn === null ? 'Not set' : formatDate(action.dueOn)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                  {entry.plan.reviewOn !== null && <p>Review by {formatDate(entry.plan.reviewOn)}.</p>}
                </>
              )}
              {entry.status !== 'not_reached' && entry.notes === '' && entry.decisions === '' && entry.plan === null && (
                <p>Nothing recorded yet.</p>
              )}
            </section>
          ))}
        </div>
      )}
    </AppPage>
  );
}
