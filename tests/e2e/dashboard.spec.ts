import { expectNoAxeViolations } from './accessibility';
import { openDemoAs } from './demo-sign-in';
import { expect, test } from './host-fixture';
import type { Page } from '@playwright/test';
import { activate } from './keyboard';
import { projectorShot } from './projector-shot';

/** Replaces the date in one of the range's date inputs (they open filled with the default range). */
async function setDate(page: Page, legend: string, isoDate: string): Promise<void> {
  const group = page.getByRole('group', { name: legend });
  const [year, month, day] = isoDate.split('-') as [string, string, string];
  await group.getByLabel('Day', { exact: true }).fill(String(Number(day)));
  await group.getByLabel('Month', { exact: true }).fill(String(Number(month)));
  await group.getByLabel('Year', { exact: true }).fill(year);
}

test('a coordinator opens the dashboard by keyboard: each chart is a described image with its numbers in a table beside it, over a range they choose', async ({
  page,
  host,
}, testInfo) => {
  test.setTimeout(180_000);
  await openDemoAs(page, host, 'demo.coordinator');

  await activate(page, page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeFocused();
  const figures = page.getByTestId('dashboard-figures');
  await expect(figures).toBeVisible({ timeout: 15_000 });
  // The last 12 weeks by default (the tests' date is Sunday 6 December 2026: from Monday 14 September).
  await expect(figures).toContainText('14 September 2026 to 6 December 2026');
  // It counts referrals (episodes), not people: someone referred again after leaving counts again.
  await expect(page.getByTestId('dashboard-referrals')).toContainText(
    /\d+ referrals? in the range \(a person referred again after leaving starts a new episode/,
  );
  for (const [testId, name] of [
    ['dashboard-referrals', 'Referrals by route and week'],
    ['dashboard-waits', 'Waiting times against the targets'],
    ['dashboard-funnel', 'Where the people referred stand'],
    ['dashboard-coaches', 'Caseload per coach'],
  ] as const) {
    const figure = page.getByTestId(testId);
    await expect(figure.getByRole('img', { name })).toBeVisible();
    await expect(figure.getByRole('table')).toBeVisible();
  }
  // The demo's people were referred in the last few weeks: the referrals table counts them, and the waits table names the targets.
  await expect(page.getByTestId('dashboard-referrals').getByRole('row').last()).toContainText(/\d/);
  await expect(page.getByTestId('dashboard-waits').getByRole('row', { name: /Referral to joined-up assessment/ })).toContainText('21');
  await expectNoAxeViolations(page);
  await projectorShot(page, testInfo, 1366, 768, 'dashboard');
  await projectorShot(page, testInfo, 1920, 1080, 'dashboard');

  // A range with the end before the start is refused by its field, and the figures shown stay.
  await setDate(page, 'From', '2026-12-01');
  await setDate(page, 'To', '2026-11-01');
  await activate(page, page.getByRole('button', { name: 'Show figures' }));
  await expect(page.getByRole('alert')).toContainText('The start of the range must be on or before its end');
  await expectNoAxeViolations(page);
  await setDate(page, 'To', '2026-12-06');
  await activate(page, page.getByRole('button', { name: 'Show figures' }));
  await expect(figures).toContainText('1 December 2026 to 6 December 2026');
});
