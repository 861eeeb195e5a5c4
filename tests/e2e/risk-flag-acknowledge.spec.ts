import { DEMO_PARTNERSHIP } from '../../core/demo-partnership';
import { expectNoAxeViolations } from './accessibility';
import { openDemoAs } from './demo-sign-in';
import { expect, test } from './host-fixture';

test('meeting mode: the mental health practitioner present acknowledges the risk flag with their own passphrase, the chair stays signed in, and the record keeps it', async ({
  page,
  host,
}, testInfo) => {
  test.setTimeout(120_000);
  await openDemoAs(page, host, 'demo.coordinator');

  // The meeting the demo planned for today: the case with the open risk flag leads.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Meetings' }).click();
  await page.getByTestId('meetings-table').getByRole('link').first().click();
  await page.getByRole('link', { name: 'Open meeting mode' }).click();
  await page.getByRole('button', { name: 'Record attendance and start' }).click();
  const live = page.getByTestId('meeting-live');
  await expect(live.getByText('Case 1 of 4', { exact: true })).toBeVisible();
  const banner = page.getByTestId('risk-flag-banner');
  await expect(banner).toBeVisible();
  const caseName = (await live.getByRole('heading', { level: 2 }).first().innerText()).replace(/\s+\S+$/, '').trim();

  // Only clinicians qualified for risk are offered; nothing chosen or written is refused field by field.
  const clinician = banner.getByLabel('Clinician acknowledging');
  await expect(clinician.getByRole('option')).toHaveText(['Choose your name', 'Demo Mental Health Practitioner']);
  await banner.getByRole('button', { name: 'Acknowledge as this clinician' }).click();
  const problems = page.getByRole('alert');
  await expect(problems).toContainText('Choose the action taken');
  await expect(problems).toContainText('Enter what was done about the risk');
  await expectNoAxeViolations(page);

  // A wrong passphrase: refused with a clear message, nothing recorded, the banner stays.
  await clinician.selectOption({ label: 'Demo Mental Health Practitioner' });
  await banner.getByLabel('Action taken').selectOption({ label: 'Safety plan agreed' });
  await banner
    .getByLabel('What was done about the risk')
    .fill('Spoke with the person in the meeting; safety plan agreed; GP to be told today.');
  await banner.getByLabel('Your passphrase').fill('not the passphrase at all');
  await banner.getByRole('button', { name: 'Acknowledge as this clinician' }).click();
  await expect(problems).toContainText('That passphrase is not right for demo.mh. Nothing was recorded.');
  await expect(banner).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: testInfo.outputPath('meeting-risk-acknowledge-refused.png'), fullPage: true });

  // Their own passphrase: acknowledged as them; the chair is still signed in and still in the meeting.
  await banner.getByLabel('Your passphrase').fill(DEMO_PARTNERSHIP.passphrase);
  await banner.getByRole('button', { name: 'Acknowledge as this clinician' }).click();
  await expect(page.getByTestId('risk-flag-banner')).toHaveCount(0, { timeout: 15_000 });
  await expect(live.getByText('Case 1 of 4', { exact: true })).toBeVisible();
  await expect(page.getByTestId('risk-acknowledged')).toContainText('Risk flag acknowledged by Demo Mental Health Practitioner');
  await expect(page.getByTestId('risk-acknowledged')).toContainText('Safety plan agreed');
  await expect(page.getByRole('button', { name: 'Sign out and lock' })).toBeVisible();
  await expect(page.getByText('Demo Coordinator').first()).toBeVisible();
  await expectNoAxeViolations(page);

  // The record keeps the acknowledged flag: who, the action and the note.
  await page.evaluate(() => {
    window.location.hash = '#/';
  });
  await page.getByLabel('Search by name, NHS number or reference').fill(caseName.split(',')[0] ?? caseName);
  await page.getByTestId('caseload-table').getByRole('link', { name: caseName }).first().click();
  const history = page.getByTestId('risk-flag-history');
  await expect(history).toContainText('Demo Mental Health Practitioner');
  await expect(history).toContainText('Safety plan agreed');
  await expect(history).toContainText('safety plan agreed; GP to be told today');
  await history.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('risk-flag-history.png') });
  await expectNoAxeViolations(page);
});
