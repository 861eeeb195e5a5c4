import { useCallback, useState } from 'react';
import type { EligibilityRules } from '../../../core/referrals/eligibility';
import { EMPLOYMENT_STATUS_LABELS, EMPLOYMENT_STATUSES } from '../../../core/schemas/referral';
import { useApi } from '../../api/api-context';
import { offers } from '../../can-call';
import { CheckboxGroup } from '../../components/checkbox-group';
import { ErrorSummary } from '../../components/error-summary';
import { TextInput } from '../../components/text-input';
import { useSubmit } from '../../components/use-submit';
import { useLoaded } from '../../use-loaded';
import { draftOf, draftProblems, FIELD_IDS, fieldIdFor, rulesOf, type Draft } from './eligibility-draft';
import { SettingsPage } from './settings-page';

/**
 * The partnership's referral eligibility rules (administrators; `config.saveEligibility`): the
 * inbox shows each referral against them. Every rule is optional; saving is a compare-and-set on
 * the version opened, so two administrators never overwrite each other.
 */
export function EligibilityScreen() {
  const api = useApi();
  const { value, error, reload } = useLoaded(useCallback(() => api.call('config.eligibility', {}), [api]));
  // Kept here, not in the form: the saved rules come back with a new version, which opens a fresh form.
  const [saved, setSaved] = useState<string | undefined>(undefined);
  return (
    <SettingsPage title="Eligibility for referrals" back="settings">
      <p className="nhsuk-body">
        The referral inbox shows each referral against these rules: met, not met, or unknown when the referral does not say. Leave a rule
        blank to not use it. Coordinators and coaches still decide each referral.
      </p>
      <ErrorSummary fieldErrors={{}} message={error} />
      <div role="status">{saved !== undefined && <p className="nhsuk-body">{saved}</p>}</div>
      {value !== undefined && (
        <EligibilityForm
          key={value.version}
          rules={value.rules}
          version={value.version}
          onEdit={() => setSaved(undefined)}
          onSaved={() => {
            setSaved('Eligibility rules saved. The inbox shows every referral against them.');
            void reload();
          }}
        />
      )}
    </SettingsPage>
  );
}

function EligibilityForm(props: { rules: EligibilityRules; version: number; onEdit: () => void; onSaved: () => void }) {
  const { rules, version, onEdit, onSaved } = props;
  const api = useApi();
  const [draft, setDraft] = useState<Draft>(() => draftOf(rules));
  const save = useSubmit<unknown>(fieldIdFor);
  const set =
    <K extends keyof Draft>(key: K) =>
    (value: Draft[K]) =>
      setDraft((current) => ({ ...current, [key]: value }));
  const error = (key: keyof Draft) => save.fieldErrors[FIELD_IDS[key] ?? key];
  return (
    <form
      noValidate
      aria-label="Eligibility rules"
      {...offers('config.saveEligibility')}
      onSubmit={(event) => {
        event.preventDefault();
        onEdit();
        const candidate = rulesOf(draft);
        const problems = draftProblems(draft);
        if (Object.keys(problems).length > 0) {
          save.showErrors(problems);
          return;
        }
        void save.submit(() => api.call('config.saveEligibility', { rules: candidate as EligibilityRules, version }), onSaved);
      }}
    >
      <ErrorSummary fieldErrors={save.fieldErrors} message={save.message} />
      {save.message !== undefined && (
        <p className="nhsuk-inset-text">
          If another administrator saved the rules after you opened this page, yours were not saved and theirs stand. Open this page again
          to see their rules, then make your change.
        </p>
      )}
      <CheckboxGroup
        name="eligibility-workStatuses"
        legend="Work statuses the service takes"
        hint="Tick none to take people whatever their work status."
        error={error('workStatuses')}
        values={draft.workStatuses}
        options={EMPLOYMENT_STATUSES.map((status) => ({ value: status, label: EMPLOYMENT_STATUS_LABELS[status] }))}
        onValuesChange={set('workStatuses')}
      />
      <TextInput
        id={FIELD_IDS.maxWeeksOutOfWork ?? ''}
        label="Longest time out of work, in weeks (optional)"
        hint="People in work or off sick are not held back by this rule."
        inputMode="numeric"
        className="nhsuk-input--width-4"
        value={draft.maxWeeksOutOfWork}
        error={error('maxWeeksOutOfWork')}
        onValueChange={set('maxWeeksOutOfWork')}
      />
      <TextInput
        id={FIELD_IDS.areaOutwardCodes ?? ''}
        label="Postcode districts the service covers (optional)"
        hint="Living or working in one of them counts. Separate them with commas or spaces, for example S1, S10, LS6."
        value={draft.areaOutwardCodes}
        error={error('areaOutwardCodes')}
        onValueChange={set('areaOutwardCodes')}
        autoComplete="off"
      />
      <TextInput
        id={FIELD_IDS.minAge ?? ''}
        label="Youngest age (optional)"
        hint="In whole years, on the day the referral came in."
        inputMode="numeric"
        className="nhsuk-input--width-3"
        value={draft.minAge}
        error={error('minAge')}
        onValueChange={set('minAge')}
      />
      <TextInput
        id={FIELD_IDS.maxAge ?? ''}
        label="Oldest age (optional)"
        inputMode="numeric"
        className="nhsuk-input--width-3"
        value={draft.maxAge}
        error={error('maxAge')}
        onValueChange={set('maxAge')}
      />
      <button type="submit" className="nhsuk-button" disabled={save.busy}>
        Save eligibility rules
      </button>
    </form>
  );
}
