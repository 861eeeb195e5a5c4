import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { DEMO_PARTNERSHIP } from '../../core/demo-partnership';
import { createAppServices } from '../../services/app-services';
import { testPartnershipInput } from '../support/test-admin';
import { testClock } from '../support/test-clock';
import { expectNoAxeViolations } from './accessibility';
import { openDemoAs } from './demo-sign-in';
import { expect, openApp, test } from './host-fixture';

const FIRST_PASSPHRASE = 'violet harbour pencil 42 moss';
const NEW_PASSPHRASE = 'copper meadow lantern 9 fjord';

async function unlockAs(page: Page, username: string, passphrase: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'Unlock WorkWell MDT' })).toBeVisible();
  await page.getByLabel('Who are you?').selectOption(username);
  await page.getByLabel('Passphrase').fill(passphrase);
  await page.getByRole('button', { name: 'Unlock' }).click();
  // The home page: the worklist for the team, the caseload for an administrator.
  await expect(page.getByRole('heading', { level: 1, name: /^(Worklist|Caseload)$/ })).toBeVisible({ timeout: 15_000 });
}

test('an administrator adds a user, who signs in and changes their passphrase', async ({ page, host }, testInfo) => {
  await openDemoAs(page, host, 'demo.admin');
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await page.getByRole('link', { name: 'Users' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
  await expect(page.getByTestId('users-table')).toContainText('demo.physio');
  await expectNoAxeViolations(page);

  // Bad input keeps what was typed and names each field.
  await page.getByRole('button', { name: 'Add a user' }).click();
  await page.getByLabel('Full name').fill('Nia Coach');
  await page.getByLabel('Username', { exact: true }).fill('demo.coach');
  await page.getByLabel('First passphrase').fill('short');
  await page.getByRole('button', { name: 'Add user' }).click();
  await expect(page.getByRole('alert').first()).toContainText('Choose a role');
  await expect(page.getByLabel('Full name')).toHaveValue('Nia Coach');
  await expectNoAxeViolations(page);
  await page.screenshot({ path: testInfo.outputPath('users-add-errors.png'), fullPage: true });

  await page.getByLabel('Username', { exact: true }).fill('n.coach');
  // They join the team in the same step: the role fills in the discipline, job title and professional body.
  await expect(page.getByLabel('Team member', { exact: true })).toHaveValue('new');
  await page.getByLabel('Role', { exact: true }).selectOption({ label: 'Work and Health Coach' });
  await expect(page.getByLabel('Discipline')).toHaveValue('employment_support');
  await expect(page.getByLabel('Job title')).toHaveValue('Work and Health Coach');
  await expect(page.getByLabel('Professional body')).toHaveValue('none');
  await page.getByLabel('First passphrase').fill(FIRST_PASSPHRASE);
  await page.getByRole('button', { name: 'Add user' }).click();
  await expect(page.getByTestId('users-notice')).toContainText('can now unlock as n.coach');
  await expect(page.getByTestId('users-table').getByRole('row', { name: /n\.coach/ })).toContainText('Work and Health Coach');
  await expect(page.getByTestId('users-table').getByRole('row', { name: /n\.coach/ })).not.toContainText('Not linked');
  await page.screenshot({ path: testInfo.outputPath('users.png'), fullPage: true });

  // Revoking asks first.
  await page.getByRole('button', { name: 'Revoke demo.ot' }).click();
  await expect(page.getByTestId('revoke-confirmation')).toContainText('Revoke Demo Occupational Therapist?');
  await expectNoAxeViolations(page);
  await page.getByTestId('revoke-confirmation').getByRole('button', { name: 'Revoke demo.ot' }).click();
  await expect(page.getByTestId('users-table').getByRole('row', { name: /demo\.ot/ })).toContainText('Revoked');

  await page.getByRole('button', { name: 'Sign out and lock' }).click();
  await expect(page.getByLabel('Who are you?').locator('option', { hasText: 'demo.ot' })).toHaveCount(0);
  await unlockAs(page, 'n.coach', FIRST_PASSPHRASE);
  await expect(page.getByRole('navigation', { name: 'Account' })).toContainText('Nia Coach (Work and Health Coach)');

  await page.getByRole('link', { name: 'Change passphrase' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Change your passphrase' })).toBeVisible();
  await page.getByLabel('Current passphrase').fill('not what it was');
  await page.getByLabel('New passphrase', { exact: true }).fill(NEW_PASSPHRASE);
  await page.getByLabel('Confirm the new passphrase').fill(NEW_PASSPHRASE);
  await page.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(page.getByRole('alert')).toContainText('Your current passphrase is not right');
  await expect(page.getByLabel('New passphrase', { exact: true })).toHaveValue(NEW_PASSPHRASE);
  await expectNoAxeViolations(page);
  await page.getByLabel('Current passphrase').fill(FIRST_PASSPHRASE);
  await page.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(page.getByTestId('passphrase-changed')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('change-passphrase.png'), fullPage: true });

  await page.getByRole('button', { name: 'Sign out and lock' }).click();
  await unlockAs(page, 'n.coach', NEW_PASSPHRASE);
});

test('an administrator makes a backup to a folder, sees the security settings, and restores the backup', async ({
  page,
  host,
}, testInfo) => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'workwell-e2e-backups-'));
  try {
    await openDemoAs(page, host, 'demo.admin');
    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    await page.getByRole('link', { name: 'Backup and restore' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Backup and restore' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel('Save the backup to').fill(path.join(folder, 'missing', 'nope.wwbackup'));
    await page.getByRole('button', { name: 'Make a backup' }).click();
    await expect(page.getByRole('alert').first()).toContainText('Choose a folder that exists');
    await page.getByLabel('Save the backup to').fill(folder);
    await page.getByRole('button', { name: 'Make a backup' }).click();
    await expect(page.getByTestId('backup-made')).toContainText('Backup saved to');
    expect(readdirSync(folder).filter((name) => name.endsWith('.wwbackup'))).toHaveLength(1);
    await expectNoAxeViolations(page);
    await page.screenshot({ path: testInfo.outputPath('backup.png'), fullPage: true });

    await page.getByRole('link', { name: 'Back to partnership settings' }).click();
    await page.getByRole('link', { name: 'Security' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Security' })).toBeVisible();
    await expect(page.getByLabel('Minutes without activity before the app locks')).toHaveValue('5');
    await expectNoAxeViolations(page);
    await page.screenshot({ path: testInfo.outputPath('security.png'), fullPage: true });

    // Restore it: checked, then the app locks and opens at the unlock screen.
    await page.getByRole('link', { name: 'Back to partnership settings' }).click();
    await page.getByRole('link', { name: 'Backup and restore' }).click();
    const [made] = readdirSync(folder).filter((name) => name.endsWith('.wwbackup'));
    await page.getByLabel('Backup file').fill(path.join(folder, made ?? ''));
    await page.getByLabel('Your passphrase when the backup was made').fill('not the passphrase');
    await page.getByRole('button', { name: 'Check and restore' }).click();
    await expect(page.getByRole('alert').first()).toContainText('The username or passphrase is not right');
    await page.getByLabel('Your passphrase when the backup was made').fill(DEMO_PARTNERSHIP.passphrase);
    await page.getByRole('button', { name: 'Check and restore' }).click();
    await unlockAs(page, 'demo.admin', DEMO_PARTNERSHIP.passphrase);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

// FIXME: the steps pass, but tearing down the restarted host sometimes hangs (1 run in 4 here, a
// race between the idle lock and the host stopping, not yet found). The idle lock and the recovery
// key are covered by the services tests; re-enable this once the teardown race is fixed.
test('the app locks itself after the idle time and shows the unlock screen; the recovery key sets a new passphrase', async ({
  page,
  host,
}, testInfo) => {
  // Two host starts and a demo partnership (six scrypt slots, 240 people): slow on a loaded machine.
  test.slow();
  process.env.WORKWELL_IDLE_LOCK_SECONDS = '4';
  let restarted;
  try {
    restarted = await host.restart();
  } finally {
    delete process.env.WORKWELL_IDLE_LOCK_SECONDS;
  }
  await openApp(page, restarted);
  await page.getByRole('button', { name: 'Open a demo partnership' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Caseload' })).toBeVisible({ timeout: 30_000 });
  // Nobody touches anything: the services lock, and the page reloads to the unlock screen.
  await expect(page.getByRole('heading', { level: 1, name: 'Unlock WorkWell MDT' })).toBeVisible({ timeout: 15_000 });
  await expect(page).toHaveURL(/#?$/);

  await page.getByRole('button', { name: 'Forgotten your passphrase? Use the recovery key' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Set a new administrator passphrase' })).toBeFocused();
  await expectNoAxeViolations(page);
  await page.getByLabel('Recovery key').fill(DEMO_PARTNERSHIP.recoveryKey.toLowerCase());
  await page.getByLabel('Administrator', { exact: true }).selectOption('demo.admin');
  await page.getByLabel('New passphrase', { exact: true }).fill(NEW_PASSPHRASE);
  await page.getByLabel('Confirm the new passphrase').fill(NEW_PASSPHRASE);
  await page.screenshot({ path: testInfo.outputPath('recover.png'), fullPage: true });
  await page.getByRole('button', { name: 'Set passphrase and unlock' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Caseload' })).toBeVisible({ timeout: 15_000 });
  // Lock and leave nothing polling the host while it stops.
  await page.getByRole('button', { name: 'Sign out and lock' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Unlock WorkWell MDT' })).toBeVisible();
  await page.goto('about:blank');
});

test('issue 18, item 4: the launcher’s private page opens the app; the session lives in the page, never in a cookie or the address', async ({
  page,
  host,
}) => {
  // @ts-expect-error: a plain ES module of the launcher, without types.
  const { writeLaunchPage } = (await import('../../scripts/launch-page.mjs')) as {
    writeLaunchPage(url: string): { url: string; file: string; forget(): void };
  };
  const launch = writeLaunchPage(host.launchUrl);
  try {
    expect(statSync(launch.file).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(launch.file)).mode & 0o777).toBe(0o700);
    // What Chromium's command line shows is the page's path, not the token.
    expect(launch.url).not.toContain(new URL(host.launchUrl).searchParams.get('token') ?? 'no token');
    await page.goto(launch.url);
    await expect(page.getByRole('heading', { level: 1, name: 'Set up WorkWell MDT' })).toBeVisible({ timeout: 15_000 });
  } finally {
    launch.forget();
  }
  // The secret was taken from the address at once, and no cookie holds it.
  expect(new URL(page.url()).hash).toBe('');
  expect(await page.context().cookies()).toEqual([]);
  // The page calls the host with it...
  await expect.poll(async () => page.evaluate(() => sessionStorage.getItem('workwell-host-session')?.length ?? 0)).toBe(64);
  // ...and the launch address is spent.
  const again = await page.request.get(host.launchUrl, { maxRedirects: 0 });
  expect(again.status()).toBe(403);
});

test('issue 18, item 7: restoring another partnership’s backup asks for that partnership’s name first', async ({ page, host }) => {
  // Another partnership, whose administrator happens to have the demo administrator's name and passphrase.
  const otherDir = mkdtempSync(path.join(os.tmpdir(), 'workwell-e2e-other-'));
  const folder = mkdtempSync(path.join(os.tmpdir(), 'workwell-e2e-backups-'));
  const other = createAppServices({ dataDir: otherDir, clock: testClock() });
  try {
    const created = await other.dispatch(
      'setup.createPartnership',
      testPartnershipInput({ username: 'demo.admin', passphrase: DEMO_PARTNERSHIP.passphrase }),
    );
    expect(created.ok).toBe(true);
    const made = await other.dispatch('backup.create', { path: folder });
    if (!made.ok) throw new Error(made.error.message);
  } finally {
    await other.close();
  }
  try {
    const [file] = readdirSync(folder).filter((name) => name.endsWith('.wwbackup'));
    await openDemoAs(page, host, 'demo.admin');
    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    await page.getByRole('link', { name: 'Backup and restore' }).click();
    await page.getByLabel('Backup file').fill(path.join(folder, file ?? ''));
    await page.getByLabel('Your passphrase when the backup was made').fill(DEMO_PARTNERSHIP.passphrase);
    await page.getByRole('button', { name: 'Check and restore' }).click();
    await expect(page.getByRole('alert').first()).toContainText(
      "Type the backup's partnership name, WorkWell South Yorkshire, to replace Demo partnership (synthetic data) with it",
    );
    await expect(page.getByLabel("The backup's partnership name")).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel("The backup's partnership name").fill('WorkWell South Yorkshire');
    await page.getByRole('button', { name: 'Check and restore' }).click();
    await unlockAs(page, 'demo.admin', DEMO_PARTNERSHIP.passphrase);
  } finally {
    rmSync(folder, { recursive: true, force: true });
    rmSync(otherDir, { recursive: true, force: true });
  }
});
