import { useState } from 'react';
import type { ExportSettings } from '../../../core/schemas/fhir-export';
import { useApi } from '../../api/api-context';
import { ErrorSummary } from '../../components/error-summary';
import { TextInput } from '../../components/text-input';
import { useSubmit } from '../../components/use-submit';
import { offers } from '../../can-call';

const fieldId = (path: string) => `export-settings-${path === 'baseUrl' ? 'base-url' : path}`;

/**
 * Where the partnership export goes (administrators): a folder and/or a FHIR base address with a
 * bearer token. The token is write-only: the screen says whether one is set, never shows it.
 */
export function ExportSettingsForm({ settings, onSaved }: { settings: ExportSettings; onSaved: (settings: ExportSettings) => void }) {
  const api = useApi();
  const [folder, setFolder] = useState(settings.folder ?? '');
  const [baseUrl, setBaseUrl] = useState(settings.baseUrl ?? '');
  const [token, setToken] = useState('');
  const [saved, setSaved] = useState(false);
  const save = useSubmit<ExportSettings>(fieldId);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setSaved(false);
    // A blank token box keeps the stored token.
    void save.submit(
      () => api.call('exports.saveSettings', token === '' ? { folder, baseUrl } : { folder, baseUrl, token }),
      (value) => {
        setToken('');
        setSaved(true);
        onSaved(value);
      },
    );
  };

  return (
    <>
      <ErrorSummary fieldErrors={save.fieldErrors} message={save.message} />
      {saved && (
        <div className="ww-saved" role="status">
          <p className="nhsuk-body nhsuk-u-margin-bottom-0">Export destinations saved.</p>
        </div>
      )}
      <form onSubmit={submit} noValidate aria-busy={save.busy} className="nhsuk-u-width-two-thirds" {...offers('exports.saveSettings')}>
        <TextInput
          id="export-settings-folder"
          label="Folder (file drop)"
          hint="The full path of a folder the partnership system collects from, for example /srv/workwell-drop or D:\Exports. Leave blank for none."
          value={folder}
          error={save.fieldErrors['export-settings-folder']}
          onValueChange={setFolder}
          autoComplete="off"
          spellCheck={false}
        />
        <TextInput
          id="export-settings-base-url"
          label="FHIR base address"
          hint="Where to send the bundles, starting https://. Leave blank for none."
          value={baseUrl}
          error={save.fieldErrors['export-settings-base-url']}
          onValueChange={setBaseUrl}
          autoComplete="off"
          spellCheck={false}
          inputMode="url"
        />
        <TextInput
          id="export-settings-token"
          type="password"
          label="Access token"
          hint={
            settings.tokenSet
              ? 'A token is saved. Type a new one to replace it, or leave blank to keep it.'
              : 'The bearer token the partnership system gave you. It is stored encrypted and never shown again.'
          }
          value={token}
          error={save.fieldErrors['export-settings-token']}
          onValueChange={setToken}
          autoComplete="off"
        />
        <button type="submit" className="nhsuk-button nhsuk-button--secondary" disabled={save.busy}>
          {save.busy ? 'Saving…' : 'Save destinations'}
        </button>
      </form>
    </>
  );
}
