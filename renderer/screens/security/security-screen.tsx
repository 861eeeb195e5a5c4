import { useCallback, useEffect, useState } from 'react';
import type { SecuritySettings } from '../../../core/schemas/security';
import { useApi } from '../../api/api-context';
import { ErrorSummary } from '../../components/error-summary';
import { TextInput } from '../../components/text-input';
import { useSubmit } from '../../components/use-submit';
import { formatDateTime } from '../../format';
import { SettingsPage } from '../settings/settings-page';
import { RecoveryKeyPanel } from './recovery-key-panel';
import { offers } from '../../can-call';

/** Idle lock time, the recovery key and data-key rotation, for administrators. */
export function SecurityScreen() {
  const api = useApi();
  const [settings, setSettings] = useState<SecuritySettings | undefined>(undefined);
  const [minutes, setMinutes] = useState('');
  const [saved, setSaved] = useState(false);
  const [recoveryKey, setRecoveryKey] = useState<string | undefined>(undefined);
  const [confirmRotation, setConfirmRotation] = useState(false);
  const [rotated, setRotated] = useState<string | undefined>(undefined);
  const idle = useSubmit<SecuritySettings>(() => 'idle-minutes');
  const recovery = useSubmit<{ recoveryKey: string }>();
  const rotation = useSubmit<{ backupFile: string; rotatedAt: string }>();

  const load = useCallback(async () => {
    const result = await api.call('security.get', {});
    if (result.ok) {
      setSettings(result.value);
      setMinutes(String(Math.max(1, Math.round(result.value.idleLockSeconds / 60))));
    }
  }, [api]);
  useEffect(() => {
    void load();
  }, [load]);

  const saveIdle = (event: React.FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const typed = minutes.trim();
    const number = /^\d+$/.test(typed) ? Number(typed) : Number.NaN;
    if (Number.isNaN(number)) {
      idle.showErrors({ 'idle-minutes': 'Enter a whole number of minutes, like 5' });
      return;
    }
    void idle.submit(
      () => api.call('security.saveIdleLock', { minutes: number }),
      (value) => {
        setSettings(value);
        setSaved(true);
      },
    );
  };

  if (recoveryKey !== undefined) {
    return (
      <SettingsPage title="Security" back="settings">
        <RecoveryKeyPanel recoveryKey={recoveryKey} doneLabel="I have saved the recovery key" onDone={() => setRecoveryKey(undefined)} />
      </SettingsPage>
    );
  }

  return (
    <SettingsPage title="Security" back="settings">
      <ErrorSummary fieldErrors={idle.fieldErrors} message={idle.message ?? recovery.message ?? rotation.message} />

      <h2 className="nhsuk-heading-m">Lock when idle</h2>
      <form onSubmit={saveIdle} noValidate aria-busy={idle.busy} {...offers('security.saveIdleLock')}>
        <TextInput
          id="idle-minutes"
          label="Minutes without activity before the app locks"
          hint="Between 1 and 60. Five minutes suits a shared clinic; the app also locks when the computer's screen locks or it goes to sleep."
          inputMode="numeric"
          className="nhsuk-input--width-3"
          value={minutes}
          error={idle.fieldErrors['idle-minutes']}
          onValueChange={(value) => {
            setMinutes(value);
            setSaved(false);
          }}
        />
        {settings?.idleLockFromEnvironment === true && (
          <p className="nhsuk-body-s">
            This computer sets its own idle time ({settings.idleLockSeconds} seconds) with WORKWELL_IDLE_LOCK_SECONDS, which overrides this
            setting.
          </p>
        )}
        <button type="submit" className="nhsuk-button" disabled={idle.busy}>
          Save idle time
        </button>
        {saved && (
          <p className="nhsuk-body ww-saved" role="status">
            Saved. The app now locks after {minutes} minute{minutes === '1' ? '' : 's'} without activity.
          </p>
        )}
      </form>

      <h2 className="nhsuk-heading-m">Recovery key</h2>
      <p className="nhsuk-body">
        {settings?.hasRecoveryKey === true
          ? 'This partnership has a recovery key. If it was lost, or someone who should not have it saw it, make a new one: the old one stops working.'
          : 'This partnership has no recovery key yet. Without one, if every administrator forgets their passphrase the records cannot be opened.'}
      </p>
      <button
        type="button"
        className="nhsuk-button nhsuk-button--secondary"
        disabled={recovery.busy}
        onClick={() =>
          void recovery.submit(
            () => api.call('security.newRecoveryKey', {}),
            (value) => setRecoveryKey(value.recoveryKey),
          )
        }
      >
        {recovery.busy ? 'Making a recovery key…' : 'Make a new recovery key'}
      </button>

      <h2 className="nhsuk-heading-m">Rotate the data key</h2>
      <p className="nhsuk-body">
        Re-encrypts every record under a new key, after an automatic backup. Do this after revoking a user, so a copy of the old key they
        might have kept opens nothing. Everyone keeps their own passphrase.
        {settings?.lastRotatedAt !== null &&
          settings?.lastRotatedAt !== undefined &&
          ` Last rotated on ${formatDateTime(settings.lastRotatedAt)}.`}
      </p>
      {settings !== undefined && settings.usersToSignInBeforeRotation.length > 0 && (
        <p className="nhsuk-body">
          These users must unlock once before the key can be rotated: {settings.usersToSignInBeforeRotation.join(', ')}.
        </p>
      )}
      {rotated !== undefined && (
        <p className="nhsuk-body ww-saved" role="status" data-testid="rotation-done">
          The data key was rotated. A backup under the new key is {rotated}; the copies under the old key in the data folder were deleted.
          Backups you made before the rotation still open with the old key: make a new backup.
        </p>
      )}
      {confirmRotation ? (
        <div className="nhsuk-warning-callout">
          <h3 className="nhsuk-warning-callout__label" tabIndex={-1} ref={(element) => element?.focus()}>
            <span role="text">
              <span className="nhsuk-u-visually-hidden">Important: </span>
              Rotate the data key now?
            </span>
          </h3>
          <p>It takes a few seconds for a large caseload. Keep the computer on until it finishes.</p>
          <div className="ww-actions">
            <button
              type="button"
              className="nhsuk-button nhsuk-button--warning"
              disabled={rotation.busy}
              onClick={() =>
                void rotation.submit(
                  () => api.call('security.rotateDataKey', { confirm: true }),
                  (value) => {
                    setConfirmRotation(false);
                    setRotated(value.backupFile);
                    void load();
                  },
                )
              }
            >
              {rotation.busy ? 'Rotating…' : 'Rotate the data key'}
            </button>
            <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => setConfirmRotation(false)}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => setConfirmRotation(true)}>
          Rotate the data key…
        </button>
      )}
    </SettingsPage>
  );
}
