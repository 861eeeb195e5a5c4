import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createAppServices } from '../../../services/app-services';
import { SeededRandom } from '../../../services/synthetic/seeded-random';
import { value } from '../../support/demo-with-person';
import { storeReader } from '../../support/store-reader';
import { tempDir } from '../../support/temp-dir';
import { TEST_ADMIN_PASSPHRASE, testPartnershipInput } from '../../support/test-admin';
import { testClock } from '../../support/test-clock';

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'writer-child.ts');
const TRIALS = 20;

interface TrialOutcome {
  readonly committed: string[];
  readonly sawReady: boolean;
}

/**
 * Runs the writer child and kills it with SIGKILL `killAfterMs` after it said it was ready (or,
 * when `duringStartup`, that long after it was spawned: unlocking and migrating are killed too).
 */
function runAndKill(dataDir: string, trial: number, killAfterMs: number, duringStartup: boolean): Promise<TrialOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, 'test.admin', TEST_ADMIN_PASSPHRASE, String(trial)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const committed: string[] = [];
    let sawReady = false;
    let buffered = '';
    let errors = '';
    const kill = () => setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    if (duringStartup) kill();
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      // Only whole lines count: a half-printed id was not reported.
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'ready') {
          sawReady = true;
          if (!duringStartup) kill();
        } else if (line.startsWith('committed ')) committed.push(line.slice('committed '.length));
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer exited by itself (code ${code}): ${errors}`));
      else resolve({ committed, sawReady });
    });
  });
}

describe('a writer killed with SIGKILL', () => {
  it(`loses no reported write and leaves a sound store, over ${TRIALS} trials`, async () => {
    const dataDir = tempDir();
    const services = createAppServices({ clock: testClock(), dataDir });
    value(await services.dispatch('setup.createPartnership', testPartnershipInput()));
    await services.close();
    const reader = await storeReader(dataDir, 'test.admin', TEST_ADMIN_PASSPHRASE);
    const random = new SeededRandom(20261130);
    const reported: string[] = [];
    let killedWhileWriting = 0;
    try {
      for (let trial = 0; trial < TRIALS; trial += 1) {
        // Every fourth trial dies while starting up (unlock, migrations); the rest while writing.
        const duringStartup = trial % 4 === 3;
        const outcome = await runAndKill(dataDir, trial, duringStartup ? random.integer(50, 900) : random.integer(0, 250), duringStartup);
        reported.push(...outcome.committed);
        if (outcome.sawReady) killedWhileWriting += 1;
        const present = reader.read(
          (database) => new Set((database.prepare('SELECT id FROM participants').all() as Array<{ id: string }>).map((row) => row.id)),
        );
        const missing = reported.filter((id) => !present.has(id));
        expect(missing, `trial ${trial}: writes reported as committed are missing`).toEqual([]);
        expect(reader.integrityCheck(), `trial ${trial}`).toBe('ok');
      }
    } finally {
      reader.forget();
    }
    expect(killedWhileWriting).toBeGreaterThanOrEqual(TRIALS / 2);
    expect(reported.length).toBeGreaterThan(TRIALS);
  }, 180_000);
});
