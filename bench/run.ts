import Database from 'better-sqlite3-multiple-ciphers';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readCaseloadPage, type CaseloadPosition } from '../db/repositories/caseload-repository';
import type { Store } from '../db/store';
import { createAppServices } from '../services/app-services';
import { seedStore } from '../services/session/store-commands';
import { unlockStore } from '../services/session/unlock-store';
import { storePaths } from '../db/store-paths';
import { TEST_ADMIN_PASSPHRASE } from '../tests/support/test-admin';
import { copyToPlainTwin, createBenchPartnership } from './bench-store';
import { CASELOAD_BENCH_SIZE, runCaseloadBench } from './caseload-bench';
import { FHIR_BENCH_PLANS, runFhirExportBench } from './fhir-export-bench';
import { runDocumentsBench } from './documents-bench';
import { LONG_MEETING_CASES, runLongMeetingBench } from './long-meeting-bench';
import { NATIONAL_BENCH_SIZE, runNationalBench } from './national-bench';
import { measure, measurePair, percentile } from './measure';
import { printReport, type BenchRow } from './report';
import { BENCH_NOW, benchClock } from './bench-clock';
import { SYNC_BENCH_PARTICIPANTS, SYNC_BENCH_PUSHED, runSyncBench } from './sync-bench';

/**
 * `npm run bench`: the foundation's operations on the encrypted store, each compared with the same
 * schema and query on plain SQLite in the same run, then the caseload at 250,000 people
 * (bench/caseload-bench.ts), the partnership export (bench/fhir-export-bench.ts) and the PDF
 * documents (bench/documents-bench.ts), and the whole store with every person's history at national
 * size (bench/national-bench.ts), and sync through a partnership server on PostgreSQL
 * (bench/sync-bench.ts). Not part of the test suite. `BENCH_SUITE=caseload` (or `foundation`,
 * `national`, `fhir`, `meetings`, `documents`, `sync`) runs one part only.
 */
const SUITE = process.env.BENCH_SUITE ?? 'all';
const PARTICIPANTS = Number(process.env.BENCH_PARTICIPANTS ?? 50_000);

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'workwell-bench-'));
  try {
    const files = { dataDir: path.join(dir, 'encrypted'), plainFile: path.join(dir, 'plain.db') };
    await createBenchPartnership(files.dataDir, 0, BENCH_NOW);
    await seedStore({
      dataDir: files.dataDir,
      passphrase: TEST_ADMIN_PASSPHRASE,
      participants: PARTICIPANTS,
      seed: 1,
      now: BENCH_NOW,
      peopleOnly: true,
    });
    // Plain SQLite: same schema (same migrations), the same rows copied across, no key.
    await copyToPlainTwin(files);

    const unlock = await measure(
      async () => {
        const fresh = createAppServices({ clock: benchClock(), dataDir: files.dataDir });
        const result = await fresh.dispatch('session.unlock', { username: 'test.admin', passphrase: TEST_ADMIN_PASSPHRASE });
        if (!result.ok) throw new Error(result.error.message);
        await fresh.close();
      },
      5,
      1,
    );

    // The same repository query on both stores: page after page by keyset, following the cursors.
    const { store } = await unlockStore(storePaths(files.dataDir), 'test.admin', TEST_ADMIN_PASSPHRASE);
    const plain = new Database(files.plainFile, { fileMustExist: true });
    plain.pragma(`cache_size = ${String(store.sqlite.pragma('cache_size', { simple: true }))}`);
    const walk = (target: Pick<Store, 'sqlite'>) => {
      let position: CaseloadPosition | null = null;
      return () => {
        const result = readCaseloadPage(
          target,
          { ftsQuery: null, status: null, coachUserId: null, reviewDueBy: null, openRiskFlag: false },
          'name',
          position,
          25,
        );
        const last = result.rows[result.rows.length - 1];
        position = result.hasMoreAfter && last !== undefined ? { direction: 'after', keys: last.sortKeys } : null;
      };
    };
    const [encryptedPage, plainPage] = await measurePair(walk(store), walk({ sqlite: plain }), 300);
    await store.close();
    plain.close();

    // The whole app path on top: zod, the role check, the handler and its audit entry (one commit).
    const app = createAppServices({ clock: benchClock(), dataDir: files.dataDir });
    await app.dispatch('session.unlock', { username: 'test.admin', passphrase: TEST_ADMIN_PASSPHRASE });
    let cursor: string | null = null;
    const dispatchedPage = await measure(async () => {
      const result = await app.dispatch('participants.list', { cursor, pageSize: 25 });
      if (!result.ok) throw new Error(result.error.message);
      cursor = (result.value as { nextCursor: string | null }).nextCursor;
    }, 300);
    await app.close();

    const size = PARTICIPANTS.toLocaleString('en-GB');
    const rows: BenchRow[] = [
      { operation: 'unlock including the scrypt KDF', p50: percentile(unlock, 0.5), p95: percentile(unlock, 0.95), targetMs: 1500 },
      {
        operation: `caseload page (25 of ${size}), store query`,
        p50: percentile(encryptedPage, 0.5),
        p95: percentile(encryptedPage, 0.95),
        targetMs: 20,
        plainP95: percentile(plainPage, 0.95),
        plainP50: percentile(plainPage, 0.5),
      },
      {
        operation: `caseload page (25 of ${size}), through dispatch + audit`,
        p50: percentile(dispatchedPage, 0.5),
        p95: percentile(dispatchedPage, 0.95),
        targetMs: 20,
      },
    ];
    printReport(`WorkWell MDT benchmark (${os.cpus().length} cores, Node ${process.version})`, rows);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (SUITE === 'all' || SUITE === 'foundation') await main();
if (SUITE === 'all' || SUITE === 'national') {
  const national = await runNationalBench();
  printReport(
    `Whole store with histories, ${NATIONAL_BENCH_SIZE.toLocaleString('en-GB')} people (${os.cpus().length} cores, Node ${process.version}); same code on the encrypted store and plain SQLite`,
    national.rows,
  );
  console.log(
    `Encrypted / plain ratio on the read operations (worst p50): ${national.readRatio.toFixed(2)} (target <= 1.3: ${national.readRatio <= 1.3 ? 'pass' : 'FAIL'})`,
  );
  console.log(
    `  on the first pass after unlock, while the page cache fills: ${national.firstPassReadRatio.toFixed(2)} (each page decrypted once)`,
  );
}
if (SUITE === 'all' || SUITE === 'caseload') {
  printReport(
    `Caseload at ${CASELOAD_BENCH_SIZE.toLocaleString('en-GB')} people (${os.cpus().length} cores, Node ${process.version}); store queries vs plain SQLite, then the app path`,
    await runCaseloadBench(),
  );
}
if (SUITE === 'all' || SUITE === 'fhir') {
  const fhir = await runFhirExportBench();
  printReport(
    `Partnership export, ${FHIR_BENCH_PLANS.toLocaleString('en-GB')} plans (${os.cpus().length} cores, Node ${process.version})`,
    fhir.rows,
  );
  const verdict = fhir.peakRssMb < 400 ? 'pass' : 'FAIL';
  console.log(
    `Peak RSS of the export process: ${fhir.peakRssMb.toFixed(0)} MB (target < 400 MB: ${verdict}); file ${(fhir.bytes / 1_048_576).toFixed(1)} MB`,
  );
}
if (SUITE === 'all' || SUITE === 'meetings') {
  printReport(
    `Ending a meeting of ${LONG_MEETING_CASES.toLocaleString('en-GB')} cases (${os.cpus().length} cores, Node ${process.version})`,
    await runLongMeetingBench(),
  );
}
if (SUITE === 'all' || SUITE === 'documents') {
  printReport(`PDF documents (${os.cpus().length} cores, Node ${process.version})`, await runDocumentsBench());
}
if (SUITE === 'all' || SUITE === 'sync') {
  const sync = await runSyncBench();
  printReport(
    `Sync through a partnership server on PostgreSQL, ${SYNC_BENCH_PARTICIPANTS.toLocaleString('en-GB')} people with histories (${os.cpus().length} cores, Node ${process.version}); plain: laptop 2's twin in plain SQLite receiving the same changes`,
    sync.rows,
  );
  console.log(
    `Server applying ${SYNC_BENCH_PUSHED.toLocaleString('en-GB')} pushed changes: ${sync.appliedPerSecond.toFixed(0)} per second (target >= 200: ${sync.appliedPerSecond >= 200 ? 'pass' : 'FAIL'})`,
  );
  const cpu = ({ node, postgres }: { node: number; postgres: number }) =>
    `${(node + postgres).toFixed(1)} s of CPU (Node ${node.toFixed(1)} s, PostgreSQL ${postgres.toFixed(1)} s)`;
  console.log(`  enrolling used ${cpu(sync.enrolCpu)}; applying the pushes used ${cpu(sync.pushCpu)}`);
}
