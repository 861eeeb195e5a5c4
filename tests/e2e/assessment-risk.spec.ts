import { expectNoAxeViolations } from './accessibility';
import { signInAs } from './demo-sign-in';
import { expect, openApp, test } from './host-fixture';
import { fillDate } from './date-input';

test('a coach registers, records consent, completes the joined-up assessment and a PHQ-9 with item 9 above 0; the flag shows until a clinician acknowledges it', async ({
  page,
  host,
}, testInfo) => {
  await openApp(page, host);
  await page.getByRole('button', { name: 'Open a demo partnership' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Caseload' })).toBeVisible();
  await signInAs(page, 'demo.coach');

  await page.getByRole('button', { name: 'Register a referral' }).click();
  await page.getByLabel('Given name').fill('Jordan');
  // Sorts before every demo family name, so the person is on the first caseload page.
  await page.getByLabel('Family name').fill('Aalto');
  await fillDate(page, 'Date of birth', '1988-09-09');
  await page.getByLabel('Employment status at first contact').selectOption({ label: 'Out of work for 12 weeks or less' });
  await fillDate(page, 'Referral date', '2026-11-04');
  await page.getByLabel('Referral route').selectOption({ label: 'Self-referral' });
  await page.getByLabel('Reason for referral').fill('Anxiety after redundancy.');
  await page.getByRole('button', { name: 'Register referral' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Jordan Aalto' })).toBeVisible();
  const patientBanner = page.getByTestId('patient-banner');
  await expect(patientBanner.getByText('Demo Coach', { exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Record decision: Receive the WorkWell service' }).click();
  await page.getByLabel('How it was recorded').selectOption({ label: 'Written, signed form' });
  await page.getByRole('button', { name: 'Save consent decision' }).click();
  await expect(page.getByRole('row', { name: /Receive the WorkWell service/ })).toContainText('Given on');

  await page.getByRole('button', { name: 'Start the joined-up assessment' }).click();
  await page.getByLabel('Health conditions').fill('Generalised anxiety; poor sleep.');
  await page.getByLabel('Main barrier to work').selectOption({ label: 'Mental health' });
  await page.getByLabel('Confidence').check();
  await page.getByLabel('Debt or money worries').check();
  await page.getByLabel('What matters to them, in their own words').fill('Feeling useful again and paying the rent.');
  await page.getByLabel('Their goals, in their own words').fill('A part-time job near home by spring.');
  await page.getByLabel('Ready to make changes').check();
  await page.getByRole('button', { name: 'Save assessment' }).click();
  await expect(patientBanner.getByText('Ready for MDT', { exact: true })).toBeVisible();
  await expect(page.getByText('Feeling useful again and paying the rent.')).toBeVisible();

  await page.getByRole('button', { name: 'Record an outcome measure' }).click();
  const answers = [1, 2, 1, 1, 0, 1, 1, 0, 1];
  for (const [index, value] of answers.entries()) {
    const label = ['Not at all', 'Several days', 'More than half the days', 'Nearly every day'][value] ?? '';
    await page
      .getByRole('group', { name: new RegExp(`^${index + 1}\\. `) })
      .getByLabel(label)
      .check();
  }
  const live = page.getByTestId('live-score');
  await expect(live).toContainText('PHQ-9 score: 8 (Mild)');
  await expect(live).toContainText(/question 9|item 9/i);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: testInfo.outputPath('phq9-live-score.png'), fullPage: true });
  await page.getByRole('button', { name: 'Save measure' }).click();

  const banner = page.getByTestId('risk-flag-banner');
  await expect(banner).toContainText("Risk flag: needs a clinician's review");
  await expect(banner).toContainText('must review and acknowledge it');
  // The patient banner, in view however far the record scrolls, says so too.
  await expect(patientBanner).toContainText('Open risk flag');
  await expect(page.getByTestId('measures-table')).toContainText('8 (Mild)');
  await expectNoAxeViolations(page);
  await page.screenshot({ path: testInfo.outputPath('record-with-risk-flag.png'), fullPage: true });

  await page.getByRole('link', { name: 'Back to the caseload' }).click();
  const row = page.getByTestId('caseload-table').getByRole('row', { name: /AALTO, Jordan/ });
  await expect(row).toContainText('Risk flag');
  await page.screenshot({ path: testInfo.outputPath('caseload-with-risk-flag.png'), fullPage: true });

  // A mental health practitioner reviews and acknowledges: the flag leaves every view.
  await signInAs(page, 'demo.mh');
  await page.getByRole('link', { name: 'AALTO, Jordan' }).click();
  await page.getByLabel('Action taken').selectOption({ label: 'Safety plan agreed' });
  await page.getByLabel('What was done about the risk').fill('Phoned the same day; safety plan agreed; GP informed.');
  await page.getByRole('button', { name: 'Acknowledge risk flag' }).click();
  await expect(page.getByTestId('risk-flag-banner')).toHaveCount(0);
  await expect(patientBanner).not.toContainText('risk flag');
  await page.getByRole('link', { name: 'Back to the caseload' }).click();
  await expect(page.getByTestId('caseload-table').getByRole('row', { name: /AALTO, Jordan/ })).not.toContainText('Risk flag');
});
