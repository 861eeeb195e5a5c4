import { useCallback, useEffect, useState } from 'react';
import { clockStartingAt, setClockSource } from '../core/clock';
import type { AppStatus } from '../core/schemas/session';
import { useApi } from './api/api-context';
import { CommandPalette } from './components/command-palette';
import { ErrorSummary } from './components/error-summary';
import { IdleWarning } from './components/idle-warning';
import { PageLayout } from './components/page-layout';
import { RestoreOnSetup } from './screens/session/restore-on-setup';
import { SetupScreen } from './screens/session/setup-screen';
import { UnlockScreen } from './screens/session/unlock-screen';
import { SessionContext } from './session-context';
import { ReceivedChangesProvider } from './sync/received-changes';
import { UnlockedApp } from './unlocked-app';
import { useLockWatch } from './use-lock-watch';
import { placeToSave, restorePlace } from './resume-place';

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
  const [idleWarning, setIdleWarning] = useState<number | undefined>(undefined);
  // Only a change of what the poll reports re-renders the app: the store found damaged, or the idle lock about to come.
  const onUnlockedStatus = useCallback((polled: AppStatus) => {
    setStatus((shown) =>
      shown?.state === 'unlocked' && polled.state === 'unlocked' && shown.storeDamage !== polled.storeDamage ? polled : shown,
    );
    const left = polled.state === 'unlocked' ? polled.idleLockInSeconds : undefined;
    setIdleWarning((shown) => (left === undefined ? undefined : (shown ?? left)));
  }, []);
  useLockWatch(api, status?.state === 'unlocked', onUnlockedStatus);

  // The warning's first showing saves the place (screen, meeting case and timers) for after the unlock.
  const warningShown = idleWarning !== undefined;
  useEffect(() => {
    if (warningShown) void api.call('session.saveResumePoint', placeToSave(window.location.hash));
  }, [api, warningShown]);

  const stay = useCallback(async () => {
    setIdleWarning(undefined);
    await api.call('session.touch', {});
  }, [api]);

  // Back where the idle lock interrupted this person, if it did.
  const unlocked = useCallback(async () => {
    const taken = await api.call('session.takeResumePoint', {});
    if (taken.ok && taken.value.resumePoint !== null) {
      restorePlace(taken.value.resumePoint);
      window.location.hash = taken.value.resumePoint.route;
    }
    await refresh();
  }, [api, refresh]);

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
          resumeUsername={status.resumeUsername}
          onUnlocked={() => void unlocked()}
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
            securityWarning: status.securityWarning,
            lock: () => void lock(),
          }}
        >
          <ReceivedChangesProvider>
            <UnlockedApp />
          </ReceivedChangesProvider>
          <CommandPalette role={status.user.role} />
          {idleWarning !== undefined && <IdleWarning secondsLeft={idleWarning} onStay={() => void stay()} />}
        </SessionContext.Provider>
      );
  }
}
