import { useCallback, useState } from 'react';
import { useApi } from '../../api/api-context';
import { offers } from '../../can-call';
import { ErrorSummary } from '../../components/error-summary';
import { TextInput } from '../../components/text-input';
import { useSubmit } from '../../components/use-submit';
import { useLoaded } from '../../use-loaded';
import { SettingsPage } from './settings-page';

/** The contract names the field `areaCode`; the form's input is `area-code`. */
const fieldIdFor = (path: string) => (path === 'areaCode' ? 'area-code' : path);

/**
 * The partnership's area code for the MI return (administrators; `config.saveAreaCode`): an ONS
 * integrated care board code for a partnership whose area is not one of the pilot areas. Blank
 * uses the pilot area chosen at setup or named by the partnership's name. A compare-and-set on the
 * version opened, synced like the other partnership settings.
 */
export function AreaCodeScreen() {
  const api = useApi();
  const { value, error, reload } = useLoaded(useCallback(() => api.call('config.areaCode', {}), [api]));
  const [saved, setSaved] = useState<string | undefined>(undefined);
  return (
    <SettingsPage title="Area code for the MI return" back="settings">
      <p className="nhsuk-body">
        The management-information return names the partnership’s area on every row. Set the integrated care board’s ONS code when your
        partnership is not one of the pilot areas; leave it blank to use the pilot area chosen when the partnership was set up.
      </p>
      {value !== undefined && (
        <p className="nhsuk-body" data-testid="area-code-in-effect">
          {value.inEffect === null ? 'The MI return sends no area code now.' : `The MI return sends the area code ${value.inEffect} now.`}
        </p>
      )}
      <ErrorSummary fieldErrors={{}} message={error} />
      <div role="status">{saved !== undefined && <p className="nhsuk-body">{saved}</p>}</div>
      {value !== undefined && (
        <AreaCodeForm
          key={value.version}
          areaCode={value.areaCode}
          version={value.version}
          onEdit={() => setSaved(undefined)}
          onSaved={() => {
            setSaved('Area code saved.');
            void reload();
          }}
        />
      )}
    </SettingsPage>
  );
}

function AreaCodeForm(props: { areaCode: string | null; version: number; onEdit: () => void; onSaved: () => void }) {
  const api = useApi();
  const [draft, setDraft] = useState(props.areaCode ?? '');
  const save = useSubmit<unknown>(fieldIdFor);
  return (
    <form
      noValidate
      aria-label="Area code for the MI return"
      {...offers('config.saveAreaCode')}
      onSubmit={(event) => {
        event.preventDefault();
        props.onEdit();
        void save.submit(() => api.call('config.saveAreaCode', { areaCode: draft, version: props.version }), props.onSaved);
      }}
    >
      <ErrorSummary fieldErrors={save.fieldErrors} message={save.message} />
      <TextInput
        id="area-code"
        label="Area code"
        hint="The ONS code of the integrated care board: E54 and 6 numbers, like E54000061. Leave blank to use the pilot area."
        className="nhsuk-input--width-20"
        spellCheck={false}
        value={draft}
        error={save.fieldErrors['area-code']}
        onValueChange={setDraft}
      />
      <button type="submit" className="nhsuk-button" disabled={save.busy}>
        Save area code
      </button>
    </form>
  );
}
