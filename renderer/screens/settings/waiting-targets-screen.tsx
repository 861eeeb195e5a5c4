import { useCallback, useState } from 'react';
import { WAIT_LABELS, WAITS, type Wait, type WaitingTargets } from '../../../core/dashboard/waiting-targets';
import { useApi } from '../../api/api-context';
import { offers } from '../../can-call';
import { ErrorSummary } from '../../components/error-summary';
import { TextInput } from '../../components/text-input';
import { useSubmit } from '../../components/use-submit';
import { useLoaded } from '../../use-loaded';
import { SettingsPage } from './settings-page';

const fieldId = (wait: Wait) => `target-${wait}`;
/** The contract names a field `targets.firstContact`; the form's input is `target-firstContact`. */
const fieldIdFor = (path: string) => (path.startsWith('targets.') ? `target-${path.slice('targets.'.length)}` : path);

/**
 * The partnership's waiting-time targets (administrators; `config.saveWaitingTargets`): days from
 * referral to first contact, to the joined-up assessment and to an agreed plan, which the dashboard
 * measures against. Defaults until saved; saving is a compare-and-set on the version opened.
 */
export function WaitingTargetsScreen() {
  const api = useApi();
  const { value, error, reload } = useLoaded(useCallback(() => api.call('config.waitingTargets', {}), [api]));
  const [saved, setSaved] = useState<string | undefined>(undefined);
  return (
    <SettingsPage title="Waiting-time targets" back="settings">
      <p className="nhsuk-body">
        The dashboard shows how many people referred in a period reached each step within these targets, counted in calendar days from their
        referral date.
        {value?.version === 0 && ' These are the defaults: no one has set this partnership’s targets yet.'}
      </p>
      <ErrorSummary fieldErrors={{}} message={error} />
      <div role="status">{saved !== undefined && <p className="nhsuk-body">{saved}</p>}</div>
      {value !== undefined && (
        <TargetsForm
          key={value.version}
          targets={value.targets}
          version={value.version}
          onEdit={() => setSaved(undefined)}
          onSaved={() => {
            setSaved('Waiting-time targets saved.');
            void reload();
          }}
        />
      )}
    </SettingsPage>
  );
}

function TargetsForm(props: { targets: WaitingTargets; version: number; onEdit: () => void; onSaved: () => void }) {
  const api = useApi();
  const [draft, setDraft] = useState<Record<Wait, string>>(
    () => Object.fromEntries(WAITS.map((wait) => [wait, String(props.targets[wait])])) as Record<Wait, string>,
  );
  const save = useSubmit<unknown>(fieldIdFor);
  return (
    <form
      noValidate
      aria-label="Waiting-time targets"
      {...offers('config.saveWaitingTargets')}
      onSubmit={(event) => {
        event.preventDefault();
        props.onEdit();
        // Blank or not a number is sent as null: the contract's message says what to enter.
        const targets = Object.fromEntries(
          WAITS.map((wait) => [wait, /^\s*\d+\s*$/.test(draft[wait]) ? Number(draft[wait]) : null]),
        ) as unknown as WaitingTargets;
        void save.submit(() => api.call('config.saveWaitingTargets', { targets, version: props.version }), props.onSaved);
      }}
    >
      <ErrorSummary fieldErrors={save.fieldErrors} message={save.message} />
      {WAITS.map((wait) => (
        <TextInput
          key={wait}
          id={fieldId(wait)}
          label={`${WAIT_LABELS[wait]}, in days`}
          inputMode="numeric"
          className="nhsuk-input--width-3"
          value={draft[wait]}
          error={save.fieldErrors[fieldId(wait)]}
          onValueChange={(text) => setDraft((current) => ({ ...current, [wait]: text }))}
        />
      ))}
      <button type="submit" className="nhsuk-button" disabled={save.busy}>
        Save targets
      </button>
    </form>
  );
}
