import { spawn } from 'node:child_process';
import { cpSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_PARTNERSHIP } from '../../../core/demo-partnership';
import type { AppStatus } from '../../../core/schemas/session';
import { storePaths } from '../../../db/store-paths';
import { createAppServices } from '../../../services/app-services';
import { demoWithPerson, value } from '../../support/demo-with-person';
import { tempDir } from '../../support/temp-dir';
import { TEST_ADMIN_PASSPHRASE, testPartnershipInput } from '../../support/test-admin';
import { testClock } from '../../support/test-clock';
import { testReferral } from '../../support/test-referral';

/**
 * Issue 17 item 3: a restore killed with SIGKILL between any two of its file moves is finished at
 * the next start, and the first-run screen never offers to set up a new partnership over the
 * real data. Real child processes and files.
 */
const CHILD = path.join(import.meta.dirname, 'restore-child.ts');
const PASS = DEMO_PARTNERSHIP.passphrase;

function runRestore(dataDir: string, backup: string, killAfter: number): Promise<{ steps: string[]; killed: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, backup, 'demo.admin', PASS, String(killAfter)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      const steps = [...output.matchAll(/^step (\S+)$/gm)].map((match) => match[1] ?? '');
      if (signal === 'SIGKILL' || code === 0) resolve({ steps, killed: signal === 'SIGKILL' });
      else reject(new Error(`restore child failed (code ${code}): ${output}`));
    });
  });
}

/** What the next start shows, and the number of people the store holds when it unlocks. */
async function nextStart(dataDir: string): Promise<{ state: AppStatus['state']; people: number | null }> {
  const services = createAppServices({ clock: testClock(), dataDir });
  try {
    const status = value<AppStatus>(await services.dispatch('app.status', {}));
    if (status.state !== 'locked') return { state: status.state, people: null };
    value(await services.dispatch('session.unlock', { username: 'demo.admin', passphrase: PASS }));
    const page = value<{ total: number }>(await services.dispatch('participants.count', {}));
    return { state: status.state, people: page.total };
  } finally {
    await services.close();
  }
}

describe('a restore killed with SIGKILL', () => {
  it('between any two file moves is finished at the next start, never falling back to set-up', async () => {
    // The backup holds the demo plus one person; the store it replaces has one more.
    const demo = await demoWithPerson();
    const backup = path.join(tempDir('workwell-backup-'), 'demo.wwbackup');
    value(await demo.services.dispatch('backup.create', { path: backup }));
    value(await demo.services.dispatch('participants.register', testReferral({ person: { nhsNumber: '', givenName: 'Later' } })));
    await demo.services.close();
    const before = await nextStart(demo.dataDir);
    expect(before.state).toBe('locked');
    const inBackup = (before.people ?? 0) - 1;

    // A full run names every step; then one run killed after each of them.
    const whole = tempDir();
    cpSync(demo.dataDir, whole, { recursive: true });
    const full = await runRestore(whole, backup, -1);
    expect(full.killed).toBe(false);
    expect(full.steps).toEqual([
      'journal-written',
      'moved-aside:workwell.db',
      'moved-aside:keyring.json',
      'moved-aside:keyring.backup.json',
      'store-in-place',
      'keyring-written',
    ]);
    expect(await nextStart(whole)).toEqual({ state: 'locked', people: inBackup });

    for (let killAfter = 0; killAfter < full.steps.length; killAfter += 1) {
      const dataDir = tempDir();
      cpSync(demo.dataDir, dataDir, { recursive: true });
      const run = await runRestore(dataDir, backup, killAfter);
      expect(run.killed, `killed after ${full.steps[killAfter]}`).toBe(true);
      expect(await nextStart(dataDir), `killed after ${full.steps[killAfter]}`).toEqual({ state: 'locked', people: inBackup });
      const left = readdirSync(dataDir).filter((name) => name.includes('restor'));
      expect(left, `killed after ${full.steps[killAfter]}`).toEqual([]);
      const replaced = readdirSync(dataDir).filter((name) => name.startsWith('replaced-'));
      expect(replaced.length, `the replaced store is kept, killed after ${full.steps[killAfter]}`).toBe(1);
    }
  }, 600_000);

  it('offers to finish the interrupted restore, never to set up, while a store or replaced files lack a keyring', async () => {
    const dataDir = tempDir();
    const services = createAppServices({ clock: testClock(), dataDir });
    value(await services.dispatch('setup.createPartnership', testPartnershipInput()));
    const backup = path.join(tempDir('workwell-backup-'), 'store.wwbackup');
    value(await services.dispatch('backup.create', { path: backup }));
    await services.close();
    // What a crash between the moves left before restores were journaled: a store, no keyring.
    rmSync(storePaths(dataDir).keyring);
    rmSync(path.join(dataDir, 'keyring.backup.json'));
    const again = createAppServices({ clock: testClock(), dataDir });
    try {
      expect(value<AppStatus>(await again.dispatch('app.status', {}))).toMatchObject({
        state: 'restore-interrupted',
        found: ['workwell.db'],
      });
      const setUp = await again.dispatch('setup.createPartnership', testPartnershipInput());
      expect(setUp.ok ? '' : setUp.error.message).toMatch(/interrupted restore/);
      value(await again.dispatch('setup.restoreBackup', { path: backup, username: 'test.admin', passphrase: TEST_ADMIN_PASSPHRASE }));
      expect(value<AppStatus>(await again.dispatch('app.status', {})).state).toBe('locked');
    } finally {
      await again.close();
    }
  }, 120_000);
});
