import {
  CONTACT_MODE_LABELS,
  CONTACT_MODES,
  EMPLOYER_SIZE_LABELS,
  EMPLOYER_SIZES,
  EMPLOYMENT_STATUS_LABELS,
  EMPLOYMENT_STATUSES,
  type RegisterParticipantInput,
} from '../../../core/schemas/referral';
import type { ParticipantDetailsSnapshot } from '../../../core/schemas/participant-details-snapshot';
import { formatNhsNumber } from '../../../core/nhs-number';
import { CheckboxInput } from '../../components/checkbox-input';
import { DateInput } from '../../components/date-input';
import { RadioGroup } from '../../components/radio-group';
import { SelectInput } from '../../components/select-input';
import { TextInput } from '../../components/text-input';
import { TextareaInput } from '../../components/textarea-input';
import { EMPTY_MONITORING_FORM, MonitoringFields, monitoringFormFrom, toMonitoringInput, type MonitoringForm } from './monitoring-fields';

/** Server field paths ("person.givenName") become input ids ("person-givenName"). */
export const fieldIdFor = (path: string) => path.replace(/\./g, '-');

/** A select's or radio group's options from a value list and its labels. */
export const options = <T extends string>(values: readonly T[], labels: Readonly<Record<T, string>>) =>
  values.map((value) => ({ value, label: labels[value] }));

/** The person and their work as the form holds them: every field as typed. */
export type PersonForm = {
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  nhsNumber: string;
  phone: string;
  email: string;
  address: string;
  preferredContactMode: (typeof CONTACT_MODES)[number];
  employmentStatus: string;
  employerName: string;
  employerSize: (typeof EMPLOYER_SIZES)[number];
  employerContact: string;
  mayContactEmployer: boolean;
  jobTitle: string;
  physicalDemands: string;
  cognitiveDemands: string;
  gpOdsCode: string;
  gpPracticeName: string;
  monitoring: MonitoringForm;
};

export const EMPTY_PERSON: PersonForm = {
  givenName: '',
  familyName: '',
  dateOfBirth: '',
  nhsNumber: '',
  phone: '',
  email: '',
  address: '',
  preferredContactMode: 'phone',
  employmentStatus: '',
  employerName: '',
  employerSize: 'unknown',
  employerContact: '',
  mayContactEmployer: false,
  jobTitle: '',
  physicalDemands: '',
  cognitiveDemands: '',
  gpOdsCode: '',
  gpPracticeName: '',
  monitoring: EMPTY_MONITORING_FORM,
};

/** The form as the contract's `person`, `employment`, `monitoring` and `gpPractice` (registration and editing take the same). */
export function toPersonInput(form: PersonForm): Pick<RegisterParticipantInput, 'person' | 'employment' | 'monitoring' | 'gpPractice'> {
  return {
    person: {
      givenName: form.givenName,
      familyName: form.familyName,
      dateOfBirth: form.dateOfBirth,
      nhsNumber: form.nhsNumber,
      phone: form.phone,
      email: form.email,
      address: form.address,
      preferredContactMode: form.preferredContactMode,
    },
    employment: {
      status: form.employmentStatus as never,
      employerName: form.employerName,
      employerSize: form.employerSize,
      employerContact: form.employerContact,
      mayContactEmployer: form.mayContactEmployer,
      jobTitle: form.jobTitle,
      physicalDemands: form.physicalDemands,
      cognitiveDemands: form.cognitiveDemands,
    },
    // Both blank means not known: the contract turns that into null.
    gpPractice: { odsCode: form.gpOdsCode, name: form.gpPracticeName },
    monitoring: toMonitoringInput(form.monitoring),
  };
}

/** Sets one field of the form (a form that holds more than these fields passes its own setter). */
export type PersonFieldSetter = <K extends keyof PersonForm>(key: K) => (value: PersonForm[K]) => void;

/** The form filled from a person's details as they stand, for an edit. */
export function personFormFrom(details: ParticipantDetailsSnapshot): PersonForm {
  const { employment } = details;
  return {
    givenName: details.givenName,
    familyName: details.familyName,
    dateOfBirth: details.dateOfBirth,
    nhsNumber: details.nhsNumber === null ? '' : formatNhsNumber(details.nhsNumber),
    phone: details.phone ?? '',
    email: details.email ?? '',
    address: details.address ?? '',
    preferredContactMode: details.preferredContactMode,
    employmentStatus: employment.status,
    employerName: employment.employerName ?? '',
    employerSize: employment.employerSize,
    employerContact: employment.employerContact ?? '',
    mayContactEmployer: employment.mayContactEmployer,
    jobTitle: employment.jobTitle ?? '',
    physicalDemands: employment.physicalDemands ?? '',
    cognitiveDemands: employment.cognitiveDemands ?? '',
    gpOdsCode: details.gpPractice?.odsCode ?? '',
    gpPracticeName: details.gpPractice?.name ?? '',
    monitoring: monitoringFormFrom(details.monitoring),
  };
}

/**
 * The person's details and their work, as registration asks them and an edit changes them: one
 * set of fields, so the two cannot drift apart. `error` gives a field's message by its contract path.
 */
export function PersonAndWorkFields({
  form,
  set,
  error,
}: {
  form: PersonForm;
  set: PersonFieldSetter;
  error: (path: string) => string | undefined;
}) {
  return (
    <>
      <h2 className="nhsuk-heading-m">The person</h2>
      <TextInput
        id="person-givenName"
        label="Given name"
        value={form.givenName}
        error={error('person.givenName')}
        onValueChange={set('givenName')}
        autoComplete="off"
      />
      <TextInput
        id="person-familyName"
        label="Family name"
        value={form.familyName}
        error={error('person.familyName')}
        onValueChange={set('familyName')}
        autoComplete="off"
      />
      <DateInput
        id="person-dateOfBirth"
        label="Date of birth"
        value={form.dateOfBirth}
        error={error('person.dateOfBirth')}
        onValueChange={set('dateOfBirth')}
      />
      <TextInput
        id="person-nhsNumber"
        label="NHS number (optional)"
        hint="10 digits, for example 999 000 0018"
        value={form.nhsNumber}
        error={error('person.nhsNumber')}
        onValueChange={set('nhsNumber')}
        inputMode="numeric"
        className="nhsuk-input--width-10"
        autoComplete="off"
      />
      <TextInput
        id="person-phone"
        type="tel"
        label="Phone (optional)"
        value={form.phone}
        error={error('person.phone')}
        onValueChange={set('phone')}
        className="nhsuk-u-width-one-half"
        autoComplete="off"
      />
      <TextInput
        id="person-email"
        type="email"
        label="Email (optional)"
        value={form.email}
        error={error('person.email')}
        onValueChange={set('email')}
        autoComplete="off"
      />
      <TextareaInput
        id="person-address"
        label="Address (optional)"
        value={form.address}
        error={error('person.address')}
        onValueChange={set('address')}
        rows={2}
      />
      <RadioGroup
        name="person-preferredContactMode"
        legend="How do they prefer to be contacted?"
        value={form.preferredContactMode}
        options={options(CONTACT_MODES, CONTACT_MODE_LABELS)}
        onValueChange={set('preferredContactMode')}
      />

      <h2 className="nhsuk-heading-m">GP practice</h2>
      <TextInput
        id="gpPractice-odsCode"
        label="GP practice ODS code (optional)"
        hint="A letter and 5 numbers, for example A81001"
        value={form.gpOdsCode}
        error={error('gpPractice.odsCode')}
        onValueChange={set('gpOdsCode')}
        className="nhsuk-input--width-10"
        autoComplete="off"
      />
      <TextInput
        id="gpPractice-name"
        label="GP practice name (optional)"
        value={form.gpPracticeName}
        error={error('gpPractice.name')}
        onValueChange={set('gpPracticeName')}
        autoComplete="off"
      />

      <h2 className="nhsuk-heading-m">Work</h2>
      <SelectInput
        id="employment-status"
        label="Employment status at first contact"
        value={form.employmentStatus}
        placeholder="Choose a status"
        options={options(EMPLOYMENT_STATUSES, EMPLOYMENT_STATUS_LABELS)}
        error={error('employment.status')}
        onValueChange={set('employmentStatus')}
      />
      <TextInput
        id="employment-jobTitle"
        label="Job title (optional)"
        value={form.jobTitle}
        error={error('employment.jobTitle')}
        onValueChange={set('jobTitle')}
        autoComplete="off"
      />
      <TextareaInput
        id="employment-physicalDemands"
        label="Main physical demands of the job (optional)"
        value={form.physicalDemands}
        error={error('employment.physicalDemands')}
        onValueChange={set('physicalDemands')}
        rows={2}
      />
      <TextareaInput
        id="employment-cognitiveDemands"
        label="Main cognitive demands of the job (optional)"
        value={form.cognitiveDemands}
        error={error('employment.cognitiveDemands')}
        onValueChange={set('cognitiveDemands')}
        rows={2}
      />
      <TextInput
        id="employment-employerName"
        label="Employer (optional)"
        value={form.employerName}
        error={error('employment.employerName')}
        onValueChange={set('employerName')}
        autoComplete="off"
      />
      <SelectInput
        id="employment-employerSize"
        label="Employer size"
        value={form.employerSize}
        options={options(EMPLOYER_SIZES, EMPLOYER_SIZE_LABELS)}
        onValueChange={(value) => set('employerSize')(value as PersonForm['employerSize'])}
      />
      <TextInput
        id="employment-employerContact"
        label="Employer contact (optional)"
        value={form.employerContact}
        error={error('employment.employerContact')}
        onValueChange={set('employerContact')}
        autoComplete="off"
      />
      <CheckboxInput
        id="employment-mayContactEmployer"
        label="The person agrees we may contact their employer"
        checked={form.mayContactEmployer}
        onCheckedChange={set('mayContactEmployer')}
      />
      <MonitoringFields
        form={form.monitoring}
        set={(key) => (value) => set('monitoring')({ ...form.monitoring, [key]: value })}
        error={error}
      />
    </>
  );
}
