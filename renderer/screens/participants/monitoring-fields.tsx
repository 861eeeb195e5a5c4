import {
  BENEFIT_STATUS_LABELS,
  BENEFIT_STATUSES,
  DISABILITY_ANSWERS,
  DISABILITY_LABELS,
  ETHNIC_CATEGORIES,
  ETHNIC_CATEGORY_LABELS,
  SEX_LABELS,
  SEXES,
  type ParticipantMonitoring,
} from '../../../core/schemas/participant-monitoring';
import { SelectInput } from '../../components/select-input';

/** The monitoring answers as the form holds them: '' is not recorded (not asked). */
export type MonitoringForm = { sex: string; ethnicity: string; disability: string; benefitStatus: string };

export const EMPTY_MONITORING_FORM: MonitoringForm = { sex: '', ethnicity: '', disability: '', benefitStatus: '' };

/** The record's answers as the form shows them. */
export function monitoringFormFrom(monitoring: ParticipantMonitoring): MonitoringForm {
  return {
    sex: monitoring.sex ?? '',
    ethnicity: monitoring.ethnicity ?? '',
    disability: monitoring.disability ?? '',
    benefitStatus: monitoring.benefitStatus ?? '',
  };
}

/** The form's answers as the contract takes them: a blank choice is null (not recorded). */
export function toMonitoringInput(form: MonitoringForm): ParticipantMonitoring {
  const orNull = (value: string) => (value === '' ? null : value);
  return {
    sex: orNull(form.sex) as ParticipantMonitoring['sex'],
    ethnicity: orNull(form.ethnicity) as ParticipantMonitoring['ethnicity'],
    disability: orNull(form.disability) as ParticipantMonitoring['disability'],
    benefitStatus: orNull(form.benefitStatus) as ParticipantMonitoring['benefitStatus'],
  };
}

const choices = <T extends string>(values: readonly T[], labels: Readonly<Record<T, string>>) =>
  values.map((value) => ({ value, label: labels[value] }));

/**
 * Sex, ethnicity, disability and benefit status for the service's evaluation (issue 20 item 9):
 * every one optional, "Not recorded" until asked, with an answer for a person who chose not to
 * say. Selects rather than radios so a wrong answer can be taken back to "Not recorded".
 */
export function MonitoringFields({
  form,
  set,
  error,
}: {
  form: MonitoringForm;
  set: <K extends keyof MonitoringForm>(key: K) => (value: MonitoringForm[K]) => void;
  error: (path: string) => string | undefined;
}) {
  return (
    <>
      <h2 className="nhsuk-heading-m">About the person, for monitoring</h2>
      <p className="nhsuk-body-s">
        Optional. Ask the person; they may choose not to say. The management-information return sends ethnicity and disability only with the
        person’s evaluation consent in force, and never their date of birth (only an age band).
      </p>
      <SelectInput
        id="monitoring-sex"
        label="Sex (optional)"
        value={form.sex}
        placeholder="Not recorded"
        options={choices(SEXES, SEX_LABELS)}
        error={error('monitoring.sex')}
        onValueChange={set('sex')}
      />
      <SelectInput
        id="monitoring-ethnicity"
        label="Ethnic category (optional)"
        hint="As the person describes themselves (NHS Data Dictionary categories)."
        value={form.ethnicity}
        placeholder="Not recorded"
        options={choices(ETHNIC_CATEGORIES, ETHNIC_CATEGORY_LABELS)}
        error={error('monitoring.ethnicity')}
        onValueChange={set('ethnicity')}
      />
      <SelectInput
        id="monitoring-disability"
        label="Do they consider themselves to have a disability? (optional)"
        value={form.disability}
        placeholder="Not recorded"
        options={choices(DISABILITY_ANSWERS, DISABILITY_LABELS)}
        error={error('monitoring.disability')}
        onValueChange={set('disability')}
      />
      <SelectInput
        id="monitoring-benefitStatus"
        label="Benefits at first contact (optional)"
        hint="The main benefit they receive. Someone on Universal Credit and Personal Independence Payment is Universal Credit."
        value={form.benefitStatus}
        placeholder="Not recorded"
        options={choices(BENEFIT_STATUSES, BENEFIT_STATUS_LABELS)}
        error={error('monitoring.benefitStatus')}
        onValueChange={set('benefitStatus')}
      />
    </>
  );
}

/** Shows one answer: its label, or "Not recorded" when never asked. */
const shown =
  <T extends string>(labels: Readonly<Record<T, string>>) =>
  (value: T | null) =>
    value === null ? 'Not recorded' : labels[value];

/** Each monitoring answer's label on the record and how the record shows it (the record's list and its history). */
export const MONITORING_SUMMARY: ReadonlyArray<readonly [string, (monitoring: ParticipantMonitoring) => string]> = [
  ['Sex', (m) => shown(SEX_LABELS)(m.sex)],
  ['Ethnic category', (m) => shown(ETHNIC_CATEGORY_LABELS)(m.ethnicity)],
  ['Disability', (m) => shown(DISABILITY_LABELS)(m.disability)],
  ['Benefits at first contact', (m) => shown(BENEFIT_STATUS_LABELS)(m.benefitStatus)],
];
