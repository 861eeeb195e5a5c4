import { CONTACT_MODE_LABELS, CONTACT_MODES, EMPLOYMENT_STATUS_LABELS, EMPLOYMENT_STATUSES } from '../core/schemas/referral';
import type { PublicFormError, PublicFormField, PublicFormValues } from './public-referral-fields';

/** Where the form's stylesheet is served (server/public-referral-router.ts): under the form's own prefix. */
export const PUBLIC_FORM_STYLESHEET = '/refer/assets/nhsuk-frontend.min.css';

/** The name of the spam trap: a field a person is told to leave empty, hidden from sight. */
export const HONEYPOT_FIELD = 'website';

const ROUTE_CHOICES: ReadonlyArray<{ value: string; label: string; hint?: string }> = [
  { value: 'self_referral', label: 'I am referring myself' },
  { value: 'gp', label: 'A GP practice' },
  { value: 'employer', label: 'An employer' },
  { value: 'jobcentre_plus', label: 'Jobcentre Plus' },
  { value: 'community_service', label: 'A local or community service' },
];

/** Text for HTML, never markup: everything a person typed goes through here. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** A whole page in the NHS design system's layout: header, one main column, nothing scripted. */
export function publicPage(title: string, main: string): string {
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)} - WorkWell</title>
<link rel="stylesheet" href="${PUBLIC_FORM_STYLESHEET}">
</head>
<body>
<a class="nhsuk-skip-link" href="#maincontent">Skip to main content</a>
<header class="nhsuk-header" role="banner">
<div class="nhsuk-header__container nhsuk-width-container">
<div class="nhsuk-header__service"><span class="nhsuk-header__service-name">WorkWell: help to stay in or get back to work</span></div>
</div>
</header>
<div class="nhsuk-width-container">
<main class="nhsuk-main-wrapper" id="maincontent">
<div class="nhsuk-grid-row"><div class="nhsuk-grid-column-two-thirds">
${main}
</div></div>
</main>
</div>
</body>
</html>`;
}

interface FieldView {
  readonly values: PublicFormValues;
  readonly errors: ReadonlyMap<PublicFormField | 'form', string>;
}

function errorMessage(view: FieldView, field: PublicFormField): string {
  const message = view.errors.get(field);
  return message === undefined
    ? ''
    : `<span class="nhsuk-error-message" id="${field}-error"><span class="nhsuk-u-visually-hidden">Error:</span> ${escapeHtml(message)}</span>`;
}

function group(view: FieldView, field: PublicFormField, inner: string): string {
  return `<div class="nhsuk-form-group${view.errors.has(field) ? ' nhsuk-form-group--error' : ''}">${inner}</div>`;
}

function describedBy(view: FieldView, field: PublicFormField, hint: boolean): string {
  const ids = [hint ? `${field}-hint` : '', view.errors.has(field) ? `${field}-error` : ''].filter((id) => id !== '');
  return ids.length === 0 ? '' : ` aria-describedby="${ids.join(' ')}"`;
}

function textInput(
  view: FieldView,
  field: PublicFormField,
  label: string,
  options: { hint?: string; autocomplete?: string; width?: string; type?: string; inputmode?: string } = {},
): string {
  const hint = options.hint === undefined ? '' : `<div class="nhsuk-hint" id="${field}-hint">${escapeHtml(options.hint)}</div>`;
  const width = options.width === undefined ? '' : ` nhsuk-input--width-${options.width}`;
  const error = view.errors.has(field) ? ' nhsuk-input--error' : '';
  const attributes = [
    options.autocomplete === undefined ? '' : ` autocomplete="${options.autocomplete}"`,
    options.inputmode === undefined ? '' : ` inputmode="${options.inputmode}"`,
  ].join('');
  return group(
    view,
    field,
    `<label class="nhsuk-label" for="${field}">${escapeHtml(label)}</label>${hint}${errorMessage(view, field)}
<input class="nhsuk-input${width}${error}" id="${field}" name="${field}" type="${options.type ?? 'text'}" value="${escapeHtml(view.values[field])}"${attributes}${describedBy(view, field, options.hint !== undefined)}>`,
  );
}

function radios(
  view: FieldView,
  field: PublicFormField,
  legend: string,
  choices: ReadonlyArray<{ value: string; label: string }>,
  heading = false,
): string {
  const items = choices
    .map(
      (choice, index) => `<div class="nhsuk-radios__item">
<input class="nhsuk-radios__input" id="${index === 0 ? field : `${field}-${index + 1}`}" name="${field}" type="radio" value="${choice.value}"${view.values[field] === choice.value ? ' checked' : ''}>
<label class="nhsuk-label nhsuk-radios__label" for="${index === 0 ? field : `${field}-${index + 1}`}">${escapeHtml(choice.label)}</label>
</div>`,
    )
    .join('\n');
  const legendClass = heading ? 'nhsuk-fieldset__legend nhsuk-fieldset__legend--m' : 'nhsuk-fieldset__legend nhsuk-fieldset__legend--s';
  return group(
    view,
    field,
    `<fieldset class="nhsuk-fieldset"${describedBy(view, field, false)}><legend class="${legendClass}">${escapeHtml(legend)}</legend>
${errorMessage(view, field)}<div class="nhsuk-radios">${items}</div></fieldset>`,
  );
}

function dateOfBirth(view: FieldView): string {
  const error = view.errors.has('dobDay') ? ' nhsuk-input--error' : '';
  const part = (field: 'dobDay' | 'dobMonth' | 'dobYear', label: string, width: number) => `<div class="nhsuk-date-input__item">
<div class="nhsuk-form-group"><label class="nhsuk-label nhsuk-date-input__label" for="${field}">${label}</label>
<input class="nhsuk-input nhsuk-date-input__input nhsuk-input--width-${width}${error}" id="${field}" name="${field}" type="text" inputmode="numeric" value="${escapeHtml(view.values[field])}"${field === 'dobDay' ? ' autocomplete="bday-day"' : field === 'dobMonth' ? ' autocomplete="bday-month"' : ' autocomplete="bday-year"'}></div></div>`;
  return group(
    view,
    'dobDay',
    `<fieldset class="nhsuk-fieldset" role="group" aria-describedby="dob-hint${view.errors.has('dobDay') ? ' dobDay-error' : ''}">
<legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Date of birth</legend>
<div class="nhsuk-hint" id="dob-hint">For example, 15 3 1984</div>${errorMessage(view, 'dobDay')}
<div class="nhsuk-date-input">${part('dobDay', 'Day', 2)}${part('dobMonth', 'Month', 2)}${part('dobYear', 'Year', 4)}</div></fieldset>`,
  );
}

function textarea(view: FieldView, field: PublicFormField, label: string, hint: string): string {
  const error = view.errors.has(field) ? ' nhsuk-textarea--error' : '';
  return group(
    view,
    field,
    `<label class="nhsuk-label" for="${field}">${escapeHtml(label)}</label><div class="nhsuk-hint" id="${field}-hint">${escapeHtml(hint)}</div>${errorMessage(view, field)}
<textarea class="nhsuk-textarea${error}" id="${field}" name="${field}" rows="5"${describedBy(view, field, true)}>${escapeHtml(view.values[field])}</textarea>`,
  );
}

function errorSummary(errors: readonly PublicFormError[]): string {
  if (errors.length === 0) return '';
  const items = errors
    .map(
      (error) =>
        `<li>${error.field === 'form' ? escapeHtml(error.message) : `<a href="#${error.field}">${escapeHtml(error.message)}</a>`}</li>`,
    )
    .join('');
  return `<div class="nhsuk-error-summary" aria-labelledby="error-summary-title" role="alert" tabindex="-1">
<h2 class="nhsuk-error-summary__title" id="error-summary-title">There is a problem</h2>
<div class="nhsuk-error-summary__body"><ul class="nhsuk-list nhsuk-error-summary__list">${items}</ul></div></div>`;
}

/**
 * The referral form: who is referring, the person's details as the inbox holds them, their work,
 * the reason, and their agreement to be contacted. With `errors`, the NHS error summary pattern:
 * the summary first, each message by its field, and every value as it was typed.
 */
export function referralFormPage(form: {
  action: string;
  partnershipName: string;
  stamp: string;
  values: PublicFormValues;
  errors: readonly PublicFormError[];
}): string {
  const view: FieldView = { values: form.values, errors: new Map(form.errors.map((error) => [error.field, error.message])) };
  const title = `${form.errors.length > 0 ? 'Error: ' : ''}Refer someone to WorkWell`;
  const consent = group(
    view,
    'consentToContact',
    `<fieldset class="nhsuk-fieldset"${describedBy(view, 'consentToContact', false)}><legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">Agreement to be contacted</legend>
${errorMessage(view, 'consentToContact')}<div class="nhsuk-checkboxes"><div class="nhsuk-checkboxes__item">
<input class="nhsuk-checkboxes__input" id="consentToContact" name="consentToContact" type="checkbox" value="yes"${form.values.consentToContact === 'yes' ? ' checked' : ''}>
<label class="nhsuk-label nhsuk-checkboxes__label" for="consentToContact">The person agrees to be contacted by the WorkWell service about this referral</label>
</div></div></fieldset>`,
  );
  const main = `${errorSummary(form.errors)}
<h1>Refer someone to WorkWell</h1>
<p>WorkWell (${escapeHtml(form.partnershipName)}) helps people with a health condition stay in work or get back to work. Use this form to refer yourself, or someone who has agreed to be referred.</p>
<p>The service will contact the person. This form does not show or send back anything you have entered.</p>
<form method="post" action="${escapeHtml(form.action)}" novalidate>
<input type="hidden" name="stamp" value="${escapeHtml(form.stamp)}">
${radios(view, 'route', 'Who is making this referral?', ROUTE_CHOICES, true)}
<h2>If you are referring someone else</h2>
${textInput(view, 'referrerName', 'Your name', { autocomplete: 'name' })}
${textInput(view, 'referrerOrganisation', 'Your organisation', { hint: 'For example, the GP practice, employer or Jobcentre' })}
${textInput(view, 'referrerContact', 'Your phone number or email address (optional)')}
<h2>The person being referred</h2>
${textInput(view, 'givenName', 'First name', { autocomplete: 'given-name' })}
${textInput(view, 'familyName', 'Last name', { autocomplete: 'family-name' })}
${dateOfBirth(view)}
${textInput(view, 'nhsNumber', 'NHS number (optional)', { hint: 'A 10 digit number, like 999 000 0018', width: '10', inputmode: 'numeric' })}
${textInput(view, 'phone', 'Phone number', { autocomplete: 'tel', type: 'tel', width: '20' })}
${textInput(view, 'email', 'Email address', { autocomplete: 'email', type: 'email', hint: 'Give a phone number, an email address or both' })}
${textInput(view, 'address', 'Address (optional)', { autocomplete: 'street-address' })}
${textInput(view, 'postcode', 'Postcode (optional)', { autocomplete: 'postal-code', width: '10' })}
${radios(
  view,
  'preferredContactMode',
  'How would the person prefer to be contacted?',
  CONTACT_MODES.map((mode) => ({ value: mode, label: CONTACT_MODE_LABELS[mode] })),
)}
<h2>Work</h2>
${radios(
  view,
  'employmentStatus',
  'What is the person’s work situation now?',
  EMPLOYMENT_STATUSES.map((status) => ({ value: status, label: EMPLOYMENT_STATUS_LABELS[status] })),
)}
${textInput(view, 'weeksOutOfWork', 'Weeks off work or out of work (optional)', { width: '4', inputmode: 'numeric' })}
${textInput(view, 'employerName', 'Employer (optional)', { autocomplete: 'organization' })}
${textInput(view, 'workPostcode', 'Workplace postcode (optional)', { width: '10' })}
${textInput(view, 'jobTitle', 'Job title (optional)', { autocomplete: 'organization-title' })}
${textarea(view, 'reason', 'Why are you making this referral?', 'For example, how their health affects their work')}
${consent}
<div class="nhsuk-u-visually-hidden">
<label for="${HONEYPOT_FIELD}">Leave this field empty (it is there to stop automated spam)</label>
<input id="${HONEYPOT_FIELD}" name="${HONEYPOT_FIELD}" type="text" tabindex="-1" autocomplete="off" value="">
</div>
<button class="nhsuk-button" type="submit">Send referral</button>
</form>`;
  return publicPage(title, main);
}

/** After a submission (stored or trapped alike): nothing about the referral, no id, nothing read back. */
export function thankYouPage(): string {
  return publicPage(
    'Referral sent',
    `<div class="nhsuk-panel"><h1 class="nhsuk-panel__title">Referral sent</h1></div>
<p>Thank you. The WorkWell service will contact the person.</p>
<p>If the person needs help urgently, contact their GP or call NHS 111. In an emergency, call 999.</p>`,
  );
}

/** A page saying what went wrong, in plain words, with no detail of the request. */
export function problemPage(heading: string, text: string): string {
  return publicPage(heading, `<h1>${escapeHtml(heading)}</h1><p>${escapeHtml(text)}</p>`);
}
