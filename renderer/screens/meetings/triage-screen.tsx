import { useCallback, useState } from 'react';
import { TRIAGE_OUTCOME_LABELS, type TriageQueue } from '../../../core/schemas/meetings';
import { useApi } from '../../api/api-context';
import { canCall } from '../../can-call';
import { AppPage } from '../../components/app-page';
import { ErrorSummary } from '../../components/error-summary';
import { formatDate } from '../../format';
import { routeHref } from '../../routing';
import { useSession } from '../../session-context';
import { ComplexityTags } from './complexity-tags';
import { minimumDataProblems } from './minimum-data';
import { TriageForm } from './triage-form';
import { useLoaded } from '../../use-loaded';

type QueueItem = TriageQueue['items'][number];

/**
 * Pre-meeting triage: everyone ready for the MDT, what minimum data each has, how complex the case
 * looks, and the current decision. The coordinator sorts each case from here.
 */
export function TriageScreen() {
  const api = useApi();
  const { user } = useSession();
  const queue = useLoaded(useCallback(() => api.call('triage.queue', {}), [api]));
  const meetings = useLoaded(useCallback(() => api.call('meetings.list', {}), [api]));
  const [open, setOpen] = useState<QueueItem | undefined>(undefined);
  const [saved, setSaved] = useState<string | undefined>(undefined);
  const mayDecide = canCall('triage.decide', user.role);

  if (open !== undefined) {
    return (
      <AppPage title="Triage">
        <TriageForm
          item={open}
          meetings={meetings.value?.meetings ?? []}
          onSaved={() => {
            setSaved(`Triage decision saved for ${open.givenName} ${open.familyName}.`);
            setOpen(undefined);
            void queue.reload();
            void meetings.reload();
          }}
          onCancel={() => setOpen(undefined)}
        />
      </AppPage>
    );
  }
  const items = queue.value?.items ?? [];
  const waiting = items.filter((item) => item.decision === null || item.decision.outcome === 'not_ready');
  return (
    <AppPage title="Triage">
      <ErrorSummary fieldErrors={{}} message={queue.error} />
      <p className="nhsuk-body">
        People ready for the MDT. Sort each case into a full discussion at a meeting, not ready yet (say what is missing) or a standard
        plan. A case needs a joined-up assessment and consent to the service before it can be listed for discussion.
      </p>
      {saved !== undefined && (
        <p className="ww-saved" role="status">
          {saved}
        </p>
      )}
      {queue.value === undefined && queue.error === undefined && <p role="status">Loading the queue…</p>}
      {queue.value !== undefined && (
        <p className="nhsuk-body" role="status">
          {items.length} {items.length === 1 ? 'person' : 'people'} ready for the MDT; {waiting.length} waiting for triage or not ready.
        </p>
      )}
      {items.length > 0 && (
        <table className="nhsuk-table ww-triage-table" data-testid="triage-table">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Cases ready for the MDT</caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th scope="col" className="nhsuk-table__header">
                Person
              </th>
              <th scope="col" className="nhsuk-table__header">
                Minimum data
              </th>
              <th scope="col" className="nhsuk-table__header">
                Complexity
              </th>
              <th scope="col" className="nhsuk-table__header">
                Triage
              </th>
              {mayDecide && (
                <th scope="col" className="nhsuk-table__header">
                  <span className="nhsuk-u-visually-hidden">Action</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {items.map((item) => {
              const problems = minimumDataProblems(item.minimumData);
              const name = `${item.familyName.toUpperCase()}, ${item.givenName}`;
              return (
                <tr className="nhsuk-table__row" key={item.participantId}>
                  <td className="nhsuk-table__cell">
                    <a href={routeHref({ name: 'participant', id: item.participantId })}>{name}</a>
                    <br />
                    <span className="ww-secondary-text">{item.reference}</span>
                  </td>
                  <td className="nhsuk-table__cell">
                    {problems.length === 0 ? (
                      <strong className="nhsuk-tag nhsuk-tag--green">Complete</strong>
                    ) : (
                      <>Missing: {problems.map((problem) => problem.label.toLowerCase()).join(', ')}</>
                    )}
                  </td>
                  <td className="nhsuk-table__cell">
                    <ComplexityTags complexity={item.complexity} />
                  </td>
                  <td className="nhsuk-table__cell">
                    {item.decision === null ? 'Not triaged yet' : TRIAGE_OUTCOME_LABELS[item.decision.outcome]}
                    {item.listedOn !== null && <> on {formatDate(item.listedOn.heldOn)}</>}
                    {item.decision !== null && item.decision.note !== '' && <div className="ww-secondary-text">{item.decision.note}</div>}
                  </td>
                  {mayDecide && (
                    <td className="nhsuk-table__cell">
                      {item.listedOn === null && (
                        <button
                          type="button"
                          className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0"
                          onClick={() => setOpen(item)}
                        >
                          Triage<span className="nhsuk-u-visually-hidden"> {name}</span>
                        </button>
                      )}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </AppPage>
  );
}
