import { useCallback, useState } from 'react';
import { useApi } from '../../api/api-context';
import { ErrorSummary } from '../../components/error-summary';
import { TextInput } from '../../components/text-input';
import { useSubmit } from '../../components/use-submit';
import { formatDateTime } from '../../format';
import { useLoaded } from '../../use-loaded';
import { SettingsPage } from '../settings/settings-page';
import { offers } from '../../can-call';

interface BackupMade {
  readonly file: string;
  readonly bytes: number;
  readonly madeAt: string;
}

const backupFieldId = () => 'backup-path';
const restoreFieldId = (path: string) =>
  path === 'passphrase' ? 'restore-passphrase' : path === 'confirmPartnership' ? 'restore-confirm' : 'restore-path';

/**
 * Backups: one encrypted file (store, keyring, integrity check) to a folder the administrator
 * chooses, such as an encrypted USB drive; and restoring one, which replaces the records here.
 */
export function BackupScreen() {
  const api = useApi();
  const [target, setTarget] = useState('');
  const [made, setMade] = useState<BackupMade | undefined>(undefined);
  const [restoreFrom, setRestoreFrom] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [confirmPartnership, setConfirmPartnership] = useState('');
  const backup = useSubmit<BackupMade>(backupFieldId);
  const restore = useSubmit<Record<string, never>>(restoreFieldId);

  const { value: status, reload: reloadStatus } = useLoaded(useCallback(() => api.call('backup.status', {}), [api]));

  /** Electron only: a native dialog fills the path field (which stays editable). */
  const choose = async (purpose: 'save' | 'open') => {
    const result = await api.call('backup.chooseFile', { purpose });
    if (result.ok && result.value.path !== null) (purpose === 'save' ? setTarget : setRestoreFrom)(result.value.path);
  };

  const makeBackup = (event: React.FormEvent) => {
    event.preventDefault();
    setMade(undefined);
    void backup.submit(
      () => api.call('backup.create', { path: target }),
      (value) => {
        setMade(value);
        void reloadStatus();
      },
    );
  };

  const restoreBackup = (event: React.FormEvent) => {
    event.preventDefault();
    void restore.submit(
      () =>
        api.call('backup.restore', {
          path: restoreFrom,
          passphrase,
          ...(confirmPartnership.trim() === '' ? {} : { confirmPartnership }),
        }),
      () => {
        // The store was replaced and locked: start again at the unlock screen, with nothing in memory.
        window.location.hash = '';
        window.location.reload();
      },
    );
  };

  return (
    <SettingsPage title="Backup and restore" back="settings">
      <p className="nhsuk-body">
        {status === undefined
          ? ''
          : status.lastBackupAt === null
            ? 'No backup has been made yet.'
            : `The last backup was made on ${formatDateTime(status.lastBackupAt)}.`}{' '}
        A backup is one encrypted file: it opens only with the passphrase of a user who could unlock when it was made, and any change to it
        is detected.
      </p>
      {status?.madeBeforeRotation === true && (
        <div className="nhsuk-warning-callout" data-testid="backup-before-rotation">
          <h2 className="nhsuk-warning-callout__label">
            <span role="text">
              <span className="nhsuk-u-visually-hidden">Important: </span>
              Your last backup was made before the data key was rotated
            </span>
          </h2>
          <p>
            It was made with a key that has since been replaced: make a new backup, then destroy the older ones (they still open with the
            passphrases of users who could unlock before the rotation).
          </p>
        </div>
      )}
      {status?.oldKeyCopiesPending === true && (
        <div className="nhsuk-warning-callout" data-testid="old-key-copies-pending">
          <h2 className="nhsuk-warning-callout__label">
            <span role="text">
              <span className="nhsuk-u-visually-hidden">Important: </span>
              Copies under the replaced data key are still in the data folder
            </span>
          </h2>
          <p>
            The data key was rotated, but the backup under the new key could not be made (for example, the disk was full), so the copies
            made under the old key have not been deleted yet: they still open with the passphrases of users who could unlock before the
            rotation. Free some disk space; the app tries again each time someone unlocks.
          </p>
        </div>
      )}

      <h2 className="nhsuk-heading-m">Make a backup</h2>
      <ErrorSummary fieldErrors={backup.fieldErrors} message={backup.message} />
      {made !== undefined && (
        <div className="ww-saved" role="status" data-testid="backup-made">
          <p className="nhsuk-body nhsuk-u-margin-bottom-0">
            Backup saved to <code>{made.file}</code> ({(made.bytes / 1024 / 1024).toLocaleString('en-GB', { maximumFractionDigits: 1 })}{' '}
            MB).
          </p>
        </div>
      )}
      <form onSubmit={makeBackup} noValidate aria-busy={backup.busy} {...offers('backup.create')}>
        <TextInput
          id="backup-path"
          label="Save the backup to"
          hint="The full path of a folder (the file gets a dated name) or of a new file, for example E:\WorkWell backups or /media/usb/backups. Use an encrypted drive kept away from this computer."
          value={target}
          error={backup.fieldErrors['backup-path']}
          onValueChange={setTarget}
          autoComplete="off"
          spellCheck={false}
        />
        {status?.canChooseFile === true && (
          <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => void choose('save')}>
            Choose where to save…
          </button>
        )}{' '}
        <button type="submit" className="nhsuk-button" disabled={backup.busy}>
          {backup.busy ? 'Making the backup…' : 'Make a backup'}
        </button>
      </form>

      <h2 className="nhsuk-heading-m">Restore a backup</h2>
      <div className="nhsuk-warning-callout">
        <h3 className="nhsuk-warning-callout__label">
          <span role="text">
            <span className="nhsuk-u-visually-hidden">Important: </span>
            Restoring replaces the records on this computer
          </span>
        </h3>
        <p>
          Anything recorded since the backup was made will not be in the restored records. The records it replaces are kept, unopened, in a
          folder beside the store. The app locks afterwards.
        </p>
      </div>
      <ErrorSummary fieldErrors={restore.fieldErrors} message={restore.message} />
      <form onSubmit={restoreBackup} noValidate aria-busy={restore.busy} className="nhsuk-u-width-two-thirds" {...offers('backup.restore')}>
        <TextInput
          id="restore-path"
          label="Backup file"
          hint="The full path of the .wwbackup file."
          value={restoreFrom}
          error={restore.fieldErrors['restore-path']}
          onValueChange={setRestoreFrom}
          autoComplete="off"
          spellCheck={false}
        />
        {status?.canChooseFile === true && (
          <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => void choose('open')}>
            Choose the backup…
          </button>
        )}
        <TextInput
          id="restore-passphrase"
          type="password"
          label="Your passphrase when the backup was made"
          value={passphrase}
          error={restore.fieldErrors['restore-passphrase']}
          onValueChange={setPassphrase}
          autoComplete="current-password"
        />
        {(restore.fieldErrors['restore-confirm'] !== undefined || confirmPartnership !== '') && (
          <TextInput
            id="restore-confirm"
            label="The backup's partnership name"
            hint="This backup is of another partnership. Type its name to replace the records here with it."
            value={confirmPartnership}
            error={restore.fieldErrors['restore-confirm']}
            onValueChange={setConfirmPartnership}
            autoComplete="off"
            spellCheck={false}
          />
        )}
        <button type="submit" className="nhsuk-button nhsuk-button--warning" disabled={restore.busy}>
          {restore.busy ? 'Checking the backup…' : 'Check and restore'}
        </button>
      </form>
    </SettingsPage>
  );
}
