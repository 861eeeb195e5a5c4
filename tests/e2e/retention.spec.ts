import { expectNoAxeViolations } from './accessibility';
import { expect, openApp, test } from './host-fixture';
import { tabTo, typeInto } from './keyboard';

test('an administrator reviews records 8 years past exit: deletes one by keyboard, keeps one under a legal hold, releases it', async ({
  page,
  host,
}, testInfo) => {
  await openApp(page, host);
  await page.getByRole('button', { name: 'Open a demo partnership' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Caseload' })).toBeVisible({ timeout: 30_000 });

  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await page.getByRole('link', { name: 'Retention review' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Retention review' })).toBeVisible();
  const table = page.getByTestId('retention-table');
  await expect(table.locator('caption')).toHaveText('3 records are due for retention review');
  await expect(table.getByText('On legal hold')).toHaveCount(1);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: testInfo.outputPath('retention-list.png'), fullPage: true });

  // Delete a record without a hold, by keyboard: a wrong reference is refused and kept.
  const freeRow = table.getByRole('row').filter({ hasText: 'No hold' }).first();
  const reference = (await freeRow.getByRole('link').innerText()).split(':')[0]!.trim();
  const recordHref = (await freeRow.getByRole('link').getAttribute('href')) ?? '';
  const participantId = recordHref.split('/').pop() ?? '';
  await tabTo(page, freeRow.getByRole('link'));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: `Retention review: ${reference}` })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Delete this record permanently' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: testInfo.outputPath('retention-record.png'), fullPage: true });

  const confirm = page.getByLabel(`To confirm, type the record's reference, ${reference}`);
  await typeInto(page, confirm, 'WW-000000');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toContainText(`Type ${reference} to confirm this is the record to delete`);
  await expect(confirm).toHaveValue('WW-000000');
  await expectNoAxeViolations(page);
  await page.screenshot({ path: testInfo.outputPath('retention-confirm-error.png'), fullPage: true });

  await typeInto(page, confirm, reference.toLowerCase());
  await tabTo(page, page.getByRole('button', { name: 'Delete this record permanently' }));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('retention-deleted')).toContainText(`Record ${reference} has been deleted`);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: testInfo.outputPath('retention-deleted.png'), fullPage: true });

  // Gone from the list and from the app.
  await page.getByRole('link', { name: 'Back to retention review' }).click();
  await expect(table.locator('caption')).toHaveText('2 records are due for retention review');
  await expect(table).not.toContainText(reference);
  await page.goto(`${new URL(page.url()).origin}/#/participants/${participantId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Record not available' })).toBeVisible();

  // The held record: no delete while held; release needs a reason; then it could be deleted.
  await page.goto(`${new URL(page.url()).origin}/#/settings/retention`);
  const heldRow = table.getByRole('row').filter({ hasText: 'On legal hold' });
  await heldRow.getByRole('link').click();
  await expect(page.getByText('Employment tribunal claim against the employer (synthetic example)')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Delete this record permanently' })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: testInfo.outputPath('retention-held.png'), fullPage: true });
  await page.getByRole('button', { name: 'Release the legal hold' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter why the legal hold no longer applies');
  await page.getByLabel('Why the hold no longer applies').fill('Claim withdrawn (synthetic)');
  await page.getByRole('button', { name: 'Release the legal hold' }).click();
  await expect(page.getByRole('button', { name: 'Delete this record permanently' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Place a legal hold' })).toBeVisible();

  // The deletion is in the audit trail, by reference-free id only.
  await page.goto(`${new URL(page.url()).origin}/#/settings/audit`);
  await page.getByLabel('Action').selectOption({ label: 'Deleted at retention review' });
  await expect(page.getByTestId('audit-table')).toContainText('retention.purge');
});
