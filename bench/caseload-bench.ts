import Database from 'better-sqlite3-multiple-ciphers';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { caseloadSearchQuery } from '../core/caseload-search';
import { createKysely } from '../db/create-kysely';
import { migrateToLatest } from '../db/migrate';
import { MIGRATIONS } from '../db/migrations';
import { readCaseloadPage, type CaseloadPosition, type CaseloadQuery, type CaseloadSortKey } from '../db/repositories/caseload-repository';
import type { Store } from '../db/store';
import { storePaths } from '../db/store-paths';
import { createAppServices } from '../services/app-services';
import { seedStore } from '../services/session/store-commands';
import { SeededRandom } from '../services/synthetic/seeded-random';
import { FAMILY_NAMES, GIVEN_NAMES } from '../services/synthetic/synthetic-names';
import { unlockStore } from '../services/session/unlock-store';
import { TEST_ADMIN_PASSPHRASE } from '../tests/support/test-admin';
import { cachedBenchStore, copyToPlainTwin, createBenchPartnership, type BenchStoreFiles } from './bench-store';
import { measure, percentile } from './measure';
import type { BenchRow } from './report';
import { BENCH_NOW, benchClock } from './bench-clock';

/**
 * The caseload at national size: 250,000 synthetic people (generated once, cached under the
 * gitignored `.bench-cache/`), in the encrypted store and in a plain (unkeyed) SQLite file with the
 * same schema and rows. Each operation runs the same repository query on both, in this run.
 */
const PARTICIPANTS = Number(process.env.BENCH_CASELOAD_PARTICIPANTS ?? 250_000);
const COACHES = 20;
/** Share of people given an open risk flag, roughly what a busy service carries. */
const RISK_FLAG_SHARE = 0.01;
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 300);
/** The cache is made again whenever the schema changes (a migration is added). */
const SCHEMA_TAG = createHash('sha256').update(Object.keys(MIGRATIONS).join('\n')).digest('hex').slice(0, 8);
const CACHE_DIR = path.resolve(process.env.BENCH_CACHE_DIR ?? '.bench-cache', `caseload-${PARTICIPANTS}-${SCHEMA_TAG}`);
/** A fixed "today" inside the seeded review dates, so "review due" always matches a share of people. */
const TODAY = '2026-11-30';

const NO_FILTER: CaseloadQuery = { ftsQuery: null, status: null, coachUserId: null, reviewDueBy: null, openRiskFlag: false };

/** The encrypted store (people only, 1% with an open risk flag) and its plain twin, from the cache or made now. */
function prepare(): Promise<BenchStoreFiles> {
  return cachedBenchStore(CACHE_DIR, async (files) => {
    console.log(
      `Generating ${PARTICIPANTS.toLocaleString('en-GB')} synthetic people for the caseload benchmark (once; cached in ${CACHE_DIR})...`,
    );
    await createBenchPartnership(files.dataDir, COACHES, BENCH_NOW);
    await seedStore({
      dataDir: files.dataDir,
      passphrase: TEST_ADMIN_PASSPHRASE,
      participants: PARTICIPANTS,
      seed: 250,
      now: BENCH_NOW,
      peopleOnly: true,
    });
    await addRiskFlags(files.dataDir);
    await copyToPlainTwin(files);
  });
}

/** Gives about `RISK_FLAG_SHARE` of people an open risk flag, as a busy service carries. */
async function addRiskFlags(dataDir: string): Promise<void> {
  const { store } = await unlockStore(storePaths(dataDir), 'test.admin', TEST_ADMIN_PASSPHRASE);
  const sqlite = store.sqlite;
  try {
    const ids = sqlite.prepare('SELECT id FROM participants ORDER BY reference').pluck().all() as string[];
    const random = new SeededRandom(99);
    const flag = sqlite.prepare(
      "INSERT INTO risk_flags (id, participant_id, measure_result_id, reason, raised_on, raised_at) VALUES (?, ?, NULL, 'Synthetic benchmark flag', ?, ?)",
    );
    sqlite.transaction(() => {
      for (const id of ids) if (random.next() < RISK_FLAG_SHARE) flag.run(random.uuid(), id, TODAY, BENCH_NOW.toISOString());
    })();
  } finally {
    await store.close();
  }
}

/** One operation: a function of the store (or the plain twin's connection) and the iteration number, run on each. */
type Operation = (target: Pick<Store, 'sqlite'>, iteration: number) => unknown;

/**
 * Walks forward through pages (following the cursors), starting again at the first page every
 * `restartEvery` pages, so the samples mix shallow and deep pages.
 */
function walkPages(query: CaseloadQuery, sort: CaseloadSortKey, restartEvery = 100): Operation {
  const positions = new WeakMap<Pick<Store, 'sqlite'>, CaseloadPosition | null>();
  return (target, iteration) => {
    const from = iteration % restartEvery === 0 ? null : (positions.get(target) ?? null);
    const page = readCaseloadPage(target, query, sort, from, 25);
    const last = page.rows[page.rows.length - 1];
    positions.set(target, page.hasMoreAfter && last !== undefined ? { direction: 'after', keys: last.sortKeys } : null);
    return page;
  };
}

function searchEach(texts: readonly string[]): Operation {
  return (target, iteration) =>
    readCaseloadPage(target, { ...NO_FILTER, ftsQuery: caseloadSearchQuery(texts[iteration % texts.length] ?? '') }, 'name', null, 25);
}

/** Runs every caseload operation on both stores and returns the report rows. */
export async function runCaseloadBench(): Promise<BenchRow[]> {
  const { dataDir, plainFile } = await prepare();
  const { store } = await unlockStore(storePaths(dataDir), 'test.admin', TEST_ADMIN_PASSPHRASE);
  const plain = new Database(plainFile, { fileMustExist: true });
  plain.pragma('journal_mode = WAL');
  // Keep the plain twin's schema in step with the encrypted store's (which migrates as it opens).
  await migrateToLatest(createKysely(plain));
  // BENCH_CACHE_SIZE tries another page cache (SQLite's cache_size: negative KiB) on both stores.
  if (process.env.BENCH_CACHE_SIZE !== undefined) store.sqlite.pragma(`cache_size = ${Number(process.env.BENCH_CACHE_SIZE)}`);
  const cacheSize = store.sqlite.pragma('cache_size', { simple: true }) as number;
  plain.pragma(`cache_size = ${cacheSize}`);
  console.log(`cache_size = ${cacheSize}`);

  const random = new SeededRandom(7);
  const nhsNumbers = store.sqlite
    .prepare('SELECT nhs_number FROM participants WHERE nhs_number IS NOT NULL ORDER BY random() LIMIT 500')
    .pluck()
    .all() as string[];
  const spaced = nhsNumbers.map((nhs) => `${nhs.slice(0, 3)} ${nhs.slice(3, 6)} ${nhs.slice(6)}`);
  const familyPrefixes = Array.from({ length: 200 }, () => random.pick(FAMILY_NAMES).slice(0, 4));
  const fullNames = Array.from({ length: 200 }, () => `${random.pick(GIVEN_NAMES)} ${random.pick(FAMILY_NAMES)}`);

  const operations: Array<{ name: string; targetMs: number; run: Operation }> = [
    { name: 'page: status "Plan active", by next review', targetMs: 20, run: walkPages({ ...NO_FILTER, status: 'active' }, 'nextReview') },
    { name: 'page: one coach, by next review', targetMs: 20, run: walkPages({ ...NO_FILTER, coachUserId: 'bench-coach-7' }, 'nextReview') },
    { name: 'page: review due, by next review', targetMs: 20, run: walkPages({ ...NO_FILTER, reviewDueBy: TODAY }, 'nextReview') },
    {
      name: 'page: coach + review due, by next review',
      targetMs: 20,
      run: walkPages({ ...NO_FILTER, coachUserId: 'bench-coach-3', reviewDueBy: TODAY }, 'nextReview'),
    },
    { name: 'page: open risk flag, by name', targetMs: 20, run: walkPages({ ...NO_FILTER, openRiskFlag: true }, 'name') },
    { name: 'page: everyone, by name', targetMs: 20, run: walkPages(NO_FILTER, 'name', 1_000) },
    { name: 'page: everyone, by referral date', targetMs: 20, run: walkPages(NO_FILTER, 'referralDate', 1_000) },
    { name: 'search: full name ("Sam Patel")', targetMs: 30, run: searchEach(fullNames) },
    { name: 'search: family name prefix ("Smit")', targetMs: 30, run: searchEach(familyPrefixes) },
    { name: 'search: NHS number, digits', targetMs: 30, run: searchEach(nhsNumbers) },
    { name: 'search: NHS number, with spaces', targetMs: 30, run: searchEach(spaced) },
  ];

  const plainTarget = { sqlite: plain };
  const rows: BenchRow[] = [];
  try {
    for (const operation of operations) {
      let encryptedIteration = 0;
      let plainIteration = 0;
      const encrypted = await measure(() => operation.run(store, encryptedIteration++), ITERATIONS);
      const plainSamples = await measure(() => operation.run(plainTarget, plainIteration++), ITERATIONS);
      rows.push({
        operation: operation.name,
        p50: percentile(encrypted, 0.5),
        p95: percentile(encrypted, 0.95),
        targetMs: operation.targetMs,
        plainP95: percentile(plainSamples, 0.95),
        plainP50: percentile(plainSamples, 0.5),
      });
    }
    // The same kind of page through the whole app path: zod, role check, handler and the audit entry it writes.
    const services = createAppServices({ dataDir, clock: benchClock() });
    try {
      const unlocked = await services.dispatch('session.unlock', { username: 'test.admin', passphrase: TEST_ADMIN_PASSPHRASE });
      if (!unlocked.ok) throw new Error(unlocked.error.message);
      let cursor: string | null = null;
      const viaDispatch = await measure(async () => {
        const result = await services.dispatch('participants.list', { status: 'active', sort: 'nextReview', cursor, pageSize: 25 });
        if (!result.ok) throw new Error(result.error.message);
        cursor = (result.value as { nextCursor: string | null }).nextCursor;
      }, ITERATIONS);
      rows.push({
        operation: 'page through dispatch (+ audit entry)',
        p50: percentile(viaDispatch, 0.5),
        p95: percentile(viaDispatch, 0.95),
        targetMs: 20,
      });
      let index = 0;
      const searchViaDispatch = await measure(async () => {
        const result = await services.dispatch('participants.list', { search: fullNames[index++ % fullNames.length] ?? '', pageSize: 25 });
        if (!result.ok) throw new Error(result.error.message);
      }, ITERATIONS);
      rows.push({
        operation: 'search through dispatch (+ audit entry)',
        p50: percentile(searchViaDispatch, 0.5),
        p95: percentile(searchViaDispatch, 0.95),
        targetMs: 30,
      });
      const countSamples = await measure(
        async () => {
          const result = await services.dispatch('participants.count', { status: 'active' });
          if (!result.ok) throw new Error(result.error.message);
        },
        Math.min(ITERATIONS, 50),
      );
      rows.push({
        operation: 'count: status "Plan active" (per search, not per page)',
        p50: percentile(countSamples, 0.5),
        p95: percentile(countSamples, 0.95),
      });
    } finally {
      await services.close();
    }
  } finally {
    plain.close();
    await store.close();
  }
  return rows;
}

/** How many people the caseload benchmark runs against, for the report's title. */
export const CASELOAD_BENCH_SIZE = PARTICIPANTS;
