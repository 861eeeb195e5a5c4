import { useState } from 'react';
import { useApi } from '../../api/api-context';
import { AppPage } from '../../components/app-page';
import { ErrorSummary } from '../../components/error-summary';
import { PassphraseFeedback } from '../../components/passphrase-feedback';
import { TextInput } from '../../components/text-input';
import { useSubmit } from '../../components/use-submit';
import { routeHref } from '../../routing';
import { offers } from '../../can-call';

const FIELD_IDS: Readonly<Record<string, string>> = { currentPassphrase: 'current-passphrase', newPassphrase: 'new-passphrase' };
const fieldIdFor = (path: string) => FIELD_IDS[path] ?? 'current-passphrase';

/** Change your own passphrase: only your key slot is re-wrapped, so it takes a second. */
export function ChangePassphraseScreen() {
  const api = useApi();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [done, setDone] = useState(false);
  const change = useSubmit<Record<string, never>>(fieldIdFor);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (next !== confirmation) {
      change.showErrors({ 'new-passphrase-confirm': 'The two new passphrases do not match' });
      return;
    }
    void change.submit(
      () => api.call('account.changePassphrase', { currentPassphrase: current, newPassphrase: next }),
      () => {
        setDone(true);
        setCurrent('');
        setNext('');
        setConfirmation('');
      },
    );
  };

  return (
    <AppPage title="Change your passphrase">
      <a className="nhsuk-back-link" href={routeHref({ name: 'caseload' })}>
        Back to the caseload
      </a>
      <ErrorSummary fieldErrors={change.fieldErrors} message={change.message} />
      {done && (
        <div className="nhsuk-inset-text" role="status" data-testid="passphrase-changed">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>Your passphrase has been changed. Use the new one next time you unlock.</p>
        </div>
      )}
      <form
        onSubmit={submit}
        noValidate
        aria-busy={change.busy}
        className="nhsuk-u-width-two-thirds"
        {...offers('account.changePassphrase')}
      >
        <TextInput
          id="current-passphrase"
          type="password"
          label="Current passphrase"
          value={current}
          error={change.fieldErrors['current-passphrase']}
          onValueChange={setCurrent}
          autoComplete="current-password"
        />
        <TextInput
          id="new-passphrase"
          type="password"
          label="New passphrase"
          hint="At least 12 characters. Three or four unrelated words are easy to remember and hard to guess."
          value={next}
          error={change.fieldErrors['new-passphrase']}
          onValueChange={setNext}
          autoComplete="new-password"
          after={<PassphraseFeedback passphrase={next} id="new-passphrase-strength" />}
        />
        <TextInput
          id="new-passphrase-confirm"
          type="password"
          label="Confirm the new passphrase"
          value={confirmation}
          error={change.fieldErrors['new-passphrase-confirm']}
          onValueChange={setConfirmation}
          autoComplete="new-password"
        />
        <button className="nhsuk-button" type="submit" disabled={change.busy}>
          {change.busy ? 'Changing…' : 'Change passphrase'}
        </button>
      </form>
    </AppPage>
  );
}
