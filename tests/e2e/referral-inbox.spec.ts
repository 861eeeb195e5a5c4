import { writeFileSync } from 'node:fs';
import { referralCsv, referralCsvRow } from '../support/referral-files';
import { expectNoAxeViolations } from './accessibility';
import { signInAs } from './demo-sign-in';
import { expect, openApp, test } from './host-fixture';
import { projectorShot } from './projector-shot';

test('an administrator sets eligibility; a coach imports referrals, sees them against it, declines one and accepts one, linking a duplicate', async ({
  page,
  host,
}, testInfo) => {
  test.setTimeout(120_000);
  await openApp(page, host);
  await page.getByRole('button', { name: 'Open a demo partnership' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Caseload' })).toBeVisible({ timeout: 30_000 });

  // The administrator's eligibility rules: a bad age is named at its field and nothing is saved.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('link', { name: 'Eligibility for referrals' }).click();
  const rules = page.getByRole('form', { name: 'Eligibility rules' });
  await rules.getByLabel('Out of work for 12 weeks or less').check();
  await rules.getByLabel('Off sick, with a fit note').check();
  await rules.getByLabel('Youngest age (optional)').fill('12');
  await rules.getByLabel('Oldest age (optional)').fill('sixty');
  await rules.getByRole('button', { name: 'Save eligibility rules' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter the youngest age as a whole number from 16 to 100');
  await expect(page.locator('#eligibility-maxAge-error')).toContainText('Enter the oldest age as a whole number from 16 to 100');
  await expect(rules.getByLabel('Oldest age (optional)')).toHaveValue('sixty');
  await expectNoAxeViolations(page);
  await rules.getByLabel('Youngest age (optional)').fill('18');
  await rules.getByLabel('Oldest age (optional)').fill('65');
  await rules.getByLabel('Postcode districts the service covers (optional)').fill('s1, S10');
  await rules.getByRole('button', { name: 'Save eligibility rules' }).click();
  await expect(page.getByText('Eligibility rules saved.')).toBeVisible();
  await expect(rules.getByLabel('Postcode districts the service covers (optional)')).toHaveValue('S1, S10');

  // A coach imports a CSV: three good rows (one the same person again, without an NHS number) and one refused.
  const csv = testInfo.outputPath('referrals.csv');
  writeFileSync(
    csv,
    referralCsv([
      referralCsvRow(1, { given_name: 'Ines', family_name: 'Eligible' }),
      referralCsvRow(2, {
        given_name: 'Theo',
        family_name: 'Young',
        date_of_birth: '2010-01-01',
        employment_status: 'in_work',
        postcode: '',
      }),
      referralCsvRow(3, { nhs_number: '9990000019' }),
      referralCsvRow(4, { given_name: 'Ines', family_name: 'Eligible', nhs_number: '', referral_date: '2026-12-01' }),
    ]),
  );
  await signInAs(page, 'demo.coach');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Referral inbox' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Referral inbox' })).toBeVisible();
  await expect(page.getByText('No referrals are waiting.')).toBeVisible();
  await page.getByLabel('CSV or FHIR file').setInputFiles(csv);
  await page.getByRole('button', { name: 'Import referrals' }).click();
  await expect(page.getByTestId('import-status')).toContainText('Imported 3 referrals into the inbox; 1 refused.');
  await expect(page.getByTestId('import-refused')).toContainText('Row 4: person.nhsNumber: Enter a valid 10-digit NHS number');
  await expect(page.getByText('3 referrals waiting, oldest first.')).toBeVisible();
  await expect(page.getByTestId('eligibility-rules')).toContainText('Age: 18 to 65');

  // Each referral against each rule: met, not met, or unknown when it does not say.
  const referral = (name: string) => page.getByRole('region', { name });
  const rule = (name: string, label: string) =>
    referral(name)
      .first()
      .getByTestId('eligibility')
      .locator('.ww-facts__row')
      .filter({ has: page.getByText(label, { exact: true }) })
      .locator('dd');
  await expect(rule('Ines Eligible', 'Work status')).toHaveText('Met');
  await expect(rule('Ines Eligible', 'Lives or works in the area')).toHaveText('Met');
  await expect(rule('Theo Young', 'Work status')).toHaveText('Not met');
  await expect(rule('Theo Young', 'Age')).toHaveText('Not met');
  await expect(rule('Theo Young', 'Lives or works in the area')).toHaveText('Unknown');
  await expect(referral('Theo Young')).toContainText('Jobcentre Plus');
  await expect(referral('Theo Young')).toContainText('Came in asCSV file');
  await expect(referral('Theo Young')).toContainText('Received6 December 2026');
  await expectNoAxeViolations(page);
  await projectorShot(page, testInfo, 1366, 768, 'referral-inbox');

  // Decline with a reason (required, named at its field); the decline is listed apart.
  await referral('Theo Young').getByRole('button', { name: 'Decline the referral of Theo Young' }).click();
  await expect(page.getByLabel('Why is the referral declined?')).toBeFocused();
  await page.getByRole('button', { name: 'Decline referral' }).click();
  await expect(page.getByRole('alert')).toContainText('Choose why the referral is declined');
  await page.getByLabel('Why is the referral declined?').selectOption({ label: 'Not eligible: age' });
  await page.getByRole('button', { name: 'Decline referral' }).click();
  await expect(page.getByText('The referral of Theo Young was declined: it is listed under Declined.')).toBeFocused();
  await page.getByRole('link', { name: 'Declined (1)' }).click();
  const declinedRow = page.getByTestId('declined-referrals').getByRole('row', { name: /Theo Young/ });
  await expect(declinedRow).toContainText('Not eligible: age');
  // Who declined it and when are kept with it.
  await expect(declinedRow).toContainText('Demo Coach');
  await page.getByRole('link', { name: 'Waiting' }).click();

  // Accept: no one alike yet, so the person is registered and their new record opens.
  await expect(referral('Ines Eligible')).toHaveCount(2);
  await referral('Ines Eligible').first().getByRole('button', { name: 'Accept the referral of Ines Eligible' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ines Eligible' })).toBeVisible();
  const reference =
    (await page
      .getByTestId('patient-banner')
      .getByText(/^WW-\d{6}$/)
      .textContent()) ?? '';
  expect(reference).toMatch(/^WW-\d{6}$/);

  // The same person referred again: the inbox warns, and the referral is added to their record rather than a second one.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Referral inbox' }).click();
  const again = referral('Ines Eligible');
  await expect(again.getByTestId('referral-duplicates')).toContainText('This person may already be registered');
  await expect(again.getByTestId('referral-duplicates')).toContainText('same name and date of birth');
  await again.getByRole('button', { name: `Accept and add this referral to ${reference}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ines Eligible' })).toBeVisible();
  await expect(page.getByTestId('patient-banner').getByText(reference, { exact: true })).toBeVisible();
  const recordUrl = page.url();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Referral inbox' }).click();
  await expect(page.getByText('No referrals are waiting.')).toBeVisible();

  // Episodes (issue 20 item 4): the case closes, the person is referred again, and accepting starts episode 2.
  await page.goto(recordUrl);
  await expect(page.getByRole('heading', { level: 1, name: 'Ines Eligible' })).toBeVisible();
  await page.getByRole('button', { name: 'Close the case' }).click();
  const closing = page.getByRole('form', { name: 'Close the case' });
  await closing.getByLabel('Why is the case closing?').selectOption({ label: 'Support completed' });
  await closing.getByLabel('Employment outcome').selectOption({ label: 'Returned to work' });
  await closing.getByRole('button', { name: 'Close the case' }).click();
  await expect(page.getByTestId('patient-banner').getByText('Exited', { exact: true })).toBeVisible();
  const returning = testInfo.outputPath('returning.csv');
  writeFileSync(
    returning,
    referralCsv([
      referralCsvRow(5, { given_name: 'Ines', family_name: 'Eligible', nhs_number: '', referral_date: '2026-12-06', route: 'gp' }),
    ]),
  );
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Referral inbox' }).click();
  await page.getByLabel('CSV or FHIR file').setInputFiles(returning);
  await page.getByRole('button', { name: 'Import referrals' }).click();
  await expect(page.getByTestId('import-status')).toContainText('Imported 1 referral');
  await expect(referral('Ines Eligible')).toContainText('Their case is closed: the referral starts their next episode');
  await expectNoAxeViolations(page);
  await referral('Ines Eligible')
    .getByRole('button', { name: `Accept and start a new episode for ${reference}` })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ines Eligible' })).toBeVisible();
  await expect(page.getByTestId('patient-banner').getByText('Referred', { exact: true })).toBeVisible();
  await expect(page.getByTestId('current-episode')).toHaveText('Episode 2 (current)');
  const first = page.getByTestId('episode-1');
  await first.getByText(/Episode 1: /).click();
  await expect(first).toContainText('Support completed');
  await expect(first).toContainText('Returned to work');
  await expect(first).toContainText('No measures were recorded in this episode.');
  await expect(first).toContainText('No plan was agreed in this episode.');
  await expectNoAxeViolations(page);
  await first.scrollIntoViewIfNeeded();
  await projectorShot(page, testInfo, 1366, 768, 'record-episodes');
});
