import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { STORE_ERROR_MESSAGES } from '../../../db/store-errors';
import { createAppServices } from '../../../services/app-services';
import { value } from '../../support/demo-with-person';
import { storeReader } from '../../support/store-reader';
import { tempDir } from '../../support/temp-dir';
import { TEST_ADMIN_PASSPHRASE, testPartnershipInput } from '../../support/test-admin';
import { testClock } from '../../support/test-clock';
import { testReferral } from '../../support/test-referral';

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'write-lock-child.ts');
const UNLOCK = { username: 'test.admin', passphrase: TEST_ADMIN_PASSPHRASE };

interface LockHolder {
  /** Closes the child's stdin: it rolls back and exits; resolves when it has. */
  release(): Promise<void>;
}

/** Starts a real second process holding the store's write lock; resolves once it holds it. */
function holdWriteLock(dataDir: string): Promise<LockHolder> {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [
    '--import',
    'tsx',
    CHILD,
    dataDir,
    UNLOCK.username,
    UNLOCK.passphrase,
  ]);
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let errors = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
    child.on('exit', (code) => reject(new Error(`lock holder exited (code ${code}) before holding: ${errors}`)));
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      if (!chunk.includes('holding')) return;
      resolve({
        release: async () => {
          child.stdin.end();
          await exited;
        },
      });
    });
  });
}

async function newStore() {
  const dataDir = tempDir();
  const services = createAppServices({ clock: testClock(), dataDir });
  value(await services.dispatch('setup.createPartnership', testPartnershipInput()));
  value(await services.dispatch('participants.register', testReferral({ person: { nhsNumber: '' }, confirmedNotDuplicate: true })));
  await services.close();
  return dataDir;
}

async function participantCount(dataDir: string): Promise<number> {
  const reader = await storeReader(dataDir, UNLOCK.username, UNLOCK.passphrase);
  try {
    return reader.read((database) => (database.prepare('SELECT count(*) AS n FROM participants').get() as { n: number }).n);
  } finally {
    reader.forget();
  }
}

const BUSY = { code: 'STORE_BUSY', message: STORE_ERROR_MESSAGES.STORE_BUSY };

describe('a store another process is writing to (a real second process holding BEGIN IMMEDIATE)', () => {
  it('unlock says STORE_BUSY, leaves the app locked, and works once the other process lets go', async () => {
    const dataDir = await newStore();
    const holder = await holdWriteLock(dataDir);
    const services = createAppServices({ clock: testClock(), dataDir });
    try {
      const refused = await services.dispatch('session.unlock', UNLOCK);
      expect(refused).toEqual({ ok: false, error: BUSY });
      // Not half signed in: the app is still locked.
      expect(value(await services.dispatch('app.status', {}))).toMatchObject({ state: 'locked' });
      await holder.release();
      value(await services.dispatch('session.unlock', UNLOCK));
    } finally {
      await holder.release();
      await services.close();
    }
    expect(await participantCount(dataDir)).toBe(1);
  }, 60_000);

  it('a registration says STORE_BUSY and saves nothing; the next one, after the other process lets go, is saved', async () => {
    const dataDir = await newStore();
    const services = createAppServices({ clock: testClock(), dataDir });
    value(await services.dispatch('session.unlock', UNLOCK));
    const holder = await holdWriteLock(dataDir);
    try {
      const register = () =>
        services.dispatch(
          'participants.register',
          testReferral({ person: { nhsNumber: '', familyName: 'Busy' }, confirmedNotDuplicate: true }),
        );
      expect(await register()).toEqual({ ok: false, error: BUSY });
      expect(await participantCount(dataDir)).toBe(1);
      await holder.release();
      value(await register());
    } finally {
      await holder.release();
      await services.close();
    }
    expect(await participantCount(dataDir)).toBe(2);
  }, 60_000);
});
