import { afterEach } from 'vitest';
import { DEMO_PARTNERSHIP } from '../../core/demo-partnership';
import { createAppServices } from '../../services/app-services';
import { enrolLaptop } from '../../services/sync/enrol';
import { syncStore } from '../../services/sync/sync-store';
import { startPartnershipServer } from '../../server/partnership-server';
import { createServerDatabase } from '../../server/server-database';
import { initServerFromStore } from '../../cli/server-init';
import { demoFromTemplate } from './demo-template';
import { value } from './demo-with-person';
import { freshServerDatabase } from './postgres';
import { tempDir } from './temp-dir';
import { testClock } from './test-clock';

const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const passphrase = DEMO_PARTNERSHIP.passphrase;

/**
 * A laptop's app services on a data folder, signed in as `username` (demo passphrase). No
 * background sync: these tests sync by hand (tests/unit/sync/live-sync.test.ts covers the loop).
 */
export async function laptopApp(dataDir: string, username: string) {
  const services = createAppServices({ dataDir, clock: testClock(), sync: { background: false } });
  cleanups.push(() => services.close());
  value(await services.dispatch('session.unlock', { username, passphrase }));
  return services;
}

/**
 * A real partnership server (a fresh PostgreSQL database, HTTP on 127.0.0.1) holding a copy of
 * the run's demo partnership, put there by `server init` from laptop A as demo.admin.
 */
export async function demoOnServer() {
  const database = await freshServerDatabase();
  const db = createServerDatabase(database.url, { maxConnections: 4 });
  const server = await startPartnershipServer({ db, host: '127.0.0.1', port: 0, log: () => undefined, clock: testClock() });
  cleanups.push(
    database.drop,
    () => db.destroy(),
    () => server.close(),
  );
  const { dataDir: laptopA, services } = await demoFromTemplate();
  await services.close();
  const init = await initServerFromStore({
    databaseUrl: database.url,
    dataDir: laptopA,
    username: 'demo.admin',
    passphrase,
    serverUrl: server.url,
    clock: testClock(),
  });
  return {
    db,
    /** The server database's URL (the test cluster's superuser), for the server's commands. */
    databaseUrl: database.url,
    serverUrl: server.url,
    laptopA,
    init,
    /** Enrols a new laptop for `username` into a fresh folder. */
    enrol: async (username: string) => {
      const dataDir = tempDir();
      const report = await enrolLaptop({ dataDir, serverUrl: server.url, username, passphrase, clock: testClock() });
      return { dataDir, report };
    },
    sync: (dataDir: string, username: string, options: { formatVersion?: number } = {}) =>
      syncStore({ dataDir, username, passphrase, clock: testClock(), ...options }),
  };
}
