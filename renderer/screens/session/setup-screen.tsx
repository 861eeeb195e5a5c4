import { useState } from 'react';
import { PILOT_ICB_AREAS } from '../../../core/icb-areas';
import type { SignedInUser } from '../../../core/schemas/session';
import { useApi } from '../../api/api-context';
import { ErrorSummary } from '../../components/error-summary';
import { PageLayout } from '../../components/page-layout';
import { PassphraseFeedback } from '../../components/passphrase-feedback';
import { RadioGroup } from '../../components/radio-group';
import { SelectInput } from '../../components/select-input';
import { TextInput } from '../../components/text-input';
import { useSubmit } from '../../components/use-submit';
import { RecoveryKeyPanel } from '../security/recovery-key-panel';
import { RestoreOnSetup } from './restore-on-setup';

/** Server field paths -> the ids of this form's inputs. */
const FIELD_IDS: Readonly<Record<string, string>> = {
  'partnership.icbCode': 'icb-code',
  'partnership.name': 'partnership-name',
  'admin.username': 'admin-username',
  'admin.displayName': 'admin-display-name',
  'admin.passphrase': 'admin-passphrase',
};
const fieldIdFor = (path: string) => FIELD_IDS[path] ?? 'partnership-kind-pilot';

type PartnershipKind = 'pilot' | 'custom';

/**
 * First run: create the partnership, its encrypted store and the first administrator, or open a
 * demo partnership of synthetic people to explore.
 */
export function SetupScreen({ onDone, onRestored }: { onDone: (user: SignedInUser) => void; onRestored?: () => void }) {
  const api = useApi();
  const [kind, setKind] = useState<PartnershipKind>('pilot');
  const [icbCode, setIcbCode] = useState('');
  const [customName, setCustomName] = useState('');
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const setup = useSubmit<SignedInUser & { recoveryKey?: string }>(fieldIdFor);
  const [created, setCreated] = useState<{ user: SignedInUser; recoveryKey: string } | undefined>(undefined);
  const demo = useSubmit<SignedInUser>();

  const create = (event: React.FormEvent) => {
    event.preventDefault();
    if (passphrase !== confirmation) {
      setup.showErrors({ 'admin-passphrase-confirm': 'The two passphrases do not match' });
      return;
    }
    void setup.submit(
      () =>
        api.call('setup.createPartnership', {
          partnership: kind === 'pilot' ? { kind, icbCode: icbCode as never } : { kind, name: customName },
          admin: { username, displayName, passphrase },
        }),
      ({ recoveryKey, ...user }) => (recoveryKey === undefined ? onDone(user) : setCreated({ user, recoveryKey })),
    );
  };

  if (created !== undefined) {
    return (
      <PageLayout title="Save your recovery key">
        <RecoveryKeyPanel recoveryKey={created.recoveryKey} doneLabel="I have saved it: continue" onDone={() => onDone(created.user)} />
      </PageLayout>
    );
  }

  const busy = setup.busy || demo.busy;
  return (
    <PageLayout title="Set up WorkWell MDT">
      <ErrorSummary fieldErrors={setup.fieldErrors} message={setup.message ?? demo.message} />
      <p className="nhsuk-body-l">
        Records are kept only on this computer, in an encrypted store. Set up your partnership and its first administrator.
      </p>
      <form onSubmit={create} noValidate aria-busy={setup.busy}>
        <h2 className="nhsuk-heading-m">Your partnership</h2>
        <RadioGroup<PartnershipKind>
          name="partnership-kind"
          legend="Which WorkWell partnership is this?"
          value={kind}
          onValueChange={setKind}
          options={[
            { value: 'pilot', label: 'One of the pilot integrated care board areas' },
            { value: 'custom', label: 'Another partnership', hint: 'For example a rollout area or a local team name' },
          ]}
        />
        {kind === 'pilot' ? (
          <SelectInput
            id="icb-code"
            label="Integrated care board area"
            value={icbCode}
            placeholder="Choose an area"
            options={PILOT_ICB_AREAS.map((area) => ({ value: area.code, label: area.name }))}
            error={setup.fieldErrors['icb-code']}
            onValueChange={setIcbCode}
          />
        ) : (
          <TextInput
            id="partnership-name"
            label="Partnership name"
            value={customName}
            error={setup.fieldErrors['partnership-name']}
            onValueChange={setCustomName}
            autoComplete="organization"
          />
        )}

        <h2 className="nhsuk-heading-m">First administrator</h2>
        <TextInput
          id="admin-display-name"
          label="Full name"
          value={displayName}
          error={setup.fieldErrors['admin-display-name']}
          onValueChange={setDisplayName}
          autoComplete="name"
        />
        <TextInput
          id="admin-username"
          label="Username"
          hint="Letters, numbers and dots, for example a.khan"
          value={username}
          error={setup.fieldErrors['admin-username']}
          onValueChange={setUsername}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          className="nhsuk-u-width-one-half"
        />
        <TextInput
          id="admin-passphrase"
          type="password"
          label="Passphrase"
          hint="At least 12 characters. Three or four unrelated words are easy to remember and hard to guess. If every administrator forgets theirs, only the recovery key shown next can set a new one."
          value={passphrase}
          error={setup.fieldErrors['admin-passphrase']}
          onValueChange={setPassphrase}
          autoComplete="new-password"
          after={<PassphraseFeedback passphrase={passphrase} id="admin-passphrase-strength" />}
        />
        <TextInput
          id="admin-passphrase-confirm"
          type="password"
          label="Confirm passphrase"
          value={confirmation}
          error={setup.fieldErrors['admin-passphrase-confirm']}
          onValueChange={setConfirmation}
          autoComplete="new-password"
        />
        <button className="nhsuk-button" type="submit" disabled={busy} aria-disabled={busy}>
          {setup.busy ? 'Creating the encrypted store…' : 'Create partnership'}
        </button>
        {setup.busy && (
          <p className="nhsuk-body-s" role="status">
            Protecting the data key with your passphrase. This takes a second or two.
          </p>
        )}
      </form>

      <hr className="nhsuk-section-break nhsuk-section-break--l nhsuk-section-break--visible" />
      <h2 className="nhsuk-heading-m">Just exploring?</h2>
      <p>Open a demo partnership filled with synthetic people. Its passphrase is public, so never put real records in it.</p>
      <button
        className="nhsuk-button nhsuk-button--secondary"
        type="button"
        disabled={busy}
        onClick={() => void demo.submit(() => api.call('setup.createDemoPartnership', {}), onDone)}
      >
        {demo.busy ? 'Creating the demo partnership…' : 'Open a demo partnership'}
      </button>
      {demo.busy && (
        <p className="nhsuk-body-s" role="status">
          Creating synthetic people. This takes a few seconds.
        </p>
      )}
      {onRestored !== undefined && (
        <>
          <hr className="nhsuk-section-break nhsuk-section-break--l nhsuk-section-break--visible" />
          <RestoreOnSetup onRestored={onRestored} />
        </>
      )}
    </PageLayout>
  );
}
