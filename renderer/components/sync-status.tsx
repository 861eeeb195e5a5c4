import { useEffect, useState } from 'react';
import type { SyncStatus } from '../../core/contracts/sync-contract';
import { useOptionalApi } from '../api/api-context';
import { formatTime } from '../format';
import { routeHref } from '../routing';

/** How often the header asks for the sync status. */
const POLL_MS = 3_000;

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

/** What the header says about a sync failure: a short state, and a sentence saying what to do. */
const PROBLEM_STATES: Readonly<Record<NonNullable<SyncStatus['problem']>['kind'], string>> = {
  unreachable: 'Offline: cannot reach the server',
  revoked: 'Sync refused: revoked',
  'not-recognised': 'Sync refused: user not on the server yet',
  'update-needed': 'Sync stopped: update needed',
  'server-error': 'Sync failed: server error',
};

/** The changes waiting, saying whose: the signed-in user's, and other users' made on this laptop. */
function waitingText(status: SyncStatus): string | undefined {
  const parts = [
    status.waiting > 0 ? `${plural(status.waiting, 'change', 'changes')} of yours waiting` : '',
    status.waitingOthers > 0 ? `${plural(status.waitingOthers, 'change', 'changes')} by other users of this laptop waiting` : '',
  ].filter((part) => part !== '');
  return parts.length === 0 ? undefined : parts.join(', ');
}

/** The status in words: a short state ("Online"), what waits or when it last synced, and any problem's message. */
export function describeSyncStatus(status: SyncStatus): { state: string; detail: string; message: string | undefined } {
  const state = status.problem !== null ? PROBLEM_STATES[status.problem.kind] : status.mode === 'online' ? 'Online' : 'Offline';
  const detail =
    waitingText(status) ??
    (status.lastSyncedAt !== null && status.mode === 'online'
      ? `synced at ${formatTime(status.lastSyncedAt)}`
      : status.lastSyncedAt !== null
        ? `last synced at ${formatTime(status.lastSyncedAt)}`
        : 'not synced yet');
  return { state, detail, message: status.problem?.message };
}

/**
 * The header's sync status (issue 14): nothing for a solo store; "Online · synced at 10:42",
 * "Offline: cannot reach the server · 3 changes of yours waiting", "Sync refused: revoked" with
 * what to do, and refused changes with a link to the reasons.
 */
export function SyncStatusIndicator() {
  const status = useSyncStatus();
  if (status === undefined || status.mode === 'solo') return null;
  const { state, detail, message } = describeSyncStatus(status);
  return (
    <li className="nhsuk-header__account-item ww-sync-status" data-testid="sync-status" data-problem={status.problem?.kind ?? 'none'}>
      <span role="status">
        {state} · {detail}
        {message !== undefined && <span className="ww-sync-status__message"> {message}</span>}
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
