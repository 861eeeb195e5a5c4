import { useCallback, useEffect, useState } from 'react';
import { clockStartingAt, setClockSource } from '../core/clock';
import type { AppStatus } from '../core/schemas/session';
import { useApi } from './api/api-context';
import { ErrorSummary } from './components/error-summary';
import { PageLayout } from './components/page-layout';
import { RestoreOnSetup } from './screens/session/restore-on-setup';
import { SetupScreen } from './screens/session/setup-screen';
import { UnlockScreen } from './screens/session/unlock-screen';
import { SessionContext } from './session-context';
import { ReceivedChangesProvider } from './sync/received-changes';
import { UnlockedApp } from './unlocked-app';
import { useLockWatch } from './use-lock-watch';

/** Chooses the screen from the app's state: set up, unlock, or the caseload. */
export function App() {
  const api = useApi();
  const [status, setStatus] = useState<AppStatus | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);

  const refresh = useCallback(async () => {
    const result = await api.call('app.status', {});
    if (result.ok) {
      // "Today" in every form follows the app's clock (which tests fix), not this machine's.
      const appClock = clockStartingAt(result.value.now);
      setClockSource(() => appClock);
      setStatus(result.value);
      setError(undefined);
    } else {
      setError(result.error.message);
    }
  }, [api]);

  useEffect(() => {
    void refresh();
  }, [refresh]);
  // Only a change of what the poll reports re-renders the app (today: the store found damaged).
  const onUnlockedStatus = useCallback((polled: AppStatus) => {
    setStatus((shown) =>
      shown?.state === 'unlocked' && polled.state === 'unlocked' && shown.storeDamage !== polled.storeDamage ? polled : shown,
    );
  }, []);
  useLockWatch(api, status?.state === 'unlocked', onUnlockedStatus);

  const lock = useCallback(async () => {
    await api.call('session.lock', {});
    // Reload (at the app's root) so nothing from the unlocked session stays in this page's memory.
    window.location.hash = '';
    window.location.reload();
  }, [api]);

  if (error !== undefined) {
    return (
      <PageLayout title="WorkWell MDT cannot start">
        <ErrorSummary fieldErrors={{}} message={error} />
      </PageLayout>
    );
  }
  if (status === undefined) {
    return (
      <PageLayout title="WorkWell MDT">
        <p role="status">Starting…</p>
      </PageLayout>
    );
  }
  switch (status.state) {
    case 'needs-setup':
      return <SetupScreen onDone={() => void refresh()} onRestored={() => void refresh()} />;
    case 'restore-interrupted':
      // Never "set up a new partnership" here: that would start an empty record beside the real one.
      return (
        <PageLayout title="A restore was interrupted">
          <p className="nhsuk-body">
            WorkWell MDT stopped while it was restoring a backup, so this data folder holds a partnership without its keyring (
            {status.found.join(', ')}).
          </p>
          <RestoreOnSetup interrupted onRestored={() => void refresh()} />
        </PageLayout>
      );
    case 'locked':
      return (
        <UnlockScreen
          partnershipName={status.partnershipName}
          isDemo={status.isDemo}
          usernames={status.usernames}
          onUnlocked={() => void refresh()}
        />
      );
    case 'unlocked':
      return (
        <SessionContext.Provider
          value={{
            partnershipName: status.partnershipName,
            isDemo: status.isDemo,
            user: status.user,
            storeDamage: status.storeDamage,
            lock: () => void lock(),
          }}
        >
          <ReceivedChangesProvider>
            <UnlockedApp />
          </ReceivedChangesProvider>
        </SessionContext.Provider>
      );
  }
}
