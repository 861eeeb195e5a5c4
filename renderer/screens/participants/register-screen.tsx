import { useState } from 'react';
import {
  CONTACT_MODE_LABELS,
  CONTACT_MODES,
  EMPLOYER_SIZE_LABELS,
  EMPLOYER_SIZES,
  EMPLOYMENT_STATUS_LABELS,
  EMPLOYMENT_STATUSES,
  REFERRAL_ROUTE_LABELS,
  REFERRAL_ROUTES,
  type PossibleDuplicate,
  type RegisterParticipantInput,
} from '../../../core/schemas/referral';
import { todayInLondon } from '../../../core/clock';
import { useApi } from '../../api/api-context';
import { AppPage } from '../../components/app-page';
import { CheckboxInput } from '../../components/checkbox-input';
import { ErrorSummary } from '../../components/error-summary';
import { RadioGroup } from '../../components/radio-group';
import { SelectInput } from '../../components/select-input';
import { TextInput } from '../../components/text-input';
import { TextareaInput } from '../../components/textarea-input';
import { useSubmit } from '../../components/use-submit';
import { navigate, routeHref } from '../../routing';
import { DateInput } from '../../components/date-input';
import { offers } from '../../can-call';
import { hasSameNhsNumber, PossibleDuplicatesCallout } from './possible-duplicates-callout';

/** Server field paths ("person.givenName") become input ids ("person-givenName"). */
const fieldIdFor = (path: string) => path.replace(/\./g, '-');

const options = <T extends string>(values: readonly T[], labels: Readonly<Record<T, string>>) =>
  values.map((value) => ({ value, label: labels[value] }));

type Form = {
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
  referralDate: string;
  route: string;
  referrerName: string;
  referrerOrganisation: string;
  reason: string;
};

const EMPTY: Form = {
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
  referralDate: '',
  route: '',
  referrerName: '',
  referrerOrganisation: '',
  reason: '',
};

function toInput(form: Form, confirmedNotDuplicate: boolean): RegisterParticipantInput {
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
    referral: {
      date: form.referralDate,
      route: form.route as never,
      referrerName: form.referrerName,
      referrerOrganisation: form.referrerOrganisation,
      reason: form.reason,
    },
    confirmedNotDuplicate,
  };
}

/** The coach registers a new person and their referral, with a duplicate check first. */
export function RegisterScreen() {
  const api = useApi();
  // The referral date starts at today in London (the app's clock): most referrals are registered the day they arrive.
  const [form, setForm] = useState<Form>(() => ({ ...EMPTY, referralDate: todayInLondon() }));
  const [duplicates, setDuplicates] = useState<readonly PossibleDuplicate[] | undefined>(undefined);
  const register = useSubmit<{ id: string; reference: string }>(fieldIdFor);
  const set =
    <K extends keyof Form>(key: K) =>
    (value: Form[K]) =>
      setForm((current) => ({ ...current, [key]: value }));
  const error = (path: string) => register.fieldErrors[fieldIdFor(path)];

  const save = (confirmedNotDuplicate: boolean) =>
    register.submit(
      () => api.call('participants.register', toInput(form, confirmedNotDuplicate)),
      (registered) => navigate({ name: 'participant', id: registered.id }),
    );

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const check = await api.call('participants.checkDuplicates', {
      givenName: form.givenName,
      familyName: form.familyName,
      dateOfBirth: form.dateOfBirth,
      nhsNumber: form.nhsNumber,
    });
    if (check.ok && check.value.matches.length > 0) {
      setDuplicates(check.value.matches);
      return;
    }
    setDuplicates(undefined);
    await save(false);
  };

  const sameNhsNumber = duplicates !== undefined && hasSameNhsNumber(duplicates);
  return (
    <AppPage title="Register a referral">
      <ErrorSummary fieldErrors={register.fieldErrors} message={register.message} />
      {duplicates !== undefined && (
        <PossibleDuplicatesCallout duplicates={duplicates} heading="h2" testId="possible-duplicates">
          {!sameNhsNumber && (
            <button type="button" className="nhsuk-button nhsuk-button--secondary" disabled={register.busy} onClick={() => void save(true)}>
              These are different people: register anyway
            </button>
          )}
        </PossibleDuplicatesCallout>
      )}
      <form onSubmit={(event) => void submit(event)} noValidate aria-busy={register.busy} {...offers('participants.register')}>
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
          hint="10 digits, for example 485 777 3456"
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
          onValueChange={(value) => set('employerSize')(value as Form['employerSize'])}
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

        <h2 className="nhsuk-heading-m">Referral</h2>
        <DateInput
          id="referral-date"
          label="Referral date"
          value={form.referralDate}
          error={error('referral.date')}
          onValueChange={set('referralDate')}
        />
        <SelectInput
          id="referral-route"
          label="Referral route"
          value={form.route}
          placeholder="Choose a route"
          options={options(REFERRAL_ROUTES, REFERRAL_ROUTE_LABELS)}
          error={error('referral.route')}
          onValueChange={set('route')}
        />
        <TextInput
          id="referral-referrerName"
          label="Referrer name (optional)"
          value={form.referrerName}
          error={error('referral.referrerName')}
          onValueChange={set('referrerName')}
          autoComplete="off"
        />
        <TextInput
          id="referral-referrerOrganisation"
          label="Referrer organisation (optional)"
          value={form.referrerOrganisation}
          error={error('referral.referrerOrganisation')}
          onValueChange={set('referrerOrganisation')}
          autoComplete="off"
        />
        <TextareaInput
          id="referral-reason"
          label="Reason for referral"
          value={form.reason}
          error={error('referral.reason')}
          onValueChange={set('reason')}
        />

        <div className="ww-actions">
          <button className="nhsuk-button" type="submit" disabled={register.busy}>
            {register.busy ? 'Registering…' : 'Register referral'}
          </button>
          <a className="nhsuk-link" href={routeHref({ name: 'caseload' })}>
            Cancel
          </a>
        </div>
      </form>
    </AppPage>
  );
}
