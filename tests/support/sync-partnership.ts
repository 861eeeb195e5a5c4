import { afterEach } from 'vitest';
import { DEMO_PARTNERSHIP } from '../../core/demo-partnership';
import { createAppServices } from '../../services/app-services';
import { enrolLaptop } from '../../services/sync/enrol';
import type { SyncLoopOptions } from '../../services/sync/sync-loop';
import { syncStore } from '../../services/sync/sync-store';
import { startPartnershipServer } from '../../server/partnership-server';
import type { PublicReferralOptions } from '../../server/public-referral-router';
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

/** Background sync with short waits, for tests of the loop and of what needs it (the Settings page). */
export const QUICK_SYNC: SyncLoopOptions = { debounceMs: 50, backoffMs: 100, maxBackoffMs: 300 };

/**
 * A laptop's app services on a data folder, signed in as `username` (demo passphrase). No
 * background sync unless `sync` asks for it (QUICK_SYNC): most tests sync by hand.
 */
export async function laptopApp(dataDir: string, username: string, sync: SyncLoopOptions = { background: false }) {
  const services = createAppServices({ dataDir, clock: testClock(), sync });
  cleanups.push(() => services.close());
  value(await services.dispatch('session.unlock', { username, passphrase }));
  return services;
}

/** `server init` from a fresh copy of the run's demo partnership as demo.admin: that copy is laptop A. */
export async function putDemoOnServer(databaseUrl: string, serverUrl: string) {
  const { dataDir: laptopA, services } = await demoFromTemplate();
  await services.close();
  const init = await initServerFromStore({
    databaseUrl,
    dataDir: laptopA,
    username: 'demo.admin',
    passphrase,
    serverUrl,
    clock: testClock(),
  });
  return { laptopA, init };
}

/**
 * A real partnership server (a fresh PostgreSQL database, HTTP on 127.0.0.1) holding a copy of
 * the run's demo partnership, put there by `server init` from laptop A as demo.admin.
 * `databaseUrl`: a database of the caller's instead (dropped by the caller), e.g. one reached as
 * an account that is not a superuser, as in production. `publicReferrals`: the public form's
 * limits (tests shorten them).
 */
export async function demoOnServer(options: { databaseUrl?: string; publicReferrals?: PublicReferralOptions } = {}) {
  const database = options.databaseUrl === undefined ? await freshServerDatabase() : { url: options.databaseUrl, drop: async () => {} };
  const db = createServerDatabase(database.url, { maxConnections: 4 });
  const server = await startPartnershipServer({
    db,
    host: '127.0.0.1',
    port: 0,
    log: () => undefined,
    clock: testClock(),
    publicReferrals: options.publicReferrals,
  });
  let closed: Promise<void> | undefined;
  const stopServer = () => (closed ??= server.close(100));
  cleanups.push(database.drop, () => db.destroy(), stopServer);
  const { laptopA, init } = await putDemoOnServer(database.url, server.url);
  return {
    db,
    /** The server database's URL (the test cluster's superuser), for the server's commands. */
    databaseUrl: database.url,
    serverUrl: server.url,
    /** Stops the server (laptops find it unreachable). */
    stopServer,
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
