import { expectNoAxeViolations } from './accessibility';
import { expect, openApp, test } from './host-fixture';

const PASSPHRASE = 'amber kettle orbit 7 lantern';

test('first run: set up the partnership, lock, unlock and reach the caseload', async ({ page, host }, testInfo) => {
  await openApp(page, host);
  await expect(page.getByRole('heading', { level: 1, name: 'Set up WorkWell MDT' })).toBeVisible();
  await expectNoAxeViolations(page);

  // Bad input: field-level messages, nothing lost, nothing created.
  await page.getByLabel('Full name').fill('Sam Example');
  await page.getByRole('button', { name: 'Create partnership' }).click();
  const summary = page.getByRole('alert');
  await expect(summary).toContainText('There is a problem');
  await expect(summary).toContainText('Choose your integrated care board area');
  await expect(summary).toContainText('Username must be at least 3 characters');
  await expect(page.getByLabel('Full name')).toHaveValue('Sam Example');
  await expectNoAxeViolations(page);
  await page.screenshot({ path: testInfo.outputPath('setup-errors.png'), fullPage: true });

  await page.getByLabel('Integrated care board area', { exact: true }).selectOption({ label: 'South Yorkshire' });
  await page.getByLabel('Username', { exact: true }).fill('s.example');
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await expect(page.getByText('Strong.')).toBeVisible();
  await page.getByLabel('Confirm passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Create partnership' }).click();

  // The recovery key is shown once, before the caseload.
  await expect(page.getByRole('heading', { level: 1, name: 'Save your recovery key' })).toBeVisible();
  await expect(page.getByTestId('recovery-key')).toHaveText(/^([A-Z2-7]{4}-){7}[A-Z2-7]{4}$/);
  await page.getByRole('button', { name: 'I have saved it: continue' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Caseload' })).toBeVisible();
  await expect(page.getByTestId('empty-caseload')).toContainText('No one is on the caseload yet');
  await expect(page.getByRole('navigation', { name: 'Account' })).toContainText('Sam Example (Administrator)');
  await expect(page).toHaveTitle(/Caseload – WorkWell South Yorkshire/);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: testInfo.outputPath('home-empty.png'), fullPage: true });

  await page.getByRole('button', { name: 'Sign out and lock' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Unlock WorkWell MDT' })).toBeVisible();
  await expect(page.getByLabel('Who are you?')).toHaveValue('s.example');
  await page.getByLabel('Passphrase').fill('not my passphrase');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('alert')).toContainText('The username or passphrase is not right.');
  await expectNoAxeViolations(page);
  await page.screenshot({ path: testInfo.outputPath('unlock-error.png'), fullPage: true });

  await page.getByLabel('Passphrase').fill(PASSPHRASE);
  await page.getByLabel('Passphrase').press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Caseload' })).toBeVisible();
});

test('the store survives a restart of the host and opens only with the passphrase', async ({ page, host }) => {
  await openApp(page, host);
  await page.getByRole('button', { name: 'Open a demo partnership' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Caseload' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Demo data' })).toContainText('Every person here is synthetic');

  const restarted = await host.restart();
  await page.goto(restarted.launchUrl);
  await expect(page.getByRole('heading', { level: 1, name: 'Unlock WorkWell MDT' })).toBeVisible();
  await page.getByLabel('Who are you?').selectOption('demo.admin');
  await page.getByLabel('Passphrase').fill('synthetic demo only, never real data');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByTestId('caseload-table')).toBeVisible();
});
