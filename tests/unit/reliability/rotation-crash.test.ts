import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_PARTNERSHIP } from '../../../core/demo-partnership';
import { createAppServices } from '../../../services/app-services';
import { seedStore } from '../../../services/session/store-commands';
import { SeededRandom } from '../../../services/synthetic/seeded-random';
import { demoFromTemplate } from '../../support/demo-template';
import { rowCounts, storeReader } from '../../support/store-reader';
import { storePaths } from '../../../db/store-paths';
import { unlockStore } from '../../../services/session/unlock-store';
import { TEST_NOW, testClock } from '../../support/test-clock';

/**
 * Issue 17 item 2: a data-key rotation killed with SIGKILL at a random moment leaves a store that
 * the next start opens, with every row, under whichever key is live. Real child processes, a real
 * store; the kill lands anywhere in the rotation's span, not only between its steps.
 */
const CHILD = path.join(import.meta.dirname, 'rotation-child.ts');
const TRIALS = 20;
const EXTRA_PEOPLE = 1500;
const PASS = DEMO_PARTNERSHIP.passphrase;
/** Rotation leaves its own marks (the backup log and its unfinished-file entry, the audit entry, the setting); the records must be untouched. */
const CHANGED_BY_ROTATION = ['audit_log', 'backup_log', 'security_settings', 'unfinished_files'];

interface ChildRun {
  readonly rotatedMs: number | null;
  readonly killed: boolean;
}

/** Runs the rotation child; kills it `killAfterMs` after it says `ready` (never, when null). */
function runRotation(dataDir: string, trial: number, killAfterMs: number | null): Promise<ChildRun> {
  // Each trial's clock starts an hour later, so the rotation backups' dated names never collide.
  const now = new Date(Date.parse(TEST_NOW) + trial * 3_600_000).toISOString();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, 'demo.admin', PASS], {
      env: { ...process.env, WORKWELL_TEST_NOW: now },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let rotatedMs: number | null = null;
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      if (killAfterMs !== null && /^ready$/m.test(output) && !output.includes('kill-armed')) {
        output += '\nkill-armed\n';
        setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      }
      const done = /^rotated (\d+)$/m.exec(output);
      if (done !== null) rotatedMs = Number(done[1]);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve({ rotatedMs, killed: true });
      else if (code === 0) resolve({ rotatedMs, killed: false });
      else reject(new Error(`rotation child failed (code ${code}): ${output}`));
    });
  });
}

describe('a data-key rotation killed with SIGKILL', () => {
  it(`leaves a store that opens with every row, over ${TRIALS} kills at random moments`, async () => {
    const template = await demoFromTemplate();
    const { dataDir } = template;
    await template.services.close();
    // A few thousand more people, so the store is megabytes and re-encrypting it takes a while.
    await seedStore({
      dataDir,
      username: 'demo.admin',
      passphrase: PASS,
      participants: EXTRA_PEOPLE,
      seed: 17,
      now: testClock()(),
      peopleOnly: true,
    });
    const reader = await storeReader(dataDir, 'demo.admin', PASS);
    const before = reader.read((database) => rowCounts(database, CHANGED_BY_ROTATION));
    reader.forget();
    expect(before.participants).toBeGreaterThan(200);

    // One whole rotation first, to learn how long one takes on this machine.
    const calibration = await runRotation(dataDir, 0, null);
    expect(calibration.rotatedMs).not.toBeNull();
    const span = Math.max(50, calibration.rotatedMs ?? 0);
    const random = new SeededRandom(20261206);
    let killedMidway = 0;
    for (let trial = 1; trial <= TRIALS; trial += 1) {
      const run = await runRotation(dataDir, trial, random.integer(0, span));
      if (run.killed && run.rotatedMs === null) killedMidway += 1;
      // The next start finishes or rolls back the rotation; the passphrase then opens the store.
      await createAppServices({ clock: testClock(), dataDir }).close();
      const unlocked = await unlockStore(storePaths(dataDir), 'demo.admin', PASS).catch((error: unknown) => error);
      if (unlocked instanceof Error) expect.fail(`trial ${trial}: ${unlocked.message}`);
      const { store, dataKey } = unlocked as Awaited<ReturnType<typeof unlockStore>>;
      dataKey.fill(0);
      try {
        expect(rowCounts(store.sqlite, CHANGED_BY_ROTATION), `trial ${trial}`).toEqual(before);
        expect(store.sqlite.pragma('integrity_check', { simple: true }), `trial ${trial}`).toBe('ok');
      } finally {
        await store.close();
      }
      const debris = readdirSync(dataDir).filter((name) => /rotat|\.next\.|-journal$|\.tmp$/.test(name));
      expect(debris, `trial ${trial}`).toEqual([]);
    }
    // How many land midway depends on the machine's load; a quarter is plenty to have hit every phase.
    expect(killedMidway).toBeGreaterThanOrEqual(TRIALS / 4);
  }, 600_000);
});
