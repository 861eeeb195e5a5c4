import { expect, test } from '@playwright/test';
import type { Kysely } from 'kysely';
import { Client } from 'pg';
import { migrateServerToLatest } from '../../server/migrate-server';
import { startPartnershipServer, type PartnershipServer } from '../../server/partnership-server';
import { createServerDatabase } from '../../server/server-database';
import type { ServerDatabase } from '../../server/server-schema';
import { startThrowawayCluster, type ThrowawayCluster } from '../support/postgres-cluster';
import { expectNoAxeViolations } from './accessibility';

/**
 * The partnership server's public referral form in Chromium (issue 20): a real PostgreSQL cluster,
 * the real server on loopback, no JavaScript on the page. Axe finds nothing on the form, on the
 * form with errors, or on the thank-you page; a mistake is shown by its field and put right.
 * The minimum fill time is off here (a test types faster than a person): the unit tests cover it.
 */

let cluster: ThrowawayCluster | undefined;
let db: Kysely<ServerDatabase> | undefined;
let server: PartnershipServer | undefined;

test.afterAll(async () => {
  await server?.close(100);
  await db?.destroy();
  await cluster?.stop();
});

test('the public referral form: axe clean, a mistake shown by its field and put right, then a thank-you that reads nothing back', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  cluster = await startThrowawayCluster();
  const admin = new Client({ connectionString: cluster.adminUrl });
  await admin.connect();
  await admin.query('CREATE DATABASE workwell_public_form');
  await admin.end();
  const databaseUrl = new URL(cluster.adminUrl);
  databaseUrl.pathname = '/workwell_public_form';
  db = createServerDatabase(databaseUrl.toString(), { maxConnections: 2 });
  await migrateServerToLatest(db);
  await db
    .insertInto('partnerships')
    .values({ id: '3f0c0000-0000-4000-8000-000000000020', name: 'Example WorkWell Partnership', store_id: null, keyring_meta: null })
    .execute();
  server = await startPartnershipServer({ db, host: '127.0.0.1', port: 0, log: () => undefined, publicReferrals: { minFillMs: 0 } });

  await page.goto(`${server.url}/refer`);
  await expect(page.getByRole('heading', { level: 1, name: 'Refer someone to WorkWell' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('group', { name: 'Who is making this referral?' }).getByLabel('I am referring myself').check();
  await page.getByLabel('First name').fill('Robin');
  await page.getByLabel('Last name').fill('Formperson');
  await page.getByLabel('Day').fill('17');
  await page.getByLabel('Month').fill('5');
  await page.getByLabel('Year').fill('1980');
  await page.getByLabel('Phone number', { exact: true }).fill('07700 900123');
  await page.getByRole('group', { name: 'How would the person prefer to be contacted?' }).getByLabel('Phone').check();
  await page
    .getByRole('group', { name: /work situation/ })
    .getByLabel('Off sick, with a fit note')
    .check();
  await page.getByLabel('Why are you making this referral?').fill('Back pain since the summer.');
  await page.getByRole('button', { name: 'Send referral' }).click();

  // Consent left unticked: the summary links to the field, the field says why, the answers stay.
  await expect(page.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
  await expect(page).toHaveTitle(/^Error: /);
  await page.getByRole('link', { name: 'Confirm that the person agrees to be contacted by the WorkWell service' }).click();
  await expect(page).toHaveURL(/#consentToContact$/);
  await page.screenshot({ path: testInfo.outputPath('public-referral-form-with-error.png'), fullPage: true });
  await expect(page.getByLabel('First name')).toHaveValue('Robin');
  await expectNoAxeViolations(page);

  await page.getByLabel('The person agrees to be contacted by the WorkWell service about this referral').check();
  await page.getByRole('button', { name: 'Send referral' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Referral sent' })).toBeVisible();
  await expect(page.getByText('Formperson')).toHaveCount(0);
  await expectNoAxeViolations(page);
  const held = await db.selectFrom('records').select('table_name').where('table_name', '=', 'referral_inbox').execute();
  expect(held).toHaveLength(1);
});
