import { useEffect, useState } from 'react';
import { DEMO_PARTNERSHIP } from '../../../core/demo-partnership';
import type { SignedInUser } from '../../../core/schemas/session';
import { useApi } from '../../api/api-context';
import { ErrorSummary } from '../../components/error-summary';
import { PageLayout } from '../../components/page-layout';
import { SelectInput } from '../../components/select-input';
import { TextInput } from '../../components/text-input';
import { useSubmit } from '../../components/use-submit';
import { markUnlockSubmitted } from '../../performance-marks';
import { RecoverForm } from './recover-form';

const FIELD_IDS: Readonly<Record<string, string>> = { username: 'unlock-username', passphrase: 'unlock-passphrase' };
const fieldIdFor = (path: string) => FIELD_IDS[path] ?? 'unlock-passphrase';

export interface UnlockScreenProps {
  readonly partnershipName: string;
  readonly isDemo: boolean;
  readonly usernames: readonly string[];
  /** Who a lock they did not ask for signed out: chosen already, so they type only their passphrase. */
  readonly resumeUsername?: string | undefined;
  readonly onUnlocked: (user: SignedInUser) => void;
}

/** The store is locked: choose who you are and enter your passphrase. */
export function UnlockScreen({ partnershipName, isDemo, usernames, resumeUsername, onUnlocked }: UnlockScreenProps) {
  const api = useApi();
  const chosen = resumeUsername !== undefined && usernames.includes(resumeUsername) ? resumeUsername : undefined;
  const [username, setUsername] = useState(chosen ?? (usernames.length === 1 ? (usernames[0] ?? '') : ''));
  // Back after an idle lock: straight to the passphrase (after the page's heading has taken focus).
  useEffect(() => {
    if (chosen !== undefined) document.getElementById(FIELD_IDS.passphrase ?? '')?.focus();
  }, [chosen]);
  const [passphrase, setPassphrase] = useState('');
  const unlock = useSubmit<SignedInUser>(fieldIdFor);
  const [recovering, setRecovering] = useState(false);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    markUnlockSubmitted();
    void unlock.submit(() => api.call('session.unlock', { username, passphrase }), onUnlocked);
  };

  if (recovering) {
    return (
      <PageLayout title="Unlock WorkWell MDT" partnershipName={partnershipName} isDemo={isDemo}>
        <RecoverForm usernames={usernames} onRecovered={onUnlocked} onCancel={() => setRecovering(false)} />
      </PageLayout>
    );
  }

  return (
    <PageLayout title="Unlock WorkWell MDT" partnershipName={partnershipName} isDemo={isDemo}>
      <ErrorSummary fieldErrors={unlock.fieldErrors} message={unlock.message} />
      {isDemo && (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>
            Demo partnership: there is one user per team role, and every one has the passphrase <code>{DEMO_PARTNERSHIP.passphrase}</code>.
            Its recovery key is <code>{DEMO_PARTNERSHIP.recoveryKey}</code>.
          </p>
        </div>
      )}
      <form onSubmit={submit} noValidate aria-busy={unlock.busy} className="nhsuk-u-width-two-thirds">
        <SelectInput
          id="unlock-username"
          label="Who are you?"
          value={username}
          placeholder="Choose your username"
          options={usernames.map((name) => ({ value: name, label: name }))}
          error={unlock.fieldErrors['unlock-username']}
          onValueChange={setUsername}
        />
        <TextInput
          id="unlock-passphrase"
          type="password"
          label="Passphrase"
          value={passphrase}
          error={unlock.fieldErrors['unlock-passphrase']}
          onValueChange={setPassphrase}
          autoComplete="current-password"
          autoFocus={usernames.length === 1}
        />
        <button className="nhsuk-button" type="submit" disabled={unlock.busy}>
          {unlock.busy ? 'Unlocking…' : 'Unlock'}
        </button>
        {unlock.busy && (
          <p className="nhsuk-body-s" role="status">
            Checking your passphrase and opening the encrypted store.
          </p>
        )}
      </form>
      <p className="nhsuk-body">
        <button type="button" className="ww-text-button" onClick={() => setRecovering(true)}>
          Forgotten your passphrase? Use the recovery key
        </button>
      </p>
    </PageLayout>
  );
}
