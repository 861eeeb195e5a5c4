import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { initServerFromStore } from '../../../cli/server-init';
import { DEMO_PARTNERSHIP } from '../../../core/demo-partnership';
import { SYNC_FORMAT_VERSION } from '../../../core/sync/sync-protocol';
import { listOutbox, waitingMutations } from '../../../db/sync/outbox';
import { readSyncState } from '../../../db/sync/sync-state';
import { startPartnershipServer, type PartnershipServer } from '../../../server/partnership-server';
import { createServerDatabase } from '../../../server/server-database';
import { openSyncStore } from '../../../services/sync/open-sync-store';
import { signIn } from '../../../services/sync/sync-client';
import { syncStore } from '../../../services/sync/sync-store';
import { demoFromTemplate } from '../../support/demo-template';
import { value } from '../../support/demo-with-person';
import { freshServerDatabase } from '../../support/postgres';
import { laptopApp } from '../../support/sync-partnership';
import { testClock } from '../../support/test-clock';
import { testReferral } from '../../support/test-referral';

/**
 * Issue 14 item 2: a push cut off half-way through its body, and the server stopped and started
 * again on the same database while a laptop pushes. Afterwards the next sync sends what is left:
 * nothing lost, nothing applied twice.
 */

const passphrase = DEMO_PARTNERSHIP.passphrase;
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A server on a fixed loopback port that can be stopped and started again over the same database. */
async function restartableServer() {
  const database = await freshServerDatabase();
  const db = createServerDatabase(database.url, { maxConnections: 4 });
  const start = (port: number) => startPartnershipServer({ db, host: '127.0.0.1', port, log: () => undefined, clock: testClock() });
  let server: PartnershipServer = await start(0);
  const port = Number(new URL(server.url).port);
  cleanups.push(
    database.drop,
    () => db.destroy(),
    () => server.close(),
  );
  const { dataDir, services } = await demoFromTemplate();
  await services.close();
  await initServerFromStore({
    databaseUrl: database.url,
    dataDir,
    username: 'demo.admin',
    passphrase,
    serverUrl: server.url,
    clock: testClock(),
  });
  return {
    db,
    dataDir,
    url: () => server.url,
    restart: async () => {
      await server.close(0);
      server = await start(port);
    },
  };
}

/** Rows each mutation of this laptop wrote to the change log, and whether any (device, mutation, record) appears twice. */
async function changeLogOf(db: Awaited<ReturnType<typeof restartableServer>>['db'], deviceId: string) {
  const rows = await db
    .selectFrom('change_log')
    .select(['mutation_id', 'table_name', 'key'])
    .where('device_id', '=', deviceId)
    .where('mutation_id', 'is not', null)
    .execute();
  const distinct = new Set(rows.map((row) => `${row.mutation_id}|${row.table_name}|${row.key}`));
  const mutations = new Set(rows.map((row) => row.mutation_id));
  return { rows: rows.length, distinct: distinct.size, mutations: mutations.size };
}

async function registerOffline(dataDir: string, count: number, family: string) {
  const app = await laptopApp(dataDir, 'demo.admin');
  for (let index = 0; index < count; index += 1) {
    value(
      await app.dispatch(
        'participants.register',
        testReferral({
          person: { nhsNumber: '', familyName: `${family}${String.fromCharCode(97 + (index % 26))}`, givenName: `N${index}` },
        }),
      ),
    );
  }
  await app.close();
}

describe('a push interrupted', () => {
  it('cut off half-way through its body, then retried: every change applied once', async () => {
    const server = await restartableServer();
    await registerOffline(server.dataDir, 12, 'Cutoff');
    const opened = await openSyncStore(server.dataDir, 'demo.admin', passphrase);
    const state = readSyncState(opened.store)!;
    const waiting = waitingMutations(opened.store);
    const session = await signIn(state.serverUrl, { username: 'demo.admin', deviceId: state.deviceId, ...opened.userKey });
    await opened.close();
    expect(waiting).toHaveLength(12);

    const body = Buffer.from(JSON.stringify({ formatVersion: SYNC_FORMAT_VERSION, mutations: waiting }));
    const { port } = new URL(server.url());
    await new Promise<void>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.write(
          `POST /sync/push HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nAuthorization: Bearer ${session.token}\r\nContent-Length: ${body.length}\r\n\r\n`,
        );
        socket.write(body.subarray(0, Math.floor(body.length / 2)), () => setTimeout(() => socket.destroy(), 50));
      });
      socket.on('close', () => resolve());
      socket.on('error', reject);
    });
    expect(await changeLogOf(server.db, state.deviceId)).toEqual({ rows: 0, distinct: 0, mutations: 0 });

    const report = await syncStore({ dataDir: server.dataDir, username: 'demo.admin', passphrase, clock: testClock() });
    expect(report).toMatchObject({ pushed: 12, duplicates: 0, refused: [] });
    const logged = await changeLogOf(server.db, state.deviceId);
    expect(logged.mutations).toBe(12);
    expect(logged.distinct).toBe(logged.rows);
    expect(await syncStore({ dataDir: server.dataDir, username: 'demo.admin', passphrase, clock: testClock() })).toMatchObject({
      pushed: 0,
      refused: [],
    });
    expect(await changeLogOf(server.db, state.deviceId)).toEqual(logged);
  });

  it('the server stopped and started again on the same database while a laptop pushes: nothing lost, nothing doubled after the next sync', async () => {
    const server = await restartableServer();
    await registerOffline(server.dataDir, 40, 'Restart');
    const opened = await openSyncStore(server.dataDir, 'demo.admin', passphrase);
    const deviceId = readSyncState(opened.store)!.deviceId;
    await opened.close();

    const during = syncStore({ dataDir: server.dataDir, username: 'demo.admin', passphrase, clock: testClock() }).then(
      (report) => ({ report }),
      (error: unknown) => ({ error }),
    );
    // Restart once the server has applied part of the push.
    const started = performance.now();
    while ((await changeLogOf(server.db, deviceId)).mutations === 0 && performance.now() - started < 20_000)
      await new Promise((resolve) => setTimeout(resolve, 5));
    await server.restart();
    const first = await during;
    // What the laptop heard answered before the restart: counted from its outbox, not the first
    // sync's report, because the restart may fall after the push was answered, during the pull,
    // which fails that sync as a whole although its push went through.
    const between = await openSyncStore(server.dataDir, 'demo.admin', passphrase);
    const firstAnswered = listOutbox(between.store, 'applied').length;
    await between.close();
    if ('report' in first) expect(first.report.pushed + first.report.duplicates).toBe(firstAnswered);

    const second = await syncStore({ dataDir: server.dataDir, username: 'demo.admin', passphrase, clock: testClock() });
    expect(second.refused).toEqual([]);
    // Each mutation was answered once as applied or, when the laptop never heard that answer
    // because the server went away, as a duplicate on the next sync: never applied a second time.
    expect(firstAnswered + second.pushed + second.duplicates).toBe(40);
    const logged = await changeLogOf(server.db, deviceId);
    expect(logged.mutations).toBe(40);
    expect(logged.distinct).toBe(logged.rows);
    const after = await openSyncStore(server.dataDir, 'demo.admin', passphrase);
    try {
      expect(listOutbox(after.store, 'applied')).toHaveLength(40);
      expect(waitingMutations(after.store)).toEqual([]);
    } finally {
      await after.close();
    }
    const participants = await server.db.selectFrom('records').select('row').where('table_name', '=', 'participants').execute();
    expect(participants.filter((each) => JSON.stringify(each.row).includes('Restart'))).toHaveLength(40);
  });
});
