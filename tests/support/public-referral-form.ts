import { httpCall, type HttpAnswer } from './http-call';

/** A person's answers on the public referral form that pass every check (synthetic; NHS number from the 999 test range). */
export function goodFormFields(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    route: 'gp',
    referrerName: 'Dr Example',
    referrerOrganisation: 'Example Street Surgery',
    referrerContact: '0114 496 0000',
    givenName: 'Robin',
    familyName: 'Formperson',
    dobDay: '17',
    dobMonth: '5',
    dobYear: '1980',
    nhsNumber: '',
    phone: '07700 900123',
    email: '',
    address: '1 Example Road, Sheffield',
    postcode: 'S1 2HE',
    preferredContactMode: 'phone',
    employmentStatus: 'off_sick_fit_note',
    weeksOutOfWork: '6',
    employerName: 'Example Foods',
    workPostcode: 'S10 1AA',
    jobTitle: 'Warehouse operative',
    reason: 'Back pain since the summer; wants to return to work.',
    consentToContact: 'yes',
    website: '',
    ...overrides,
  };
}

/** The hidden signed timestamp of a served form. */
export function stampOf(page: string): string {
  const stamp = /name="stamp" value="([^"]+)"/.exec(page)?.[1];
  if (stamp === undefined) throw new Error('The page holds no form stamp.');
  return stamp;
}

/** GETs the form as a client at `address` (X-Forwarded-For from loopback, as from the TLS proxy in front). */
export function openForm(url: string, address: string): Promise<HttpAnswer> {
  return httpCall(url, { headers: { 'X-Forwarded-For': address } });
}

/** POSTs `fields` as the browser sends a form (application/x-www-form-urlencoded) from `address`. */
export function sendForm(url: string, fields: Record<string, string>, address: string): Promise<HttpAnswer> {
  return httpCall(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Forwarded-For': address },
    body: new URLSearchParams(fields).toString(),
  });
}

/** Opens the form, waits as a person would (longer than the server's minimum fill time), and sends it. */
export async function fillAndSend(url: string, fields: Record<string, string>, address: string, waitMs: number): Promise<HttpAnswer> {
  const stamp = stampOf((await openForm(url, address)).text);
  await new Promise((resolve) => setTimeout(resolve, waitMs));
  return sendForm(url, { ...fields, stamp }, address);
}
