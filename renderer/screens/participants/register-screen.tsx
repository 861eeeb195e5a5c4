import { useState } from 'react';
import {
  REFERRAL_ROUTE_LABELS,
  REFERRAL_ROUTES,
  type PossibleDuplicate,
  type RegisterParticipantInput,
} from '../../../core/schemas/referral';
import { todayInLondon } from '../../../core/clock';
import { useApi } from '../../api/api-context';
import { AppPage } from '../../components/app-page';
import { ErrorSummary } from '../../components/error-summary';
import { SelectInput } from '../../components/select-input';
import { TextInput } from '../../components/text-input';
import { TextareaInput } from '../../components/textarea-input';
import { useSubmit } from '../../components/use-submit';
import { navigate, routeHref } from '../../routing';
import { DateInput } from '../../components/date-input';
import { offers } from '../../can-call';
import {
  EMPTY_PERSON,
  fieldIdFor,
  options,
  PersonAndWorkFields,
  toPersonInput,
  type PersonFieldSetter,
  type PersonForm,
} from './person-and-work-fields';
import { hasSameNhsNumber, PossibleDuplicatesCallout } from './possible-duplicates-callout';

type Form = PersonForm & {
  referralDate: string;
  route: string;
  referrerName: string;
  referrerOrganisation: string;
  reason: string;
};

const EMPTY: Form = {
  ...EMPTY_PERSON,
  referralDate: '',
  route: '',
  referrerName: '',
  referrerOrganisation: '',
  reason: '',
};

function toInput(form: Form, confirmedNotDuplicate: boolean, newEpisodeOf?: string): RegisterParticipantInput {
  return {
    ...toPersonInput(form),
    referral: {
      date: form.referralDate,
      route: form.route as never,
      referrerName: form.referrerName,
      referrerOrganisation: form.referrerOrganisation,
      reason: form.reason,
    },
    confirmedNotDuplicate,
    ...(newEpisodeOf === undefined ? {} : { newEpisodeOf }),
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

  const save = (confirmedNotDuplicate: boolean, newEpisodeOf?: string) =>
    register.submit(
      () => api.call('participants.register', toInput(form, confirmedNotDuplicate, newEpisodeOf)),
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
        <PossibleDuplicatesCallout
          duplicates={duplicates}
          heading="h2"
          testId="possible-duplicates"
          action={(match) =>
            // A closed case: this referral can start their next episode (their details stay as on their record).
            match.status === 'exited' && (
              <div>
                <button
                  type="button"
                  className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-2"
                  disabled={register.busy}
                  {...offers('participants.register')}
                  onClick={() => void save(false, match.id)}
                >
                  Start a new episode for {match.reference} with this referral
                </button>
                <p className="nhsuk-body-s">
                  Their case is closed. The details typed here replace those on their record as a new version (blank answers keep theirs);
                  the earlier ones stay readable there.
                </p>
              </div>
            )
          }
        >
          {!sameNhsNumber && (
            <button type="button" className="nhsuk-button nhsuk-button--secondary" disabled={register.busy} onClick={() => void save(true)}>
              These are different people: register anyway
            </button>
          )}
        </PossibleDuplicatesCallout>
      )}
      <form onSubmit={(event) => void submit(event)} noValidate aria-busy={register.busy} {...offers('participants.register')}>
        <PersonAndWorkFields form={form} set={set as PersonFieldSetter} error={error} />

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
