import type { Locator, Page } from '@playwright/test';
import { DEMO_PARTNERSHIP } from '../../core/demo-partnership';
import { expect, openApp, type RunningHost } from './host-fixture';

/**
 * Signs out and unlocks the demo partnership as another of its users (demo.coach, demo.physio...).
 * The team's users land on their worklist (the administrator on the caseload); then the caseload
 * is opened, where the specs start.
 */
export async function signInAs(page: Page, username: string): Promise<void> {
  await page.getByRole('button', { name: 'Sign out and lock' }).click();
  await page.getByLabel('Who are you?').selectOption(username);
  await page.getByLabel('Passphrase').fill(DEMO_PARTNERSHIP.passphrase);
  await page.getByRole('button', { name: 'Unlock' }).click();
  // Unlocking runs the passphrase KDF (scrypt, about a third of a second idle): allow for a busy machine.
  const home = username === DEMO_PARTNERSHIP.adminUsername ? 'Caseload' : 'Worklist';
  await expect(page.getByRole('heading', { level: 1, name: home })).toBeVisible({ timeout: 15_000 });
  if (home === 'Worklist') {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Caseload' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Caseload' })).toBeVisible();
  }
}

/** First run: opens the demo partnership, then signs in as one of its users. */
export async function openDemoAs(page: Page, host: RunningHost, username: string): Promise<void> {
  await openApp(page, host);
  await page.getByRole('button', { name: 'Open a demo partnership' }).click();
  // Making the demo partnership (its people, histories and meeting) took over 15 s on a CI machine at load 23.
  await expect(page.getByRole('heading', { level: 1, name: 'Caseload' })).toBeVisible({ timeout: 60_000 });
  await signInAs(page, username);
}

/** From any screen: today's demo meeting in meeting mode, everyone present; returns meeting mode on its first case. */
export async function startTodaysDemoMeeting(page: Page): Promise<Locator> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Meetings' }).click();
  await page.getByTestId('meetings-table').getByRole('link').first().click();
  await page.getByRole('link', { name: 'Open meeting mode' }).click();
  await page.getByRole('button', { name: 'Record attendance and start' }).click();
  const live = page.getByTestId('meeting-live');
  await expect(live.getByText('Case 1 of 4', { exact: true })).toBeVisible();
  return live;
}
