import { useCallback, useState } from 'react';
import type { TriageQueue } from '../../../core/schemas/meetings';
import { useApi } from '../../api/api-context';
import { canCall, whoMay } from '../../can-call';
import { AppPage } from '../../components/app-page';
import { ErrorSummary } from '../../components/error-summary';
import { useSession } from '../../session-context';
import { TriageForm } from './triage-form';
import { TriageTable } from './triage-table';
import { useLoaded } from '../../use-loaded';

type QueueItem = TriageQueue['items'][number];

/**
 * Pre-meeting triage: people whose minimum data is complete (ready for the MDT), and apart from them
 * the people who are not ready with what is missing; how complex each case looks and the current
 * decision. The coordinator sorts each case from here.
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
  // One rule (core/meetings/minimum-data, applied by the service): ready means nothing is missing.
  const ready = items.filter((item) => item.missing.length === 0);
  const notReady = items.filter((item) => item.missing.length > 0);
  const table = (rows: readonly QueueItem[], caption: string, testId: string) => (
    <TriageTable rows={rows} caption={caption} testId={testId} mayDecide={mayDecide} onTriage={setOpen} />
  );
  return (
    <AppPage title="Triage">
      <ErrorSummary fieldErrors={{}} message={queue.error} />
      <p className="nhsuk-body">
        Sort each case into a full discussion at a meeting, not ready yet (say what is missing) or a standard plan. A case needs a joined-up
        assessment and consent to the service before it is ready for the MDT and can be listed for discussion.
      </p>
      {saved !== undefined && (
        <p className="ww-saved" role="status">
          {saved}
        </p>
      )}
      {!mayDecide && <p className="nhsuk-inset-text">Only the {whoMay('triage.decide')} can triage a case and list it for a meeting.</p>}
      {queue.value === undefined && queue.error === undefined && <p role="status">Loading the queue…</p>}
      {queue.value !== undefined && (
        <p className="nhsuk-body" role="status">
          {peopleCount(ready.length)} ready for the MDT; {peopleCount(notReady.length)} not ready (something is missing).
        </p>
      )}
      {queue.value !== undefined && (
        <>
          <h2 className="nhsuk-heading-m">Ready for the MDT</h2>
          {ready.length === 0 ? (
            <p className="nhsuk-inset-text">Nobody has the minimum data yet.</p>
          ) : (
            table(ready, 'Cases ready for the MDT: the minimum data is complete', 'triage-table')
          )}
          <h2 className="nhsuk-heading-m">Not ready: something is missing</h2>
          {notReady.length === 0 ? (
            <p className="nhsuk-inset-text">Nobody is waiting for missing information.</p>
          ) : (
            table(notReady, 'Cases not ready for the MDT, with what is missing', 'triage-not-ready-table')
          )}
        </>
      )}
    </AppPage>
  );
}

function peopleCount(count: number): string {
  return `${count} ${count === 1 ? 'person' : 'people'}`;
}
