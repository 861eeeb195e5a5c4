import { expectNoAxeViolations } from './accessibility';
import { openDemoAs } from './demo-sign-in';
import { expect, test } from './host-fixture';

test('the caseload is searched by name and NHS number, filtered by coach and risk flag, paged both ways, and Back from a record returns to the same view', async ({
  page,
  host,
}, testInfo) => {
  await openDemoAs(page, host, 'demo.coordinator');
  const summary = page.getByTestId('caseload-summary');
  const rows = page.getByTestId('caseload-table').locator('tbody tr');
  const search = page.getByLabel('Search by name, NHS number or reference');
  await expect(summary).toHaveText('240 people. Page 1 of 10.');

  // By name, typed key by key: the box keeps every key while searches run behind it.
  await search.pressSequentially('okaf', { delay: 40 });
  await expect(search).toHaveValue('okaf');
  await expect(summary).toHaveText(/^(\d+ people match|1 person matches)\. Page 1 of 1\.$/);
  const okaforCount = await rows.count();
  expect(okaforCount).toBeGreaterThan(0);
  for (let index = 0; index < okaforCount; index += 1) await expect(rows.nth(index)).toContainText('OKAFOR,');
  await expectNoAxeViolations(page);
  await page.screenshot({ path: testInfo.outputPath('caseload-search-name.png'), fullPage: true });

  // By NHS number: digits without spaces find the one person shown with spaces.
  const nhsNumber = (await rows.first().locator('td').nth(3).innerText()).trim();
  expect(nhsNumber).toMatch(/^999 \d{3} \d{4}$/);
  await search.fill(nhsNumber.replaceAll(' ', ''));
  await expect(summary).toHaveText('1 person matches. Page 1 of 1.');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(nhsNumber);

  // Clear, then the coach filter, paged forward twice and back once.
  await page.getByRole('button', { name: 'Clear search and filters' }).click();
  await expect(summary).toHaveText('240 people. Page 1 of 10.');
  await expect(search).toHaveValue('');
  await page.getByLabel('Coach').selectOption({ label: 'Demo Coach' });
  await expect(summary).toHaveText(/^\d+ people match\. Page 1 of \d+\.$/);
  const coachTotal = Number((await summary.innerText()).split(' ')[0]);
  expect(coachTotal).toBeGreaterThan(50);
  expect(coachTotal).toBeLessThan(240);
  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(summary).toContainText('Page 2 of');
  const pageTwoFirst = await rows.first().locator('a').innerText();
  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(summary).toContainText('Page 3 of');
  await expect(rows.first().locator('a')).not.toHaveText(pageTwoFirst);
  await page.getByRole('button', { name: 'Previous page' }).focus();
  await page.keyboard.press('Enter');
  await expect(summary).toContainText('Page 2 of');
  await expect(rows.first().locator('a')).toHaveText(pageTwoFirst);

  // Open the record, then Back: the same filter, page and rows.
  await rows.first().locator('a').click();
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Caseload');
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Caseload' })).toBeVisible();
  await expect(page.getByLabel('Coach')).toHaveValue(/.+/);
  await expect(summary).toHaveText(new RegExp(`^${coachTotal} people match\\. Page 2 of \\d+\\.$`));
  await expect(rows.first().locator('a')).toHaveText(pageTwoFirst);
  await page.screenshot({ path: testInfo.outputPath('caseload-coach-page-2.png'), fullPage: true });
  // The record's own "Back to the caseload" link returns to the same view too.
  await rows.first().locator('a').click();
  await page.getByRole('link', { name: 'Back to the caseload' }).click();
  await expect(summary).toHaveText(new RegExp(`^${coachTotal} people match\\. Page 2 of \\d+\\.$`));
  await expect(rows.first().locator('a')).toHaveText(pageTwoFirst);

  // Sorted by next review, the soonest (overdue) come first, tagged.
  await page.getByLabel('Sort by').selectOption({ label: 'Next review (soonest first)' });
  await expect(summary).toContainText('Page 1 of');
  await expect(rows.first()).toContainText('Overdue');

  // The risk-flag filter: every row shown carries the red tag.
  await page.getByLabel('With an open risk flag').check();
  await expect(summary).toHaveText(/^(\d+ people match|1 person matches)\. Page 1 of 1\.$/);
  const flagged = await rows.count();
  for (let index = 0; index < flagged; index += 1) await expect(rows.nth(index)).toContainText('Risk flag');
  // A search nobody matches says so plainly.
  await search.fill('zzqx');
  await expect(summary).toHaveText('No one matches your search and filters.');
  await expect(page.getByTestId('no-matches')).toBeVisible();
  await expectNoAxeViolations(page);
});
