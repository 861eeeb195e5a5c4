import { joinDateParts } from '../core/date-entry';
import { fieldErrors } from '../core/field-errors';
import { inboxReferralInputSchema, type InboxReferral } from '../core/referrals/inbox-referral';

/** The routes the public form offers: a person referring themselves, or a referrer of one of these kinds. */
export const PUBLIC_FORM_ROUTES = ['self_referral', 'gp', 'employer', 'jobcentre_plus', 'community_service'] as const;

/** The form's fields, in the order they appear (and their errors are listed). */
export const PUBLIC_FORM_FIELDS = [
  'route',
  'referrerName',
  'referrerOrganisation',
  'referrerContact',
  'givenName',
  'familyName',
  'dobDay',
  'dobMonth',
  'dobYear',
  'nhsNumber',
  'phone',
  'email',
  'address',
  'postcode',
  'preferredContactMode',
  'employmentStatus',
  'weeksOutOfWork',
  'employerName',
  'workPostcode',
  'jobTitle',
  'reason',
  'consentToContact',
] as const;
export type PublicFormField = (typeof PUBLIC_FORM_FIELDS)[number];

/** What was typed, field by field ('' when absent), so a form with errors comes back as it was sent. */
export type PublicFormValues = Readonly<Record<PublicFormField, string>>;

/** One problem, on the field whose id the error summary links to ('form': the whole form, no link). */
export interface PublicFormError {
  readonly field: PublicFormField | 'form';
  readonly message: string;
}

export type PublicFormOutcome =
  | { readonly kind: 'referral'; readonly referral: InboxReferral }
  | { readonly kind: 'errors'; readonly errors: readonly PublicFormError[] };

/** The longest value kept from one field: the schema's own limits are far below it; this only bounds the page sent back. */
const MAX_FIELD_CHARS = 4_000;

/** The inbox schema's paths, as the form's fields. */
const FIELD_OF_PATH: Readonly<Record<string, PublicFormField>> = {
  'person.givenName': 'givenName',
  'person.familyName': 'familyName',
  'person.dateOfBirth': 'dobDay',
  'person.nhsNumber': 'nhsNumber',
  'person.phone': 'phone',
  'person.email': 'email',
  'person.address': 'address',
  'person.postcode': 'postcode',
  'person.preferredContactMode': 'preferredContactMode',
  'employment.status': 'employmentStatus',
  'employment.weeksOutOfWork': 'weeksOutOfWork',
  'employment.employerName': 'employerName',
  'employment.workPostcode': 'workPostcode',
  'employment.jobTitle': 'jobTitle',
  'referral.route': 'route',
  'referral.referrerName': 'referrerName',
  'referral.referrerOrganisation': 'referrerOrganisation',
  'referral.referrerContact': 'referrerContact',
  'referral.reason': 'reason',
  consentToContact: 'consentToContact',
};

/** The typed values of a form body: the first of each known field, bounded; anything else is ignored. */
export function formValues(body: URLSearchParams): PublicFormValues {
  return Object.fromEntries(PUBLIC_FORM_FIELDS.map((field) => [field, (body.get(field) ?? '').slice(0, MAX_FIELD_CHARS)])) as Record<
    PublicFormField,
    string
  >;
}

/** Blank as undefined, so the inbox schema's optional fields read it as "not given". */
function given(value: string): string | undefined {
  return value.trim() === '' ? undefined : value;
}

/**
 * Checks a submitted form against the inbox's own schema (the same rules as an import or a referral
 * typed in the app), plus what a form from the public needs: a referrer names themselves and their
 * organisation, there is a way to contact the person, and they agreed to be contacted. `today` (in
 * England) is the referral's date: the day it came in.
 */
export function checkPublicForm(values: PublicFormValues, today: string): PublicFormOutcome {
  const errors = new Map<PublicFormField, string>();
  const route = (PUBLIC_FORM_ROUTES as readonly string[]).includes(values.route) ? values.route : undefined;
  if (route === undefined) errors.set('route', 'Choose who is making this referral');
  const weeks = values.weeksOutOfWork.trim();
  if (weeks !== '' && !/^\d{1,4}$/.test(weeks)) errors.set('weeksOutOfWork', 'Weeks out of work must be a whole number, like 6');
  const candidate = {
    person: {
      givenName: values.givenName,
      familyName: values.familyName,
      dateOfBirth: joinDateParts({ day: values.dobDay, month: values.dobMonth, year: values.dobYear }),
      nhsNumber: given(values.nhsNumber),
      phone: given(values.phone),
      email: given(values.email),
      address: given(values.address),
      postcode: given(values.postcode),
      preferredContactMode: values.preferredContactMode,
    },
    employment: {
      status: values.employmentStatus,
      employerName: given(values.employerName),
      workPostcode: given(values.workPostcode),
      jobTitle: given(values.jobTitle),
      weeksOutOfWork: weeks === '' || errors.has('weeksOutOfWork') ? null : Number(weeks),
    },
    referral: {
      date: today,
      route: route ?? 'self_referral',
      referrerName: given(values.referrerName),
      referrerOrganisation: given(values.referrerOrganisation),
      referrerContact: given(values.referrerContact),
      reason: values.reason,
    },
    consentToContact: values.consentToContact === 'yes',
  };
  const parsed = inboxReferralInputSchema.safeParse(candidate);
  if (!parsed.success)
    for (const [path, message] of Object.entries(fieldErrors(parsed.error))) {
      const field = FIELD_OF_PATH[path];
      if (field !== undefined && !errors.has(field))
        errors.set(field, path === 'person.dateOfBirth' ? dateOfBirthMessage(message) : message);
    }
  if (route !== undefined && route !== 'self_referral') {
    if (values.referrerName.trim() === '' && !errors.has('referrerName')) errors.set('referrerName', 'Enter your name');
    if (values.referrerOrganisation.trim() === '' && !errors.has('referrerOrganisation'))
      errors.set('referrerOrganisation', 'Enter the name of your organisation');
  }
  if (values.phone.trim() === '' && values.email.trim() === '' && !errors.has('phone'))
    errors.set('phone', 'Enter a phone number or an email address, so the service can contact the person');
  if (values.consentToContact !== 'yes')
    errors.set('consentToContact', 'Confirm that the person agrees to be contacted by the WorkWell service');
  if (errors.size > 0 || !parsed.success)
    return {
      kind: 'errors',
      errors: errors.size > 0 ? ordered(errors) : [{ field: 'reason', message: 'Check the answers and send the form again' }],
    };
  return { kind: 'referral', referral: parsed.data };
}

/** The NHS date input's words for the date of birth ("Enter a date" says which date). */
function dateOfBirthMessage(message: string): string {
  return message === 'Enter a date' ? 'Enter the date of birth' : message.replace(/^The date /, 'The date of birth ');
}

function ordered(errors: ReadonlyMap<PublicFormField, string>): PublicFormError[] {
  return PUBLIC_FORM_FIELDS.filter((field) => errors.has(field)).map((field) => ({ field, message: errors.get(field)! }));
}
