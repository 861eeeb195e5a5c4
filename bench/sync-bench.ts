import Database from 'better-sqlite3-multiple-ciphers';
import { sql, type Kysely } from 'kysely';
import { randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { initServerFromStore } from '../cli/server-init';
import type { Result } from '../core/result';
import { createKysely } from '../db/create-kysely';
import { migrateToLatest } from '../db/migrate';
import { markApplied, waitingMutations } from '../db/sync/outbox';
import { joinServer, readSyncState } from '../db/sync/sync-state';
import { createAppServices, type AppServices } from '../services/app-services';
import { seedStore } from '../services/session/store-commands';
import { enrolLaptop } from '../services/sync/enrol';
import { openSyncStore, type SyncStore } from '../services/sync/open-sync-store';
import { push, signIn } from '../services/sync/sync-client';
import { pullIntoNewStore } from '../services/sync/enrol-pull';
import { syncOnce } from '../services/sync/sync-once';
import { servePartnership } from '../server/serve-partnership';
import { createServerDatabase } from '../server/server-database';
import type { ServerDatabase } from '../server/server-schema';
import { onAdmin, databaseUrl, startThrowawayCluster } from '../tests/support/postgres-cluster';
import { TEST_ADMIN_PASSPHRASE } from '../tests/support/test-admin';
import { benchClock } from './bench-clock';
import { cachedBenchStore, createBenchPartnership } from './bench-store';
import { percentile } from './measure';
import type { BenchRow } from './report';

/**
 * Issue 14's sync figures, on a throwaway PostgreSQL started as the tests start it
 * (tests/support/postgres-cluster.ts) and the partnership server on loopback in this process:
 * (a) enrolling a laptop from a server holding `BENCH_SYNC_PARTICIPANTS` (20,000) people with their
 * synthetic histories, put there by `server init` from a store generated once and cached under
 * `.bench-cache/`, compared with the same pull into plain SQLite; (b) one change pushed by one
 * laptop and pulled by another; (c) the server applying 1,000 pushed changes.
 */
export const SYNC_BENCH_PARTICIPANTS = Number(process.env.BENCH_SYNC_PARTICIPANTS ?? 20_000);
const ROUND_TRIPS = Number(process.env.BENCH_SYNC_ROUND_TRIPS ?? 40);
export const SYNC_BENCH_PUSHED = 1_000;
/** Bump when what the generator writes changes (see bench/national-bench.ts). */
const GENERATOR_VERSION = 1;
const CACHE_DIR = path.resolve(process.env.BENCH_CACHE_DIR ?? '.bench-cache', `sync-${SYNC_BENCH_PARTICIPANTS}-v${GENERATOR_VERSION}`);
const ADMIN = 'test.admin';
const COACH = 'bench.coach';
/** The synthetic histories' "today"; measures are then recorded on the bench clock's day. */
const SEED_NOW = new Date('2026-11-02T09:00:00Z');

export interface SyncBenchResult {
  readonly rows: BenchRow[];
  readonly records: number;
  readonly enrolSeconds: number;
  readonly plainPullSeconds: number;
  readonly appliedPerSecond: number;
  /** CPU seconds (this process, which is laptop and server; PostgreSQL) spent enrolling and applying the pushes. */
  readonly enrolCpu: { node: number; postgres: number };
  readonly pushCpu: { node: number; postgres: number };
}

const spent = (before: { node: number; postgres: number }, after: { node: number; postgres: number }) => ({
  node: after.node - before.node,
  postgres: after.postgres - before.postgres,
});

/** The cached source store: the partnership with its synthetic people and histories. */
function sourceStore(): Promise<string> {
  return cachedBenchStore(CACHE_DIR, async ({ dataDir }) => {
    console.log(`Generating ${SYNC_BENCH_PARTICIPANTS.toLocaleString('en-GB')} synthetic people with their histories (once; cached)...`);
    await createBenchPartnership(dataDir, 0, SEED_NOW);
    await seedStore({ dataDir, passphrase: TEST_ADMIN_PASSPHRASE, participants: SYNC_BENCH_PARTICIPANTS, seed: 14, now: SEED_NOW });
    // A coach to make the clinical changes (an administrator may not record a measure).
    const app = createAppServices({ clock: benchClock(), dataDir });
    try {
      value(await app.dispatch('session.unlock', { username: ADMIN, passphrase: TEST_ADMIN_PASSPHRASE }));
      value(
        await app.dispatch('users.add', { username: COACH, displayName: 'Bench Coach', role: 'coach', passphrase: TEST_ADMIN_PASSPHRASE }),
      );
    } finally {
      await app.close();
    }
  }).then((files) => files.dataDir);
}

/** A measure through the app (dispatch, role check, audit entry, outbox): one real change. */
async function recordMeasure(app: AppServices, participantId: string): Promise<string> {
  const result = await app.dispatch('measures.record', {
    participantId,
    discipline: 'employment_support',
    takenOn: '2026-11-27',
    response: { measure: 'phq9', answers: [1, 1, 1, 0, 1, 0, 1, 0, 0] },
  });
  return value<{ id: string }>(result).id;
}

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

/** A laptop store in plain SQLite (same migrations, no key), joined as a new laptop of the coach. */
interface PlainLaptop {
  readonly sqlite: Database.Database;
  /** Seconds the first pull (everything the coach reads) took, from opening the file to the last page applied. */
  readonly pullSeconds: number;
  close(): Promise<void>;
}

/**
 * The same pull an enrolment makes, as a new laptop of the same user, into plain SQLite (same
 * migrations, no key): what enrolling costs without the encryption and the key derivation. The
 * store stays open as the plain twin of laptop 2 for the later figures.
 */
async function plainLaptop(file: string, serverUrl: string, laptop: SyncStore): Promise<PlainLaptop> {
  const started = performance.now();
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  const db = createKysely(sqlite);
  try {
    await migrateToLatest(db);
    const deviceId = randomUUID();
    const session = await signIn(serverUrl, { username: COACH, deviceId, ...laptop.userKey });
    joinServer(
      { sqlite },
      {
        serverUrl,
        deviceId,
        userId: session.user.userId,
        username: COACH,
        cursor: '0',
        referenceBlock: session.referenceBlock,
        joinedAt: benchClock()().toISOString(),
      },
    );
    await pullIntoNewStore({ sqlite }, serverUrl, session.token);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return { sqlite, pullSeconds: (performance.now() - started) / 1000, close: () => db.destroy() };
}

/** Milliseconds `run` takes. */
async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

/**
 * CPU seconds used so far by this process and by the bench's PostgreSQL cluster (every backend and
 * helper process pg_stat_activity lists, read from /proc). On a shared machine the wall clock
 * mostly measures the queue for a core; the CPU time is the work itself.
 */
async function cpuSeconds(db: Kysely<ServerDatabase>): Promise<{ node: number; postgres: number }> {
  const { rows } = await sql<{ pid: number }>`SELECT pid FROM pg_stat_activity`.execute(db);
  let ticks = 0;
  for (const { pid } of rows) {
    try {
      // Fields 14 and 15 (utime, stime) after the parenthesised command name.
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // Gone since the query: its time is no longer counted anywhere.
    }
  }
  const usage = process.cpuUsage();
  return { node: (usage.user + usage.system) / 1e6, postgres: ticks / 100 };
}

/** Runs (a), (b) and (c); the PostgreSQL cluster and every laptop folder are gone afterwards. */
export async function runSyncBench(): Promise<SyncBenchResult> {
  const source = await sourceStore();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'workwell-sync-bench-'));
  const cluster = await startThrowawayCluster();
  const closers: Array<() => Promise<void>> = [];
  try {
    await onAdmin(cluster.adminUrl, 'CREATE DATABASE workwell_bench');
    const url = databaseUrl(cluster.adminUrl, 'workwell_bench');
    const server = await servePartnership({ databaseUrl: url, listen: '127.0.0.1:0', log: () => undefined });
    closers.push(() => server.stop());
    const probe = createServerDatabase(url, { maxConnections: 1 });
    closers.push(() => probe.destroy());

    // `server init` from a copy of the cached store, which becomes the first laptop.
    const first = path.join(dir, 'first');
    cpSync(source, first, { recursive: true });
    let started = performance.now();
    const init = await initServerFromStore({
      databaseUrl: url,
      dataDir: first,
      username: ADMIN,
      passphrase: TEST_ADMIN_PASSPHRASE,
      serverUrl: server.url,
      clock: benchClock(),
    });
    const initSeconds = (performance.now() - started) / 1000;
    console.log(`server init: ${init.records.toLocaleString('en-GB')} records in ${initSeconds.toFixed(1)} s`);

    // (a) A new laptop enrols: keyring slot, sign-in, a new encrypted store, every record pulled. As the
    // coach, who reads every table (an administrator's laptop receives no clinical record).
    const second = path.join(dir, 'second');
    let cpuBefore = await cpuSeconds(probe);
    started = performance.now();
    const enrolled = await enrolLaptop({
      dataDir: second,
      serverUrl: server.url,
      username: COACH,
      passphrase: TEST_ADMIN_PASSPHRASE,
      clock: benchClock(),
    });
    const enrolSeconds = (performance.now() - started) / 1000;
    const enrolCpu = spent(cpuBefore, await cpuSeconds(probe));
    const laptop2 = await openSyncStore(second, COACH, TEST_ADMIN_PASSPHRASE);
    closers.push(() => laptop2.close());
    const plain = await plainLaptop(path.join(dir, 'plain.db'), server.url, laptop2);
    closers.push(() => plain.close());
    const plainPullSeconds = plain.pullSeconds;
    // Laptop 1 is the coach's: the first laptop, now used by another of its users.
    const laptop1 = await openSyncStore(first, COACH, TEST_ADMIN_PASSPHRASE);
    closers.push(() => laptop1.close());

    // (b) One change made on laptop 1 through the app; laptop 1 syncs (push), then laptop 2 (pull).
    const app = createAppServices({ clock: benchClock(), dataDir: first, sync: { background: false } });
    closers.push(() => app.close());
    value(await app.dispatch('session.unlock', { username: COACH, passphrase: TEST_ADMIN_PASSPHRASE }));
    const people = laptop1.store.sqlite.prepare('SELECT id FROM participants ORDER BY reference LIMIT 1000').pluck().all() as string[];
    const user = (laptop: SyncStore, username: string) => ({ userId: laptop.slot.userId, username, ...laptop.userKey });
    let round = 0;
    // Laptop 1 pushes, then laptop 2 syncs; the plain twin of laptop 2 syncs the same change, before
    // or after it in turn (so both meet the same load): the round trip with a plain receiving laptop.
    const roundTrips: number[] = [];
    const plainRoundTrips: number[] = [];
    for (let index = 0; index < ROUND_TRIPS + 3; index += 1) {
      const measureId = await recordMeasure(app, people[round++ % people.length]!);
      let pulled = 0;
      const pushMs = await timed(async () => {
        if ((await syncOnce(laptop1.store, user(laptop1, COACH), benchClock())).pushed !== 1) throw new Error('Laptop 1 pushed nothing.');
      });
      const pullEncrypted = () => timed(async () => (pulled = (await syncOnce(laptop2.store, user(laptop2, COACH), benchClock())).pulled));
      const pullPlain = () => timed(() => syncOnce(plain, user(laptop2, COACH), benchClock()));
      let encryptedMs: number;
      let plainMs: number;
      if (index % 2 === 0) {
        encryptedMs = await pullEncrypted();
        plainMs = await pullPlain();
      } else {
        plainMs = await pullPlain();
        encryptedMs = await pullEncrypted();
      }
      if (index >= 3) {
        roundTrips.push(pushMs + encryptedMs);
        plainRoundTrips.push(pushMs + plainMs);
      }
      const arrived = (store: { sqlite: Database.Database }) =>
        store.sqlite.prepare('SELECT 1 FROM measure_results WHERE id = ?').get(measureId);
      if (pulled < 1 || arrived(laptop2.store) === undefined || arrived(plain) === undefined)
        throw new Error('The change did not reach the second laptop.');
    }
    roundTrips.sort((a, b) => a - b);
    plainRoundTrips.sort((a, b) => a - b);

    // (c) 1,000 changes made offline on laptop 1, then pushed (500 a request, as sync does).
    for (let index = 0; index < SYNC_BENCH_PUSHED; index += 1) await recordMeasure(app, people[round++ % people.length]!);
    const session = await signIn(server.url, { username: COACH, deviceId: readSyncState(laptop1.store)!.deviceId, ...laptop1.userKey });
    // Timed: the push requests only (500 mutations each, as sync sends them); the laptop's own
    // bookkeeping afterwards is not the server's work.
    const waiting = waitingMutations(laptop1.store, { userId: laptop1.slot.userId, limit: SYNC_BENCH_PUSHED });
    cpuBefore = await cpuSeconds(probe);
    started = performance.now();
    let applied = 0;
    for (let start = 0; start < waiting.length; start += 500) {
      const answer = await push(server.url, session.token, waiting.slice(start, start + 500));
      for (const result of answer.results) {
        if (result.outcome !== 'applied') throw new Error(`Mutation ${result.mutationId} was ${result.outcome}.`);
        applied += 1;
      }
    }
    const pushSeconds = (performance.now() - started) / 1000;
    const pushCpu = spent(cpuBefore, await cpuSeconds(probe));
    if (applied !== SYNC_BENCH_PUSHED) throw new Error(`Pushed ${applied} changes, not ${SYNC_BENCH_PUSHED}.`);
    laptop1.store.sqlite.transaction(() => {
      for (const mutation of waiting) markApplied(laptop1.store, mutation.mutationId);
    })();
    // (d) Laptop 2 and its plain twin each pull and apply those 1,000 changes.
    let pulledThousand = 0;
    const pullThousandMs = await timed(
      async () => (pulledThousand = (await syncOnce(laptop2.store, user(laptop2, COACH), benchClock())).pulled),
    );
    const plainPullThousandMs = await timed(() => syncOnce(plain, user(laptop2, COACH), benchClock()));
    if (pulledThousand < SYNC_BENCH_PUSHED) throw new Error(`Laptop 2 pulled ${pulledThousand} changes, not ${SYNC_BENCH_PUSHED}.`);

    const size = SYNC_BENCH_PARTICIPANTS.toLocaleString('en-GB');
    const rows: BenchRow[] = [
      {
        operation: `server init: ${init.records.toLocaleString('en-GB')} records of ${size} people`,
        p50: initSeconds * 1000,
        p95: initSeconds * 1000,
      },
      {
        operation: `enrol a laptop: ${enrolled.pulled.toLocaleString('en-GB')} rows pulled and applied`,
        p50: enrolSeconds * 1000,
        p95: enrolSeconds * 1000,
        targetMs: 60_000,
        plainP95: plainPullSeconds * 1000,
        plainP50: plainPullSeconds * 1000,
      },
      {
        operation: `one change: push from laptop 1, pull on laptop 2 (sync each; ${roundTrips.length} samples)`,
        p50: percentile(roundTrips, 0.5),
        p95: percentile(roundTrips, 0.95),
        targetMs: 500,
        plainP50: percentile(plainRoundTrips, 0.5),
        plainP95: percentile(plainRoundTrips, 0.95),
      },
      {
        // PostgreSQL only: no SQLite takes part, so there is no plain twin to compare with.
        operation: `server applies ${SYNC_BENCH_PUSHED.toLocaleString('en-GB')} pushed changes: ${(applied / pushSeconds).toFixed(0)} changes/s (target >= 200/s)`,
        p50: pushSeconds * 1000,
        p95: pushSeconds * 1000,
        targetMs: (SYNC_BENCH_PUSHED / 200) * 1000,
      },
      {
        operation: `laptop 2 pulls and applies those ${pulledThousand.toLocaleString('en-GB')} changes`,
        p50: pullThousandMs,
        p95: pullThousandMs,
        plainP50: plainPullThousandMs,
        plainP95: plainPullThousandMs,
      },
    ];
    return { rows, records: init.records, enrolSeconds, plainPullSeconds, appliedPerSecond: applied / pushSeconds, enrolCpu, pushCpu };
  } finally {
    for (const close of closers.reverse()) await close().catch(() => undefined);
    await cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
