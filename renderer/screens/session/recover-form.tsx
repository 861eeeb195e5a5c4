import { useState } from 'react';
import type { SignedInUser } from '../../../core/schemas/session';
import { useApi } from '../../api/api-context';
import { ErrorSummary } from '../../components/error-summary';
import { PassphraseFeedback } from '../../components/passphrase-feedback';
import { SelectInput } from '../../components/select-input';
import { TextInput } from '../../components/text-input';
import { useSubmit } from '../../components/use-submit';

const FIELD_IDS: Readonly<Record<string, string>> = {
  recoveryKey: 'recovery-key',
  username: 'recovery-username',
  newPassphrase: 'recovery-new-passphrase',
};
const fieldIdFor = (path: string) => FIELD_IDS[path] ?? 'recovery-key';

/**
 * On the unlock screen: an administrator who forgot their passphrase types the recovery key and
 * chooses a new passphrase, and is signed in.
 */
export function RecoverForm({
  usernames,
  onRecovered,
  onCancel,
}: {
  usernames: readonly string[];
  onRecovered: (user: SignedInUser) => void;
  onCancel: () => void;
}) {
  const api = useApi();
  const [recoveryKey, setRecoveryKey] = useState('');
  const [username, setUsername] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const recover = useSubmit<SignedInUser>(fieldIdFor);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (passphrase !== confirmation) {
      recover.showErrors({ 'recovery-new-passphrase-confirm': 'The two passphrases do not match' });
      return;
    }
    void recover.submit(() => api.call('session.recover', { recoveryKey, username, newPassphrase: passphrase }), onRecovered);
  };

  return (
    <form onSubmit={submit} noValidate aria-busy={recover.busy} aria-labelledby="recover-heading" className="nhsuk-u-width-two-thirds">
      <h2 className="nhsuk-heading-m" id="recover-heading" tabIndex={-1} ref={(element) => element?.focus()}>
        Set a new administrator passphrase
      </h2>
      <ErrorSummary fieldErrors={recover.fieldErrors} message={recover.message} />
      <p className="nhsuk-body">Only for administrators. Other users: ask an administrator to give you a new account.</p>
      <TextInput
        id="recovery-key"
        label="Recovery key"
        hint="32 letters and digits, as shown when the partnership was set up. Dashes and spaces are optional."
        value={recoveryKey}
        error={recover.fieldErrors['recovery-key']}
        onValueChange={setRecoveryKey}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
      />
      <SelectInput
        id="recovery-username"
        label="Administrator"
        placeholder="Choose your username"
        value={username}
        options={usernames.map((name) => ({ value: name, label: name }))}
        error={recover.fieldErrors['recovery-username']}
        onValueChange={setUsername}
      />
      <TextInput
        id="recovery-new-passphrase"
        type="password"
        label="New passphrase"
        hint="At least 12 characters. Three or four unrelated words work well."
        value={passphrase}
        error={recover.fieldErrors['recovery-new-passphrase']}
        onValueChange={setPassphrase}
        autoComplete="new-password"
        after={<PassphraseFeedback passphrase={passphrase} id="recovery-passphrase-strength" />}
      />
      <TextInput
        id="recovery-new-passphrase-confirm"
        type="password"
        label="Confirm the new passphrase"
        value={confirmation}
        error={recover.fieldErrors['recovery-new-passphrase-confirm']}
        onValueChange={setConfirmation}
        autoComplete="new-password"
      />
      <div className="ww-actions">
        <button className="nhsuk-button" type="submit" disabled={recover.busy}>
          {recover.busy ? 'Checking the recovery key…' : 'Set passphrase and unlock'}
        </button>
        <button className="nhsuk-button nhsuk-button--secondary" type="button" onClick={onCancel}>
          Back to unlock
        </button>
      </div>
    </form>
  );
}
