import { useEffect, useState } from 'react';
import type { SyncStatus } from '../../core/contracts/sync-contract';
import { useOptionalApi } from '../api/api-context';
import { routeHref } from '../routing';

/** How often the header asks for the sync status. */
const POLL_MS = 3_000;

/** "10:42" from an ISO time, in the laptop's time zone. */
function clockTime(iso: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? '' : at.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** The sync status, polled while shown; undefined until the first answer. */
export function useSyncStatus(): SyncStatus | undefined {
  const api = useOptionalApi();
  const [status, setStatus] = useState<SyncStatus>();
  useEffect(() => {
    if (api === null) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = () => {
      void api.call('sync.status', {}).then((result) => {
        if (stopped) return;
        if (result.ok) setStatus(result.value);
        // A solo store never syncs: no need to keep asking.
        if (result.ok && result.value.mode === 'solo') return;
        timer = setTimeout(poll, POLL_MS);
      });
    };
    poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [api]);
  return status;
}

/**
 * The header's sync status (issue 14): nothing for a solo store; "Online · synced at 10:42",
 * "Offline · 3 changes waiting", or refused changes with a link to the reasons.
 */
export function SyncStatusIndicator() {
  const status = useSyncStatus();
  if (status === undefined || status.mode === 'solo') return null;
  const state = status.mode === 'online' ? 'Online' : 'Offline';
  const detail =
    status.waiting > 0
      ? `${plural(status.waiting, 'change', 'changes')} waiting`
      : status.lastSyncedAt !== null && status.mode === 'online'
        ? `synced at ${clockTime(status.lastSyncedAt)}`
        : status.lastSyncedAt !== null
          ? `last synced at ${clockTime(status.lastSyncedAt)}`
          : 'not synced yet';
  return (
    <li className="nhsuk-header__account-item ww-sync-status" data-testid="sync-status">
      <span role="status">
        {state} · {detail}
      </span>
      {status.refused.length > 0 && (
        <>
          {' · '}
          <a className="nhsuk-header__account-link" href={routeHref({ name: 'sync-refused' })}>
            {plural(status.refused.length, 'change', 'changes')} refused — see why
          </a>
        </>
      )}
    </li>
  );
}
