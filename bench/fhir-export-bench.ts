import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { storePaths } from '../db/store-paths';
import { createAppServices } from '../services/app-services';
import { buildMiReturn } from '../services/exports/mi-return';
import { seedStore } from '../services/session/store-commands';
import { SeededRandom } from '../services/synthetic/seeded-random';
import { unlockStore } from '../services/session/unlock-store';
import { TEST_ADMIN_PASSPHRASE, testPartnershipInput } from '../tests/support/test-admin';
import type { BenchRow } from './report';
import { BENCH_NOW, benchClock } from './bench-clock';

/** People with an agreed plan in the FHIR export benchmark. */
export const FHIR_BENCH_PLANS = Number(process.env.BENCH_FHIR_PLANS ?? 10_000);
const AT = '2026-11-20T10:00:00.000Z';

/**
 * The partnership export of 10,000 plans: a store of synthetic people who each consented, have a
 * joined-up assessment, PHQ-9 and GAD-7 totals and an agreed plan with 2 goals and 4 actions;
 * the export runs in a child process (time and peak RSS of the export alone) to a folder.
 * Targets: <= 10 s and < 400 MB.
 */
export async function runFhirExportBench(): Promise<{ rows: BenchRow[]; peakRssMb: number; bytes: number }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'workwell-fhir-bench-'));
  try {
    const dataDir = path.join(dir, 'store');
    const services = createAppServices({ clock: benchClock(), dataDir });
    const created = await services.dispatch('setup.createPartnership', testPartnershipInput());
    if (!created.ok) throw new Error(created.error.message);
    await services.close();
    await seedStore({
      dataDir,
      passphrase: TEST_ADMIN_PASSPHRASE,
      participants: FHIR_BENCH_PLANS,
      seed: 10,
      now: BENCH_NOW,
      peopleOnly: true,
    });
    const { store, user } = await unlockStore(storePaths(dataDir), 'test.admin', TEST_ADMIN_PASSPHRASE);
    const sqlite = store.sqlite;
    const random = new SeededRandom(10);
    const ids = sqlite.prepare('SELECT id FROM participants ORDER BY id').pluck().all() as string[];
    const consent = sqlite.prepare(
      "INSERT INTO consents (id, participant_id, purpose, decision, decided_on, method, recorded_by, recorded_at) VALUES (?, ?, 'share_partnership', 'given', '2026-11-01', 'verbal', ?, ?)",
    );
    const assessment = sqlite.prepare(
      "INSERT INTO assessments (id, participant_id, kind, assessed_on, content_json, author_id, recorded_at) VALUES (?, ?, 'joined_up', '2026-11-02', ?, ?, ?)",
    );
    const measure = sqlite.prepare(
      'INSERT INTO measure_results (id, participant_id, discipline, measure, taken_on, answers_json, total, band_label, risk_flag, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, 0, ?, ?)',
    );
    const plan = sqlite.prepare(
      "INSERT INTO action_plans (id, participant_id, version_number, status, content_json, review_on, next_review_on, created_by, created_at, updated_at, mdt_agreed_at, mdt_agreed_by) VALUES (?, ?, 1, 'agreed_by_mdt', ?, '2027-01-15', '2027-01-15', ?, ?, ?, ?, ?)",
    );
    sqlite.transaction(() => {
      for (const id of ids) {
        consent.run(random.uuid(), id, user.userId, AT);
        assessment.run(
          random.uuid(),
          id,
          JSON.stringify({ mainBarrier: 'mental_health', socialBarriers: ['debt', 'confidence'] }),
          user.userId,
          AT,
        );
        measure.run(random.uuid(), id, 'employment_support', 'phq9', '2026-11-02', '[]', random.integer(0, 27), user.userId, AT);
        measure.run(random.uuid(), id, 'employment_support', 'gad7', '2026-11-02', '[]', random.integer(0, 21), user.userId, AT);
        const content = {
          goals: [
            { id: 'g1', text: 'Back to my usual hours by the spring' },
            { id: 'g2', text: 'Feel less anxious about work' },
          ],
          actions: [1, 2, 3, 4].map((n) => ({
            id: `a${n}`,
            goalId: n % 2 === 0 ? 'g2' : 'g1',
            kind: n === 4 ? 'signpost' : 'intervention',
            discipline: 'physiotherapy',
            description: `Synthetic action ${n}`,
            ownerId: null,
            dueOn: '2027-01-10',
            serviceId: null,
          })),
          reviewOn: '2027-01-15',
        };
        plan.run(random.uuid(), id, JSON.stringify(content), user.userId, AT, AT, AT, user.userId);
      }
    })();
    await store.close();

    const folder = path.join(dir, 'drop');
    mkdirSync(folder);
    const output = execFileSync(
      process.execPath,
      ['--import', 'tsx', path.join(import.meta.dirname, 'fhir-export-child.ts'), dataDir, folder],
      { encoding: 'utf8' },
    );
    const result = JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as { ms: number; peakRssMb: number; included: number };
    if (result.included !== FHIR_BENCH_PLANS) throw new Error(`expected ${FHIR_BENCH_PLANS} people in the export, got ${result.included}`);
    const file = readdirSync(folder)[0] ?? '';
    const reopened = await unlockStore(storePaths(dataDir), 'test.admin', TEST_ADMIN_PASSPHRASE);
    const miStarted = performance.now();
    const mi = buildMiReturn(reopened.store, reopened.user, '2026-11', BENCH_NOW);
    const miMs = performance.now() - miStarted;
    await reopened.store.close();
    if (mi.rows !== FHIR_BENCH_PLANS) throw new Error(`expected ${FHIR_BENCH_PLANS} rows in the MI return, got ${mi.rows}`);
    const bytes = statSync(path.join(folder, file)).size;
    return {
      rows: [
        {
          operation: `FHIR export of ${FHIR_BENCH_PLANS.toLocaleString('en-GB')} plans to a folder (one process, incl. unlock)`,
          p50: result.ms,
          p95: result.ms,
          targetMs: 10_000,
        },
        { operation: `MI return CSV for ${FHIR_BENCH_PLANS.toLocaleString('en-GB')} people (one month)`, p50: miMs, p95: miMs },
      ],
      peakRssMb: result.peakRssMb,
      bytes,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
