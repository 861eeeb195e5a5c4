import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expectNoAxeViolations } from './accessibility';
import { openDemoAs, signInAs } from './demo-sign-in';
import { expect, test } from './host-fixture';
import { activate, typeInto } from './keyboard';

test('an administrator sets the drop folder, runs the partnership export with its progress, downloads the MI return and sees both in the export log', async ({ page, host }) => {
  test.setTimeout(180_000);
  const folder = path.join(host.dataDir, 'partnership-drop');
  mkdirSync(folder);
  await openDemoAs(page, host, 'demo.admin');

  await activate(page, page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Exports' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Exports' })).toBeFocused();
  await expect(page.getByTestId('export-destinations')).toHaveText('No destination is set up yet.');
  await expect(page.getByRole('button', { name: 'Export to the partnership system' })).toBeDisabled();
  await expectNoAxeViolations(page);

  // A relative folder is refused by its field, keeping what was typed.
  await typeInto(page, page.getByLabel('Folder (file drop)'), 'partnership-drop');
  await activate(page, page.getByRole('button', { name: 'Save destinations' }));
  await expect(page.getByRole('alert')).toContainText('Enter the full path of the folder');
  await expect(page.getByLabel('Folder (file drop)')).toHaveValue('partnership-drop');
  await page.getByLabel('Folder (file drop)').fill(folder);
  await typeInto(page, page.getByLabel('Access token'), 'e2e-token-never-shown');
  await activate(page, page.getByRole('button', { name: 'Save destinations' }));
  await expect(page.getByText('Export destinations saved.')).toBeVisible();
  await expect(page.getByLabel('Access token')).toHaveValue('');
  await expect(page.getByTestId('export-destinations')).toHaveText(`Goes to the folder ${folder}.`);

  await activate(page, page.getByRole('button', { name: 'Export to the partnership system' }));
  await expect(page.getByRole('heading', { name: 'Export finished' })).toBeVisible({ timeout: 60_000 });
  // The demo's people have not consented to sharing with the partnership system: all are skipped, with the reason.
  await expect(page.getByTestId('export-counts')).toHaveText(/^(\d+) of \1 people checked: 0 included, \1 skipped, 0 failed\.$/);
  await expect(page.getByRole('progressbar')).toBeVisible();
  await page.getByText(/People not included/).click();
  await expect(page.getByTestId('export-problems')).toContainText('No consent recorded to share with the partnership system');
  const files = readdirSync(folder);
  expect(files).toEqual([expect.stringMatching(/^workwell-fhir-\d{8}T\d{6}Z\.ndjson$/)]);

  // The MI return for this month downloads as CSV with the documented header.
  const downloading = page.waitForEvent('download');
  await activate(page, page.getByRole('button', { name: 'Download the MI return' }));
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^workwell-mi-return-\d{4}-\d{2}\.csv$/);
  const csv = readFileSync(await download.path(), 'utf8');
  expect(csv.split('\r\n')[0]).toMatch(/^reporting_month,participant_reference,referral_date,referral_source,/);
  await expect(page.getByText(/workwell-mi-return-.*downloaded: \d+ people\./)).toBeVisible();

  const log = page.getByTestId('export-log-table');
  await expect(log.getByRole('row')).toHaveCount(3);
  await expect(log).toContainText('Management-information return (CSV)');
  await expect(log).toContainText('Partnership system export (FHIR bundle)');
  await expect(log).toContainText(files[0] ?? 'missing');
  await expect(page.locator('body')).not.toContainText('e2e-token-never-shown');
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'test-results/exports-screen.png', fullPage: true });

  // A coordinator runs exports too, but does not see the destinations form; a coach has no Exports link.
  await signInAs(page, 'demo.coordinator');
  await activate(page, page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Exports' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Exports' })).toBeFocused();
  await expect(page.getByRole('heading', { name: 'Where exports go' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Export to the partnership system' })).toBeEnabled();
  await signInAs(page, 'demo.coach');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Exports' })).toHaveCount(0);
});
