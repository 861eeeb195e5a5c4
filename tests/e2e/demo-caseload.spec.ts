import { expectNoAxeViolations } from './accessibility';
import { expect, openApp, test } from './host-fixture';

test('the demo partnership opens on a caseload of synthetic people, paged by keyboard', async ({ page, host }, testInfo) => {
  await openApp(page, host);
  await page.getByRole('button', { name: 'Open a demo partnership' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Caseload' })).toBeVisible();
  await expect(page.getByText('240 people. Page 1 of 10.')).toBeVisible();
  const rows = page.getByTestId('caseload-table').locator('tbody tr');
  await expect(rows).toHaveCount(25);
  await expect(rows.first()).toContainText(/WW-\d{6}/);
  await expect(rows.first()).toContainText(/999 \d{3} \d{4}|Not recorded/);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: testInfo.outputPath('home-demo.png'), fullPage: true });

  await page.getByRole('button', { name: 'Next page' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('240 people. Page 2 of 10.')).toBeVisible();
});
