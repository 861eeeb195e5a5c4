import Database from 'better-sqlite3-multiple-ciphers';
import path from 'node:path';
import { caseloadSearchQuery } from '../core/caseload-search';
import { createKysely } from '../db/create-kysely';
import { registerLondonDate } from '../db/open-store';
import { migrateToLatest } from '../db/migrate';
import { readCaseloadPage, type CaseloadPosition, type CaseloadQuery, type CaseloadSortKey } from '../db/repositories/caseload-repository';
import type { Store } from '../db/store';
import { storePaths } from '../db/store-paths';
import { agreePlanByMdt } from '../services/plans/action-plan-service';
import { createAppServices } from '../services/app-services';
import { PendingAuditEntry, runWithPendingAudit } from '../services/call-audit-scope';
import { getParticipantRecord } from '../services/participants/participant-record';
import { buildDashboard } from '../services/dashboard/dashboard-service';
import { seedStore } from '../services/session/store-commands';
import { SeededRandom } from '../services/synthetic/seeded-random';
import { FAMILY_NAMES, GIVEN_NAMES } from '../services/synthetic/synthetic-names';
import { QUICK_CHECK_AT_UNLOCK_MAX_BYTES, unlockStore } from '../services/session/unlock-store';
import { checkableTableNames, storeProblems, tableProblems } from '../db/repositories/store-file-repository';
import { TEST_ADMIN_PASSPHRASE } from '../tests/support/test-admin';
import { cachedBenchStore, copyToPlainTwin, createBenchPartnership, type BenchStoreFiles } from './bench-store';
import { measure, measurePair, percentile } from './measure';
import type { BenchRow } from './report';
import { benchClock } from './bench-clock';

/**
 * The whole store at national size: `BENCH_PARTICIPANTS` (250,000) people with their full synthetic
 * histories (about 1.3M assessments and measures, 2.5M plan actions), generated once and cached
 * under the gitignored `.bench-cache/`, with a plain (unkeyed) SQLite twin holding the same schema
 * and every row. Each operation runs the same code on both in this run.
 */
const PARTICIPANTS = Number(process.env.BENCH_PARTICIPANTS ?? 250_000);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200);
/** The dashboard reads hundreds of thousands of rows a time: fewer samples (`BENCH_DASHBOARD_ITERATIONS`). */
const DASHBOARD_ITERATIONS = Number(process.env.BENCH_DASHBOARD_ITERATIONS ?? 10);
const COACHES = 20;
/**
 * Bump when the generator changes what it writes. A new migration does not need a new cache: the
 * encrypted store migrates as it opens and the plain twin is migrated below, so 8 minutes of
 * generation on a shared 2-core machine are not repeated for every schema change.
 */
const GENERATOR_VERSION = 2;
const CACHE_DIR = path.resolve(process.env.BENCH_CACHE_DIR ?? '.bench-cache', `national-${PARTICIPANTS}-v${GENERATOR_VERSION}`);
/** A fixed "today" for the seed, in the past so the app's own "not in the future" checks accept its dates. */
/** The national data's own date (generator version 2 was made at it; the cache depends on it). */
const NATIONAL_NOW = new Date('2026-11-02T09:00:00Z');
const TODAY = '2026-11-02';
const NO_FILTER: CaseloadQuery = { ftsQuery: null, status: null, coachUserId: null, reviewDueBy: null, openRiskFlag: false };

/** The encrypted store with histories and its plain twin, from the cache or made now. */
function prepare(): Promise<BenchStoreFiles> {
  return cachedBenchStore(CACHE_DIR, async (files) => {
    console.log(
      `Generating ${PARTICIPANTS.toLocaleString('en-GB')} synthetic people with their histories (once; cached in ${CACHE_DIR})...`,
    );
    await createBenchPartnership(files.dataDir, COACHES, NATIONAL_NOW);
    const seeded = await seedStore({
      dataDir: files.dataDir,
      passphrase: TEST_ADMIN_PASSPHRASE,
      participants: PARTICIPANTS,
      seed: 2026,
      now: NATIONAL_NOW,
    });
    console.log(`Seeded in ${seeded.seconds.toFixed(0)} s; copying every row to the plain twin...`);
    await copyToPlainTwin(files);
  });
}

/** One operation on a store (encrypted or plain), given the iteration number. */
type Operation = (store: Store, iteration: number) => unknown;

function walkPages(query: CaseloadQuery, sort: CaseloadSortKey): Operation {
  const positions = new WeakMap<Store, CaseloadPosition | null>();
  return (store, iteration) => {
    const from = iteration % 100 === 0 ? null : (positions.get(store) ?? null);
    const page = readCaseloadPage(store, query, sort, from, 25);
    const last = page.rows[page.rows.length - 1];
    positions.set(store, page.hasMoreAfter && last !== undefined ? { direction: 'after', keys: last.sortKeys } : null);
    return page;
  };
}

function searchEach(texts: readonly string[]): Operation {
  return (store, iteration) =>
    readCaseloadPage(store, { ...NO_FILTER, ftsQuery: caseloadSearchQuery(texts[iteration % texts.length] ?? '') }, 'name', null, 25);
}

/** The plain twin as a Store (migrated like the encrypted one), so the services' own code runs on it unchanged. */
async function plainStore(file: string): Promise<Store> {
  const sqlite = new Database(file, { fileMustExist: true });
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  // The MI return's and the dashboard's SQL count days in England, as the app's store does.
  registerLondonDate(sqlite);
  const db = createKysely(sqlite);
  await migrateToLatest(db);
  return { db, sqlite, close: () => db.destroy() };
}

/** Runs the national-size operations on both stores and returns the report rows. */
export async function runNationalBench(): Promise<{ rows: BenchRow[]; readRatio: number; firstPassReadRatio: number }> {
  const { dataDir, plainFile } = await prepare();
  const unlockSamples = await measure(
    async () => {
      const fresh = createAppServices({ clock: benchClock(NATIONAL_NOW), dataDir });
      const result = await fresh.dispatch('session.unlock', { username: 'test.admin', passphrase: TEST_ADMIN_PASSPHRASE });
      if (!result.ok) throw new Error(result.error.message);
      await fresh.close();
    },
    5,
    1,
  );

  const { store, user } = await unlockStore(storePaths(dataDir), 'test.admin', TEST_ADMIN_PASSPHRASE);
  // The damage check (issue 17 item 4), on its own: it reads every page once. A store this size is
  // checked after unlock, one table at a time (checkStoreInSlices); the longest slice is how long
  // the event loop is held at once.
  const quickCheckSamples = await measure(() => storeProblems(store, 'quick'), 3, 0);
  const sliceSamples: number[] = [];
  const slicedSamples = await measure(
    () => {
      for (const table of checkableTableNames(store)) {
        const started = performance.now();
        tableProblems(store, table);
        sliceSamples.push(performance.now() - started);
      }
    },
    3,
    0,
  );
  const plain = await plainStore(plainFile);
  // BENCH_CACHE_SIZE tries another page cache (SQLite's cache_size: negative KiB) on both stores.
  if (process.env.BENCH_CACHE_SIZE !== undefined) store.sqlite.pragma(`cache_size = ${Number(process.env.BENCH_CACHE_SIZE)}`);
  const cacheSize = store.sqlite.pragma('cache_size', { simple: true }) as number;
  plain.sqlite.pragma(`cache_size = ${cacheSize}`);
  // BENCH_SYNCHRONOUS tries another durability setting (the store uses FULL) on both stores.
  if (process.env.BENCH_SYNCHRONOUS !== undefined)
    for (const target of [store, plain]) target.sqlite.pragma(`synchronous = ${process.env.BENCH_SYNCHRONOUS.replace(/[^A-Z]/gi, '')}`);
  console.log(`cache_size = ${cacheSize}, synchronous = ${String(store.sqlite.pragma('synchronous', { simple: true }))}`);

  const random = new SeededRandom(11);
  const pick = (query: string) => store.sqlite.prepare(query).pluck().all() as string[];
  // As many searches as samples, so the steady-state pass repeats the first pass's searches; the
  // participants opened are new ones each time (about 2,000), as a meeting opens each person once.
  const nhsNumbers = pick(`SELECT nhs_number FROM participants WHERE nhs_number IS NOT NULL ORDER BY random() LIMIT ${ITERATIONS}`);
  const fullNames = Array.from({ length: ITERATIONS }, () => `${random.pick(GIVEN_NAMES)} ${random.pick(FAMILY_NAMES)}`);
  const listed = pick(
    "SELECT participant_id FROM agenda_items WHERE status = 'listed' UNION SELECT id FROM participants WHERE status = 'active' ORDER BY 1 LIMIT 2000",
  );
  const attendeeIds = pick('SELECT id FROM team_members WHERE active = 1 ORDER BY id LIMIT 4');
  // Agreeing uses up drafts in the cached stores: each store agrees its own remaining ones.
  const draftsOf = (target: Store) =>
    target.sqlite.prepare("SELECT id FROM action_plans WHERE status = 'draft' ORDER BY id").pluck().all() as string[];
  const drafts = new Map([store, plain].map((target) => [target, draftsOf(target)]));
  const agreeIterations = Math.min(ITERATIONS, ...[...drafts.values()].map((ids) => ids.length - 5));
  if (agreeIterations < 10) throw new Error(`Too few drafts left to agree in ${CACHE_DIR}: delete it to generate the stores again.`);
  const agree: Operation = async (target, iteration) => {
    const planId = drafts.get(target)?.[iteration] ?? '';
    const checkedById = attendeeIds[attendeeIds.length - 1] ?? '';
    // As dispatch does it: the audit entry waits in the call's scope and is written inside the plan's transaction.
    const entry = new PendingAuditEntry(() => ({
      at: NATIONAL_NOW.toISOString(),
      userId: user.userId,
      username: user.username,
      action: 'sign',
      channel: 'plans.agreeByMdt',
      participantId: null,
      subjectJson: JSON.stringify({ planId }),
      outcome: 'ok',
    }));
    const result = await runWithPendingAudit(entry, () =>
      agreePlanByMdt(target, { planId, revision: 1, meetingId: null, attendeeIds, checkedById }, user, NATIONAL_NOW),
    );
    if (!entry.committed) throw new Error('The audit entry was not written in the plan transaction.');
    return result;
  };

  const reads: Array<{ name: string; targetMs: number; run: Operation }> = [
    {
      name: 'caseload page: "Plan active", by next review',
      targetMs: 20,
      run: walkPages({ ...NO_FILTER, status: 'active' }, 'nextReview'),
    },
    {
      name: 'caseload page: coach + review due, by next review',
      targetMs: 20,
      run: walkPages({ ...NO_FILTER, coachUserId: 'bench-coach-3', reviewDueBy: TODAY }, 'nextReview'),
    },
    { name: 'search: full name', targetMs: 30, run: searchEach(fullNames) },
    { name: 'search: NHS number', targetMs: 30, run: searchEach(nhsNumbers) },
    {
      name: 'open one participant (everything the meeting view shows)',
      targetMs: 10,
      run: (target, iteration) => getParticipantRecord(target, listed[iteration % listed.length] ?? ''),
    },
  ];
  const rows: BenchRow[] = [
    {
      operation: 'unlock including the scrypt KDF (app path)',
      p50: percentile(unlockSamples, 0.5),
      p95: percentile(unlockSamples, 0.95),
      targetMs: 1500,
    },
    {
      operation: `PRAGMA quick_check, whole store (before unlock returns up to ${QUICK_CHECK_AT_UNLOCK_MAX_BYTES / 1024 / 1024} MB)`,
      p50: percentile(quickCheckSamples, 0.5),
      p95: percentile(quickCheckSamples, 0.95),
    },
    {
      operation: 'quick_check in slices after unlock (larger stores): all tables',
      p50: percentile(slicedSamples, 0.5),
      p95: percentile(slicedSamples, 0.95),
    },
    {
      operation: 'of which one slice (one table and its indexes; max = the longest the app waits)',
      p50: percentile(sliceSamples, 0.5),
      p95: Math.max(...sliceSamples),
    },
  ];
  const ratios: number[] = [];
  const firstPassRatios: number[] = [];
  try {
    for (const operation of reads) {
      let encryptedIteration = 0;
      let plainIteration = 0;
      const runEncrypted = () => operation.run(store, encryptedIteration++);
      const runPlain = () => operation.run(plain, plainIteration++);
      // First pass, timed: every page the inputs touch is read for the first time since unlock, so
      // the encrypted store decrypts it into its page cache while the plain file comes from the OS
      // cache. Then the same inputs again (searches and pages repeat; participants are new ones):
      // the steady state a session settles into, where the target is judged.
      const [firstEncrypted, firstPlain] = await measurePair(runEncrypted, runPlain, ITERATIONS, 0);
      const [encrypted, plainSamples] = await measurePair(runEncrypted, runPlain, ITERATIONS, 0);
      rows.push({
        operation: operation.name,
        p50: percentile(encrypted, 0.5),
        p95: percentile(encrypted, 0.95),
        targetMs: operation.targetMs,
        plainP95: percentile(plainSamples, 0.95),
        plainP50: percentile(plainSamples, 0.5),
      });
      // The cost of encryption shows in the median; the tail on a shared 2-core machine is mostly the scheduler.
      ratios.push(percentile(encrypted, 0.5) / percentile(plainSamples, 0.5));
      firstPassRatios.push(percentile(firstEncrypted, 0.5) / percentile(firstPlain, 0.5));
      if (process.env.BENCH_VERBOSE !== undefined) {
        console.log(
          `${operation.name}: p50 encrypted ${percentile(encrypted, 0.5).toFixed(3)} ms, plain ${percentile(plainSamples, 0.5).toFixed(3)} ms; first pass ${percentile(firstEncrypted, 0.5).toFixed(3)} ms, ${percentile(firstPlain, 0.5).toFixed(3)} ms`,
        );
      }
    }
    let encryptedIteration = 0;
    let plainIteration = 0;
    const [encryptedAgree, plainAgree] = await measurePair(
      () => agree(store, encryptedIteration++),
      () => agree(plain, plainIteration++),
      agreeIterations,
      5,
    );
    // The dashboard (issue 20 item 7) on its default range, the last 12 weeks: every chart's figures
    // in one call, as the screen makes it. A first pass after unlock, then the steady state.
    const dashboard = (target: Store) => buildDashboard(target, {}, NATIONAL_NOW);
    const [firstDashboard, firstPlainDashboard] = await measurePair(
      () => dashboard(store),
      () => dashboard(plain),
      1,
      0,
    );
    const [encryptedDashboard, plainDashboard] = await measurePair(
      () => dashboard(store),
      () => dashboard(plain),
      DASHBOARD_ITERATIONS,
      1,
    );
    rows.push({
      operation: 'dashboard: every chart, last 12 weeks (`dashboard.get`)',
      p50: percentile(encryptedDashboard, 0.5),
      p95: percentile(encryptedDashboard, 0.95),
      targetMs: 1000,
      plainP95: percentile(plainDashboard, 0.95),
      plainP50: percentile(plainDashboard, 0.5),
    });
    ratios.push(percentile(encryptedDashboard, 0.5) / percentile(plainDashboard, 0.5));
    firstPassRatios.push(percentile(firstDashboard, 0.5) / percentile(firstPlainDashboard, 0.5));
    if (process.env.BENCH_VERBOSE !== undefined) {
      const figures = await dashboard(store);
      console.log(
        `dashboard: ${figures.referredInRange} referred and ${figures.exitedInRange} left in ${figures.range.from}..${figures.range.to}; first pass ${percentile(firstDashboard, 0.5).toFixed(0)} ms encrypted, ${percentile(firstPlainDashboard, 0.5).toFixed(0)} ms plain`,
      );
    }
    rows.push({
      operation: 'agree a plan (transaction with version + audit entry)',
      p50: percentile(encryptedAgree, 0.5),
      p95: percentile(encryptedAgree, 0.95),
      targetMs: 15,
      plainP95: percentile(plainAgree, 0.95),
      plainP50: percentile(plainAgree, 0.5),
    });
  } finally {
    await plain.close();
    await store.close();
  }
  return { rows, readRatio: Math.max(...ratios), firstPassReadRatio: Math.max(...firstPassRatios) };
}

/** How many people the national benchmark runs against, for the report's title. */
export const NATIONAL_BENCH_SIZE = PARTICIPANTS;
