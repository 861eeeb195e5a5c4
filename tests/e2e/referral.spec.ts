import { formatNhsNumber, syntheticNhsNumber } from '../../core/nhs-number';
import { expectNoAxeViolations } from './accessibility';
import { expect, openApp, test } from './host-fixture';
import { expectDate, fillDate } from './date-input';
import { signInAs } from './demo-sign-in';

// Far beyond the demo's 240 people, so it cannot collide with them.
const NHS_NUMBER = syntheticNhsNumber(800_000);

test('a coach registers a referral, is warned about a duplicate, and records and withdraws consent', async ({ page, host }, testInfo) => {
  await openApp(page, host);
  await page.getByRole('button', { name: 'Open a demo partnership' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Caseload' })).toBeVisible();

  await page.getByRole('button', { name: 'Register a referral' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Register a referral' })).toBeVisible();
  // The referral date starts at today in London (the app's fixed test clock: 6 December 2026).
  await expectDate(page, 'Referral date', '2026-12-06');

  // Bad input first: field-level messages, and what was typed stays.
  await page.getByLabel('Given name').fill('Robin');
  await page.getByLabel('NHS number (optional)').fill('999 000 0019');
  await page.getByRole('button', { name: 'Register referral' }).click();
  const summary = page.getByRole('alert');
  await expect(summary).toContainText('Enter the family name');
  await expect(summary).toContainText('Enter a valid 10-digit NHS number, or leave it blank');
  await expect(summary).toContainText('Enter the reason for referral');
  await expect(page.getByLabel('Given name')).toHaveValue('Robin');
  await expectNoAxeViolations(page);

  await page.getByLabel('Family name').fill('Synthetica');
  await fillDate(page, 'Date of birth', '1979-06-15');
  await page.getByLabel('NHS number (optional)').fill(formatNhsNumber(NHS_NUMBER));
  await page.getByLabel('Video').check();
  await page.getByLabel('Employment status at first contact').selectOption({ label: 'Off sick, with a fit note' });
  await page.getByLabel('Job title (optional)').fill('Bus driver');
  await page.getByLabel('Employer (optional)').fill('Example Buses Ltd');
  await page.getByLabel('The person agrees we may contact their employer').check();
  // The GP practice (issue 20 item 8): its ODS code is typed loosely and stored as the practice's code.
  await page.getByLabel('GP practice ODS code (optional)').fill('y02 906');
  await page.getByLabel('GP practice name (optional)').fill('Synthetic Lane Medical Centre');
  // Monitoring answers for the MI return (issue 20 item 9): optional, "Not recorded" until chosen.
  await expect(page.getByLabel('Sex (optional)')).toHaveValue('');
  await page.getByLabel('Sex (optional)').selectOption({ label: 'Female' });
  await page.getByLabel('Ethnic category (optional)').selectOption({ label: 'Black or Black British: African' });
  await page.getByLabel('Benefits at first contact (optional)').selectOption({ label: 'Universal Credit' });
  await fillDate(page, 'Referral date', '2026-11-02');
  await page.getByLabel('Referral route').selectOption({ label: 'Fit note conversation' });
  await page.getByLabel('Reason for referral').fill('Low mood and neck pain; off work for three weeks.');
  await page.screenshot({ path: testInfo.outputPath('register-form.png'), fullPage: true });
  await page.getByRole('button', { name: 'Register referral' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Robin Synthetica' })).toBeVisible();
  const banner = page.getByTestId('patient-banner');
  await expect(banner.getByText(/^WW-\d{6}$/)).toBeVisible();
  await expect(banner.getByText('Referred', { exact: true })).toBeVisible();
  await expect(page.getByText(formatNhsNumber(NHS_NUMBER))).toBeVisible();
  await expect(page.getByText('Fit note conversation')).toBeVisible();
  await expect(page.getByText('Synthetic Lane Medical Centre (ODS code Y02906)')).toBeVisible();
  await expect(page.locator('#record-details')).toContainText('Black or Black British: African');
  await expect(page.locator('#record-details')).toContainText('Universal Credit');
  // The demo opens as its administrator, who is sent the person's details and no clinical content.
  await expect(page.getByTestId('clinical-withheld')).toContainText('not shown to administrators');
  await expect(page.getByRole('heading', { name: 'Outcome measures' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Action plan' })).toHaveCount(0);
  await expectNoAxeViolations(page);

  // Consent to share with the employer: record it, then withdraw it.
  const consent = page.getByTestId('consent-table');
  await consent.getByRole('button', { name: 'Record decision: Share agreed adjustments with the employer' }).click();
  await page.getByLabel('How it was recorded').selectOption({ label: 'Verbally (in person, by phone or video)' });
  await page.getByRole('button', { name: 'Save consent decision' }).click();
  await expect(consent.getByRole('row', { name: /Share agreed adjustments with the employer/ })).toContainText('Given on');
  await consent.getByRole('button', { name: 'Withdraw: Share agreed adjustments with the employer' }).click();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Save withdrawal' }).click();
  await expect(consent.getByRole('row', { name: /Share agreed adjustments with the employer/ })).toContainText('Withdrawn on');

  // The rest in one form: one date and one method for every purpose the person answered.
  await page.getByRole('button', { name: 'Record consent decisions' }).click();
  const form = page.getByRole('form', { name: 'Record consent decisions' });
  await form.getByRole('button', { name: 'Save consent decisions' }).click();
  await expect(page.getByRole('alert')).toContainText('Choose given or declined for at least one purpose');
  await form.getByRole('group', { name: 'Receive the WorkWell service' }).getByLabel('Given', { exact: true }).check();
  await form.getByRole('group', { name: 'Share with the partnership system' }).getByLabel('Given', { exact: true }).check();
  await form
    .getByRole('group', { name: /Share with DWP/ })
    .getByLabel('Declined', { exact: true })
    .check();
  await form.getByRole('group', { name: 'Take part in the evaluation' }).getByLabel('Given', { exact: true }).check();
  await expectDate(form, 'Date of the decisions', '2026-12-06');
  await fillDate(form, 'Date of the decisions', '2026-12-05');
  await form.getByLabel('How it was recorded').selectOption({ label: 'Written, signed form' });
  await expectNoAxeViolations(page);
  await form.getByRole('button', { name: 'Save consent decisions' }).click();
  await expect(consent.getByRole('row', { name: /Receive the WorkWell service/ })).toContainText(
    'Given on 5 December 2026, written, signed form',
  );
  await expect(consent.getByRole('row', { name: /Share with the partnership system/ })).toContainText('Given on 5 December 2026');
  await expect(consent.getByRole('row', { name: /Share with DWP/ })).toContainText('Declined on 5 December 2026');
  await expect(consent.getByRole('row', { name: /Take part in the evaluation/ })).toContainText('Given on 5 December 2026');
  await expect(consent.getByRole('row', { name: /Share agreed adjustments with the employer/ })).toContainText('Withdrawn on');
  await page.screenshot({ path: testInfo.outputPath('participant-record.png'), fullPage: true });

  // The same NHS number again: the existing record is offered, and registering is not.
  await page.getByRole('link', { name: 'Back to the caseload' }).click();
  await page.getByRole('button', { name: 'Register a referral' }).click();
  await page.getByLabel('Given name').fill('Robyn');
  await page.getByLabel('Family name').fill('Other');
  await fillDate(page, 'Date of birth', '1990-01-01');
  await page.getByLabel('NHS number (optional)').fill(NHS_NUMBER);
  await page.getByLabel('Employment status at first contact').selectOption({ label: 'In work' });
  await fillDate(page, 'Referral date', '2026-11-03');
  await page.getByLabel('Referral route').selectOption({ label: 'GP' });
  await page.getByLabel('Reason for referral').fill('Test duplicate.');
  await page.getByRole('button', { name: 'Register referral' }).click();
  const duplicates = page.getByTestId('possible-duplicates');
  await expect(duplicates).toContainText('This person is already registered');
  await expect(duplicates.getByRole('button', { name: /register anyway/ })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await duplicates.getByRole('link', { name: /Robin Synthetica/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Robin Synthetica' })).toBeVisible();

  // The case lifecycle (issue 20 item 5). The administrator keeps demographics right: a new employer,
  // saved as a new version, the old one still readable. A bad phone number is refused field by field first.
  await page.getByRole('button', { name: 'Change details and work' }).click();
  const edit = page.getByRole('form', { name: 'Change details and work' });
  await edit.getByLabel('Employer (optional)').fill('Harbour Buses Ltd');
  await expect(edit.getByLabel('Ethnic category (optional)')).toHaveValue('N');
  await edit
    .getByLabel('Do they consider themselves to have a disability? (optional)')
    .selectOption({ label: 'Not stated (the person chose not to say)' });
  await edit.getByLabel('NHS number (optional)').fill('999 000 0019');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter a valid 10-digit NHS number, or leave it blank');
  await expect(edit.getByLabel('Employer (optional)')).toHaveValue('Harbour Buses Ltd');
  await expectNoAxeViolations(page);
  await edit.getByLabel('NHS number (optional)').fill(formatNhsNumber(NHS_NUMBER));
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(edit).toHaveCount(0);
  await expect(page.locator('#record-work')).toContainText('Harbour Buses Ltd');
  const history = page.getByTestId('details-history');
  await history.getByText('See the details before they were changed').click();
  await expect(history).toContainText('Employer: was Example Buses Ltd, now Harbour Buses Ltd');
  await expect(history).toContainText('Disability: was Not recorded, now Not stated (the person chose not to say)');
  await expect(history).toContainText('changed by Demo Administrator');
  // Administrators neither log contacts (clinical) nor hold or close cases.
  await expect(page.getByRole('button', { name: 'Log a contact' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Close the case' })).toHaveCount(0);
  await expectNoAxeViolations(page);

  // The coordinator logs a contact, reassigns the coach (seeing each coach's open cases) and closes the case.
  await signInAs(page, 'demo.coordinator');
  await page.getByLabel('Search by name, NHS number or reference').fill('Synthetica');
  await page.getByRole('link', { name: /SYNTHETICA, Robin/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Robin Synthetica' })).toBeVisible();
  await page.getByRole('button', { name: 'Log a contact' }).click();
  const contact = page.getByRole('form', { name: 'Log a contact' });
  await contact.getByRole('button', { name: 'Save contact' }).click();
  await expect(page.getByRole('alert')).toContainText('Choose the kind of contact');
  await fillDate(contact, 'Date', '2026-12-04');
  await contact.getByLabel('Kind of contact').selectOption({ label: 'Phone' });
  await contact.getByLabel('Outcome').fill('Booked a first appointment for next week.');
  await expectNoAxeViolations(page);
  await contact.getByRole('button', { name: 'Save contact' }).click();
  await expect(page.getByTestId('contact-log')).toContainText('Booked a first appointment for next week.');
  await expect(page.getByTestId('contact-log')).toContainText('4 December 2026');

  const coach = page.getByLabel('Work and Health Coach');
  await expect(coach.locator('option', { hasText: /Demo Coach \(\d+ open cases?\)/ })).toHaveCount(1);
  await coach.selectOption({ label: (await coach.locator('option', { hasText: 'Demo Coach' }).innerText()).trim() });
  await page.getByRole('button', { name: 'Assign coach' }).click();
  await expect(page.getByTestId('patient-banner')).toContainText('Demo Coach');

  await page.getByRole('button', { name: 'Close the case' }).click();
  const closing = page.getByRole('form', { name: 'Close the case' });
  await closing.getByLabel('Why is the case closing?').selectOption({ label: 'Other reason' });
  await closing.getByLabel('Employment outcome').selectOption({ label: 'Not in work' });
  await closing.getByRole('button', { name: 'Close the case' }).click();
  await expect(page.getByRole('alert')).toContainText('Say why the case is closing');
  await closing.getByLabel('The reason').fill('Moved to a course with another provider');
  await expectNoAxeViolations(page);
  await closing.getByRole('button', { name: 'Close the case' }).click();
  await expect(page.getByTestId('patient-banner').getByText('Exited', { exact: true })).toBeVisible();
  await expect(page.locator('#record-case')).toContainText('Other reason: Moved to a course with another provider');
  await expect(page.getByTestId('contact-log')).toContainText('Booked a first appointment');
  await expectNoAxeViolations(page);
});
