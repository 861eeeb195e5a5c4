import { useState } from 'react';
import { CLINICAL_LEAD_ROLES } from '../../../core/risk/risk-qualification';
import type { PartnershipConfig } from '../../../core/schemas/config/partnership-config';
import { ROLE_LABELS } from '../../../core/roles';
import { useApi } from '../../api/api-context';
import { CheckboxGroup } from '../../components/checkbox-group';
import { ErrorSummary } from '../../components/error-summary';
import { useSubmit } from '../../components/use-submit';
import { SettingsPage } from './settings-page';
import { usePartnershipConfig } from './use-partnership-config';
import { offers } from '../../can-call';

/**
 * Clinical leads: the clinicians who, with the mental health practitioner, may acknowledge PHQ-9
 * risk flags. Only clinicians' accounts are offered (the services refuse anyone else).
 */
export function ClinicalLeadsScreen() {
  const { config, error, reload } = usePartnershipConfig();
  return (
    <SettingsPage title="Clinical leads for risk" back="settings">
      <p className="nhsuk-body">
        A PHQ-9 risk flag may be acknowledged only by the mental health practitioner or a clinician named here as a clinical lead. Name the
        clinicians your partnership has agreed are competent to review risk.
      </p>
      <ErrorSummary fieldErrors={{}} message={error} />
      {config !== undefined && <ClinicalLeadsForm key={config.clinicalLeads.version} config={config} onSaved={() => void reload()} />}
    </SettingsPage>
  );
}

function ClinicalLeadsForm({ config, onSaved }: { config: PartnershipConfig; onSaved: () => void }) {
  const api = useApi();
  const [usernames, setUsernames] = useState<string[]>(config.clinicalLeads.usernames);
  const [saved, setSaved] = useState<string | undefined>(undefined);
  const clinicians = config.accounts.filter((account) => CLINICAL_LEAD_ROLES.includes(account.role));
  // The error summary links to the first checkbox, as CheckboxGroup names it.
  const save = useSubmit<unknown>((path) => (path === 'usernames' ? `clinical-leads-${clinicians[0]?.username ?? ''}` : path));
  return (
    <form
      noValidate
      {...offers('config.saveClinicalLeads')}
      onSubmit={(event) => {
        event.preventDefault();
        setSaved(undefined);
        void save.submit(
          () => api.call('config.saveClinicalLeads', { usernames, version: config.clinicalLeads.version }),
          () => {
            setSaved('Clinical leads saved.');
            onSaved();
          },
        );
      }}
    >
      <ErrorSummary fieldErrors={save.fieldErrors} message={save.message} />
      <div role="status">{saved}</div>
      <CheckboxGroup
        name="clinical-leads"
        legend="Clinical leads"
        hint="Mental health practitioners may always acknowledge; naming them here changes nothing."
        error={Object.values(save.fieldErrors)[0]}
        values={usernames}
        options={clinicians.map((account) => ({ value: account.username, label: `${account.displayName} (${ROLE_LABELS[account.role]})` }))}
        onValuesChange={setUsernames}
      />
      <button type="submit" className="nhsuk-button" disabled={save.busy}>
        Save clinical leads
      </button>
    </form>
  );
}
