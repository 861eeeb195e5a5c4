import { afterEach, describe, expect, it } from 'vitest';
import { initServerFromStore } from '../../../cli/server-init';
import { DEMO_PARTNERSHIP } from '../../../core/demo-partnership';
import { createAppServices, type AppServices } from '../../../services/app-services';
import { enrolLaptop } from '../../../services/sync/enrol';
import { startPartnershipServer, type PartnershipServer } from '../../../server/partnership-server';
import { createServerDatabase } from '../../../server/server-database';
import { demoFromTemplate } from '../../support/demo-template';
import { value } from '../../support/demo-with-person';
import { freshServerDatabase } from '../../support/postgres';
import { tempDir } from '../../support/temp-dir';
import { testClock } from '../../support/test-clock';
import { testReferral } from '../../support/test-referral';
import { within } from '../../support/within';
import { raiseRiskFlag } from '../../support/raise-risk-flag';

type Caseload = { items: Array<{ id: string; hasOpenRiskFlag: boolean }> };
type News = { generation: number; live: boolean };
type Status = { mode: string; waiting: number; refused: unknown[]; lastSyncedAt: string | null };

const passphrase = DEMO_PARTNERSHIP.passphrase;
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});

async function unlocked(dataDir: string, username: string): Promise<AppServices> {
  const services = createAppServices({ dataDir, clock: testClock(), sync: { debounceMs: 50, backoffMs: 100, maxBackoffMs: 300 } });
  cleanups.push(() => services.close());
  value(await services.dispatch('session.unlock', { username, passphrase }));
  return services;
}

describe('live sync between two open laptops', () => {
  it(
    'a risk flag raised on A shows on B within 2 s with no manual sync; offline work waits and drains when the server is back',
    { timeout: 60_000 },
    async () => {
      const database = await freshServerDatabase();
      const db = createServerDatabase(database.url, { maxConnections: 4 });
      cleanups.push(database.drop, () => db.destroy());
      const start = (port: number) =>
        startPartnershipServer({ db, host: '127.0.0.1', port, log: () => undefined, clock: testClock(), listenDatabaseUrl: database.url });
      let server: PartnershipServer = await start(0);
      cleanups.push(() => server.close(100));
      const port = Number(new URL(server.url).port);

      const { dataDir: laptopA, services: setup } = await demoFromTemplate();
      await setup.close();
      await initServerFromStore({
        databaseUrl: database.url,
        dataDir: laptopA,
        username: 'demo.admin',
        passphrase,
        serverUrl: server.url,
        clock: testClock(),
      });
      const laptopB = tempDir();
      await enrolLaptop({ dataDir: laptopB, serverUrl: server.url, username: 'demo.coordinator', passphrase, clock: testClock() });

      const a = await unlocked(laptopA, 'demo.coach');
      const b = await unlocked(laptopB, 'demo.coordinator');
      await within(5_000, async () => expect(value<Status>(await b.dispatch('sync.status', {}))).toMatchObject({ mode: 'online' }));

      // B's screens wait for news (the renderer's long poll): the registration on A wakes it.
      // (What B has had so far: answered at once if any pull brought news, else still 0.)
      const before = await Promise.race([
        b.dispatch('sync.changes', { after: 0 }).then((answer) => value<News>(answer).generation),
        new Promise<number>((resolve) => setTimeout(() => resolve(0), 300)),
      ]);
      const news = b.dispatch('sync.changes', { after: before });
      const { id } = value<{ id: string }>(
        await a.dispatch('participants.register', testReferral({ person: { nhsNumber: '', familyName: 'Liveperson' } })),
      );
      const woken = value<News>(await news);
      expect(woken.live).toBe(true);
      expect(woken.generation).toBeGreaterThan(before);
      await raiseRiskFlag(a, id);
      const raised = performance.now();
      await within(2_000, async () => {
        const found = value<Caseload>(await b.dispatch('participants.list', { pageSize: 50, search: 'Liveperson' }));
        expect(found.items).toEqual([expect.objectContaining({ id, hasOpenRiskFlag: true })]);
      });
      expect(performance.now() - raised).toBeLessThan(2_000);
      expect(value<{ openRiskFlags: unknown[] }>(await b.dispatch('participants.get', { id })).openRiskFlags).toHaveLength(1);
      await within(2_000, async () =>
        expect(value<Status>(await a.dispatch('sync.status', {}))).toMatchObject({ mode: 'online', waiting: 0, refused: [] }),
      );

      // The server goes away: A keeps working, its changes wait.
      await server.close(100);
      const { id: offlineId } = value<{ id: string }>(
        await a.dispatch('participants.register', testReferral({ person: { nhsNumber: '', familyName: 'Offlineperson' } })),
      );
      const offline = await within(5_000, async () => {
        const status = value<Status>(await a.dispatch('sync.status', {}));
        expect(status).toMatchObject({ mode: 'offline', waiting: 1 });
        return status;
      });
      expect(offline.lastSyncedAt).not.toBeNull();
      expect(value<Caseload>(await a.dispatch('participants.list', { pageSize: 50, search: 'Offlineperson' })).items).toEqual([
        expect.objectContaining({ id: offlineId }),
      ]);

      // Back: A's waiting change drains and reaches B.
      server = await start(port);
      await within(10_000, async () =>
        expect(value<Status>(await a.dispatch('sync.status', {}))).toMatchObject({ mode: 'online', waiting: 0 }),
      );
      await within(5_000, async () =>
        expect(value<Caseload>(await b.dispatch('participants.list', { pageSize: 50, search: 'Offlineperson' })).items).toHaveLength(1),
      );
    },
  );

  it('a solo store runs no sync and says so', async () => {
    const { services } = await demoFromTemplate();
    cleanups.push(() => services.close());
    expect(value<Status>(await services.dispatch('sync.status', {}))).toEqual({
      mode: 'solo',
      waiting: 0,
      waitingOthers: 0,
      problem: null,
      refused: [],
      lastSyncedAt: null,
    });
  });

  it('a solo store has no news to wait for: sync.changes answers at once and says to stop asking', async () => {
    const { services } = await demoFromTemplate();
    cleanups.push(() => services.close());
    const started = performance.now();
    expect(value<News>(await services.dispatch('sync.changes', { after: 0 }))).toEqual({ generation: 0, live: false });
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
