import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { expectNoAxeViolations } from './accessibility';
import { openDemoAs, signInAs } from './demo-sign-in';
import { expect, test } from './host-fixture';
import { activate, typeInto } from './keyboard';
import { miReturnCountText } from '../../core/exports/mi-return-count';
import { miReturnRows } from '../support/mi-return-rows';

test('an administrator sets the drop folder, runs the partnership export with its progress, downloads the MI return and sees both in the export log', async ({
  page,
  host,
}) => {
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

  // The MI return defaults to the last complete month (the tests' date is 6 December 2026), and
  // downloads as CSV with the documented header.
  await expect(page.getByLabel('Reporting month')).toHaveValue('2026-11');
  const downloading = page.waitForEvent('download');
  await activate(page, page.getByRole('button', { name: 'Download the MI return' }));
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('workwell-mi-return-2026-11.csv');
  const csv = readFileSync(await download.path(), 'utf8');
  expect(csv.split('\r\n')[0]).toMatch(/^reporting_month,participant_reference,episode_number,referral_date,referral_source,/);
  // Rows are one per episode: the count says the episodes in the file and the people they are about.
  const participantRows = miReturnRows(csv).filter((row) => row.row_type === 'participant');
  const people = new Set(participantRows.map((row) => row.participant_reference)).size;
  expect(participantRows.length).toBeGreaterThan(0);
  await expect(
    page.getByText(`workwell-mi-return-2026-11.csv downloaded: ${miReturnCountText({ rows: participantRows.length, people })}.`),
  ).toBeVisible();

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

test('a consenting person is sent to a FHIR server with the token; a slow export shows "Exporting…" and Cancel stops it', async ({
  page,
  host,
}) => {
  test.setTimeout(180_000);
  // A FHIR server on 127.0.0.1 that takes its time to answer, so the export is still running when Cancel is pressed.
  const received: Array<{ authorization: string | undefined }> = [];
  const server = createServer((request, response) => {
    received.push({ authorization: request.headers.authorization });
    request.resume();
    setTimeout(() => response.writeHead(200, { 'content-type': 'application/fhir+json' }).end('{}'), 8_000);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    await openDemoAs(page, host, 'demo.admin');
    // The first person on the caseload consents to sharing with the partnership system.
    await page.getByTestId('caseload-table').getByRole('link').first().click();
    const consent = page.getByTestId('consent-table');
    await consent.getByRole('button', { name: 'Record decision: Share with the partnership system' }).click();
    await page.getByLabel('How it was recorded').selectOption({ label: 'Verbally (in person, by phone or video)' });
    await page.getByRole('button', { name: 'Save consent decision' }).click();
    await expect(consent.getByRole('row', { name: /Share with the partnership system/ })).toContainText('Given on');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Exports' }).click();
    await page.getByLabel('FHIR base address').fill(`http://127.0.0.1:${(server.address() as AddressInfo).port}/fhir`);
    await page.getByLabel('Access token').fill('e2e-bearer');
    await page.getByRole('button', { name: 'Save destinations' }).click();
    await expect(page.getByText('Export destinations saved.')).toBeVisible();

    await activate(page, page.getByRole('button', { name: 'Export to the partnership system' }));
    await expect(page.getByRole('heading', { name: 'Exporting…' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Export running…' })).toBeDisabled();
    await expect.poll(() => received.length, { timeout: 30_000 }).toBeGreaterThan(0);
    expect(received[0]?.authorization).toBe('Bearer e2e-bearer');
    await expectNoAxeViolations(page);
    await page.screenshot({ path: 'test-results/exports-running.png' });
    await activate(page, page.getByRole('button', { name: 'Cancel the export' }));
    await expect(page.getByRole('heading', { name: 'Export cancelled' })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText('The export was cancelled. Nothing was left half-written.')).toBeVisible();
    await expect(page.getByTestId('export-log-table')).toContainText('Cancelled');
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});
