import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { initServerFromStore } from '../../../cli/server-init';
import { DEMO_PARTNERSHIP } from '../../../core/demo-partnership';
import { migrateServerToLatest } from '../../../server/migrate-server';
import { choosePartnership, partnershipRowPages } from '../../../server/partnership-rows';
import { createServerDatabase } from '../../../server/server-database';
import { demoFromTemplate } from '../../support/demo-template';
import { freshServerDatabase } from '../../support/postgres';
import { testClock } from '../../support/test-clock';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Runs statements on the test cluster's maintenance database as its superuser. */
async function asSuperuser(superuserUrl: string, ...statements: string[]): Promise<void> {
  const client = new Client({ connectionString: superuserUrl });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * In production the server runs as an ordinary account that owns its database (README,
 * "Partnership server"), never as a superuser, and row-level security binds such an account where
 * it binds no superuser. The other server tests connect as the test cluster's superuser, so this one
 * makes the production shape: a LOGIN role with CREATEROLE (for the request role) owning a new
 * database, and runs the migrations, `server init` and the export's read of the records as it.
 */
describe('the partnership server under an ordinary (not superuser) database account', () => {
  it(
    'migrates, takes a partnership with server init, and the server-side export reads every record back',
    { timeout: 180_000 },
    async () => {
      const probe = await freshServerDatabase();
      cleanups.push(probe.drop);
      const superuserUrl = new URL(probe.url);
      superuserUrl.pathname = '/postgres';
      const suffix = randomBytes(5).toString('hex');
      const account = `workwell_account_${suffix}`;
      const database = `workwell_owned_${suffix}`;
      await asSuperuser(superuserUrl.toString(), `CREATE ROLE ${account} LOGIN CREATEROLE`, `CREATE DATABASE ${database} OWNER ${account}`);
      cleanups.push(() =>
        asSuperuser(
          superuserUrl.toString(),
          `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`,
          `DROP ROLE IF EXISTS ${database}_request`,
          `DROP ROLE IF EXISTS ${account}`,
        ),
      );
      const accountUrl = new URL(superuserUrl);
      accountUrl.username = account;
      accountUrl.pathname = `/${database}`;

      const db = createServerDatabase(accountUrl.toString(), { maxConnections: 2 });
      cleanups.push(() => db.destroy());
      await migrateServerToLatest(db);
      const { dataDir, services } = await demoFromTemplate();
      await services.close();
      const init = await initServerFromStore({
        databaseUrl: accountUrl.toString(),
        dataDir,
        username: 'demo.admin',
        passphrase: DEMO_PARTNERSHIP.passphrase,
        serverUrl: '',
        clock: testClock(),
      });

      const partnership = await choosePartnership(db, undefined);
      let read = 0;
      for await (const page of partnershipRowPages(db, partnership.id)) read += page.length;
      expect(read).toBeGreaterThan(100);
      expect(read).toBe(init.records);
    },
  );
});
