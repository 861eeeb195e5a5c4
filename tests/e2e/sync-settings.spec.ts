import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { Client } from 'pg';
import { initServerFromStore } from '../../cli/server-init';
import { DEMO_PARTNERSHIP } from '../../core/demo-partnership';
import { enrolLaptop } from '../../services/sync/enrol';
import { startPartnershipServer, type PartnershipServer } from '../../server/partnership-server';
import { createServerDatabase } from '../../server/server-database';
import { startThrowawayCluster } from '../support/postgres-cluster';
import { testClock } from '../support/test-clock';
import { expectNoAxeViolations } from './accessibility';
import { signInAs } from './demo-sign-in';
import { expect, openApp, test } from './host-fixture';

const passphrase = DEMO_PARTNERSHIP.passphrase;

test('an administrator sees the partnership server, its laptops and users, revokes after confirming; the header names each state', async ({
  page,
  host,
}, testInfo) => {
  test.setTimeout(300_000);
  // A real PostgreSQL and partnership server, as tests/unit use (tests/support/postgres-cluster.ts).
  const cluster = await startThrowawayCluster();
  const laptopB = mkdtempSync(path.join(os.tmpdir(), 'workwell-e2e-b-'));
  let server: PartnershipServer | undefined;
  const admin = new Client({ connectionString: cluster.adminUrl });
  await admin.connect();
  await admin.query('CREATE DATABASE workwell_e2e');
  await admin.end();
  const databaseUrl = cluster.adminUrl.replace(/\/postgres$/, '/workwell_e2e');
  const db = createServerDatabase(databaseUrl, { maxConnections: 4 });
  const start = (port: number) => startPartnershipServer({ db, host: '127.0.0.1', port, log: () => undefined, clock: testClock() });
  try {
    server = await start(0);
    const port = Number(new URL(server.url).port);
    await openApp(page, host);
    await page.getByRole('button', { name: 'Open a demo partnership' }).click();
    // Creating the demo (keys for six users, 240 people) takes a while on a busy machine.
    await expect(page.getByRole('heading', { level: 1, name: 'Caseload' })).toBeVisible({ timeout: 120_000 });
    await signInAs(page, 'demo.admin');
    const init = await initServerFromStore({
      databaseUrl,
      dataDir: host.dataDir,
      username: 'demo.admin',
      passphrase,
      serverUrl: server.url,
      clock: testClock(),
    });
    const enrolled = await enrolLaptop({
      dataDir: laptopB,
      serverUrl: server.url,
      username: 'demo.coordinator',
      passphrase,
      clock: testClock(),
    });
    const shortB = enrolled.deviceId.slice(0, 8);

    // The joined store syncs once unlocked again.
    const running = await host.restart();
    await page.goto(running.launchUrl);
    await page.getByLabel('Who are you?').selectOption('demo.admin');
    await page.getByLabel('Passphrase').fill(passphrase);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Caseload' })).toBeVisible({ timeout: 30_000 });
    const header = page.getByTestId('sync-status');
    await expect(header).toContainText(/Online · synced at/);
    await page.screenshot({ path: testInfo.outputPath('header-online.png') });

    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    await page.getByRole('link', { name: 'Partnership server' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Partnership server' })).toBeVisible();
    await expect(page.getByText(server.url)).toBeVisible();
    const laptops = page.getByTestId('sync-devices-table');
    await expect(laptops.getByRole('row', { name: new RegExp(`${init.deviceId.slice(0, 8)} \\(this laptop\\)`) })).toContainText(
      'demo.admin',
    );
    await expect(laptops.getByRole('row', { name: new RegExp(shortB) })).toContainText(/demo\.coordinator.*Active/);
    const users = page.getByTestId('sync-users-table');
    await expect(users.getByRole('row', { name: /demo\.ot/ })).toContainText('Active');
    await expectNoAxeViolations(page);
    await page.screenshot({ path: testInfo.outputPath('sync-settings.png'), fullPage: true });

    // Revoking a laptop asks first; Cancel changes nothing.
    await page.getByRole('button', { name: `Revoke laptop ${shortB}` }).click();
    const confirmation = page.getByTestId('sync-revoke-confirmation');
    await expect(confirmation).toContainText(`Revoke laptop ${shortB}?`);
    await expectNoAxeViolations(page);
    await page.screenshot({ path: testInfo.outputPath('sync-settings-confirm.png'), fullPage: true });
    await confirmation.getByRole('button', { name: 'Cancel' }).click();
    await expect(laptops.getByRole('row', { name: new RegExp(shortB) })).toContainText('Active');
    await page.getByRole('button', { name: `Revoke laptop ${shortB}` }).click();
    await confirmation.getByRole('button', { name: `Revoke laptop ${shortB}` }).click();
    await expect(page.getByTestId('sync-settings-notice')).toContainText(`Laptop ${shortB} was revoked`);
    await expect(laptops.getByRole('row', { name: new RegExp(shortB) })).toContainText('Revoked');
    await expect(page.getByRole('button', { name: `Revoke laptop ${shortB}` })).toHaveCount(0);

    await page.getByRole('button', { name: 'Revoke demo.ot' }).click();
    await confirmation.getByRole('button', { name: 'Revoke demo.ot' }).click();
    await expect(users.getByRole('row', { name: /demo\.ot/ })).toContainText('Revoked');
    await expectNoAxeViolations(page);

    // A role changed under Settings → Users, after confirming, reaches the server with the background sync.
    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    await page.getByRole('link', { name: 'Users' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
    await page.getByLabel('Role of demo.physio').selectOption('coordinator');
    const roleConfirmation = page.getByTestId('role-confirmation');
    await expect(roleConfirmation).toContainText('MDT coordinator / chair');
    await expectNoAxeViolations(page);
    await roleConfirmation.getByRole('button', { name: 'Change the role of demo.physio' }).click();
    await expect(page.getByTestId('users-notice')).toContainText('is now MDT coordinator / chair');
    // The page reads the server's list as it opens: opened again until the background sync has sent the change.
    await expect(async () => {
      await page.getByRole('link', { name: 'Settings', exact: true }).click();
      await page.getByRole('link', { name: 'Partnership server' }).click();
      await expect(users.getByRole('row', { name: /demo\.physio/ })).toContainText('MDT coordinator / chair', { timeout: 3_000 });
    }).toPass({ timeout: 40_000 });

    await page.evaluate(() => (window.location.hash = '#/sync/refused'));
    await expect(page.getByRole('heading', { level: 1, name: 'Changes the partnership server refused' })).toBeVisible();
    await expectNoAxeViolations(page);

    // The server gone: the header says it cannot be reached, not "revoked".
    await server.close(100);
    await expect(header).toContainText('Offline: cannot reach the server', { timeout: 20_000 });
    await expect(header).toContainText('Your changes are kept on this laptop');
    await page.screenshot({ path: testInfo.outputPath('header-unreachable.png') });

    // This laptop revoked (by another administrator): the header says so, with what to do.
    await db
      .updateTable('devices')
      .set({ revoked_at: sql<Date>`now()` })
      .where('id', '=', init.deviceId)
      .execute();
    server = await start(port);
    await expect(header).toContainText('Sync refused: revoked', { timeout: 40_000 });
    await expect(header).toContainText('Ask an administrator');
    await page.screenshot({ path: testInfo.outputPath('header-revoked.png') });
  } finally {
    await server?.close(100);
    await db.destroy();
    await cluster.stop();
    rmSync(laptopB, { recursive: true, force: true });
  }
});
