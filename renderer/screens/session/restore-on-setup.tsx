import { useState } from 'react';
import { useApi } from '../../api/api-context';
import { ErrorSummary } from '../../components/error-summary';
import { TextInput } from '../../components/text-input';
import { useSubmit } from '../../components/use-submit';

const FIELD_IDS: Readonly<Record<string, string>> = {
  path: 'setup-restore-path',
  username: 'setup-restore-username',
  passphrase: 'setup-restore-passphrase',
};
const fieldIdFor = (path: string) => FIELD_IDS[path] ?? 'setup-restore-path';

/**
 * On the first-run screen of a new computer: bring the partnership back from a backup file. With
 * `interrupted`, the same form finishes a restore a crash cut short (the files found are moved aside).
 */
export function RestoreOnSetup({ onRestored, interrupted = false }: { onRestored: () => void; interrupted?: boolean }) {
  const api = useApi();
  const [file, setFile] = useState('');
  const [username, setUsername] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const restore = useSubmit<Record<string, never>>(fieldIdFor);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    void restore.submit(() => api.call('setup.restoreBackup', { path: file, username, passphrase }), onRestored);
  };

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-busy={restore.busy}
      aria-labelledby="setup-restore-heading"
      className="nhsuk-u-width-two-thirds"
    >
      <h2 className="nhsuk-heading-m" id="setup-restore-heading">
        {interrupted ? 'Finish the interrupted restore' : 'Moving to a new computer?'}
      </h2>
      <p className="nhsuk-body">
        {interrupted
          ? 'Restore the same backup file again. The files found here are moved aside, never deleted.'
          : 'Restore your partnership from a backup file instead of setting up a new one. It is checked before anything is written.'}
      </p>
      <ErrorSummary fieldErrors={restore.fieldErrors} message={restore.message} />
      <TextInput
        id="setup-restore-path"
        label="Backup file"
        hint="The full path of the .wwbackup file."
        value={file}
        error={restore.fieldErrors['setup-restore-path']}
        onValueChange={setFile}
        autoComplete="off"
        spellCheck={false}
      />
      <TextInput
        id="setup-restore-username"
        label="Your username"
        value={username}
        error={restore.fieldErrors['setup-restore-username']}
        onValueChange={setUsername}
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        className="nhsuk-u-width-one-half"
      />
      <TextInput
        id="setup-restore-passphrase"
        type="password"
        label="Your passphrase"
        value={passphrase}
        error={restore.fieldErrors['setup-restore-passphrase']}
        onValueChange={setPassphrase}
        autoComplete="current-password"
      />
      <button type="submit" className="nhsuk-button nhsuk-button--secondary" disabled={restore.busy}>
        {restore.busy ? 'Checking the backup…' : 'Restore from backup'}
      </button>
    </form>
  );
}
