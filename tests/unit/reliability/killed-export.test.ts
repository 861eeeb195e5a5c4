import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storePaths } from '../../../db/store-paths';
import { createAppServices } from '../../../services/app-services';
import { seedStore } from '../../../services/session/store-commands';
import { unlockStore } from '../../../services/session/unlock-store';
import { SeededRandom } from '../../../services/synthetic/seeded-random';
import { value } from '../../support/demo-with-person';
import { storeReader } from '../../support/store-reader';
import { tempDir } from '../../support/temp-dir';
import { TEST_ADMIN_PASSPHRASE, testPartnershipInput } from '../../support/test-admin';
import { testClock } from '../../support/test-clock';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** Enough people that the export runs for a few seconds: time to catch it half-way. */
const PEOPLE = 3000;
const UNLOCK = { username: 'test.admin', passphrase: TEST_ADMIN_PASSPHRASE };

/** A store of PEOPLE synthetic people who all consented to sharing: each is written to the export file. */
async function consentingStore(dataDir: string): Promise<void> {
  const clock = testClock();
  const services = createAppServices({ clock, dataDir });
  value(await services.dispatch('setup.createPartnership', testPartnershipInput()));
  await services.close();
  await seedStore({ dataDir, passphrase: TEST_ADMIN_PASSPHRASE, participants: PEOPLE, seed: 17, now: clock(), peopleOnly: true });
  const { store, user, dataKey } = await unlockStore(storePaths(dataDir), UNLOCK.username, UNLOCK.passphrase);
  dataKey.fill(0);
  try {
    const random = new SeededRandom(17);
    const ids = store.sqlite.prepare('SELECT id FROM participants').pluck().all() as string[];
    const consent = store.sqlite.prepare(
      "INSERT INTO consents (id, participant_id, purpose, decision, decided_on, method, recorded_by, recorded_at) VALUES (?, ?, 'share_partnership', 'given', '2026-11-01', 'verbal', ?, ?)",
    );
    store.sqlite.transaction(() => {
      for (const id of ids) consent.run(random.uuid(), id, user.userId, clock().toISOString());
    })();
  } finally {
    await store.close();
  }
}

interface Killed {
  /** The debris file the child was killed with, and its permission bits then. */
  readonly file: string;
  readonly mode: number;
}

/**
 * Runs the real CLI with `args` and SIGKILLs it as soon as a file in `folder` matches `debris`
 * and has bytes in it (polled every few milliseconds, bounded by the child's own run).
 */
function killWhenDebrisAppears(args: readonly string[], folder: string, debris: RegExp, passphraseFile: string): Promise<Killed | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/workwell-mdt.mjs', ...args, '--passphrase-file', passphraseFile], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let killed: Killed | null = null;
    let errors = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
    const poll = setInterval(() => {
      for (const name of existsSync(folder) ? readdirSync(folder) : []) {
        if (!debris.test(name)) continue;
        const file = path.join(folder, name);
        try {
          const stat = statSync(file);
          if (stat.size === 0) continue;
          killed = { file, mode: stat.mode & 0o777 };
          child.kill('SIGKILL');
          clearInterval(poll);
          return;
        } catch {
          // Renamed or removed between the listing and the stat: look again.
        }
      }
    }, 3);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearInterval(poll);
      if (signal === 'SIGKILL') resolve(killed);
      else if (code === 0) resolve(null);
      else reject(new Error(`the CLI failed by itself (code ${code}): ${errors}`));
    });
  });
}

function exportLog(dataDir: string) {
  return storeReader(dataDir, UNLOCK.username, UNLOCK.passphrase).then((reader) => {
    try {
      return reader.read(
        (database) =>
          database.prepare('SELECT destination, outcome, included FROM export_log ORDER BY seq').all() as Array<{
            destination: string;
            outcome: string;
            included: number;
          }>,
      );
    } finally {
      reader.forget();
    }
  });
}

describe('a process killed while writing outside the store (SIGKILL, real CLI child)', () => {
  let dir: string;
  let dataDir: string;
  let passphraseFile: string;
  // One store for both tests (seeding takes a while): its own folder, kept until the end.
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'workwell-killed-'));
    dataDir = path.join(dir, 'store');
    passphraseFile = path.join(dir, 'passphrase');
    writeFileSync(passphraseFile, `${TEST_ADMIN_PASSPHRASE}\n`, { mode: 0o600 });
    await consentingStore(dataDir);
  }, 240_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a killed partnership export left its .partial file owner-only; the next unlock removes it and logs the export as failed (interrupted)', async () => {
    const drop = tempDir('workwell-drop-');
    const killed = await killWhenDebrisAppears(
      ['export', '--store', dataDir, '--folder', drop],
      drop,
      /^\..*\.ndjson\.partial$/,
      passphraseFile,
    );
    expect(killed, 'the export finished before it could be killed: make PEOPLE larger').not.toBeNull();
    if (killed === null) return;
    // Unencrypted personal data: readable by its owner only, from the first byte.
    expect(killed.mode.toString(8)).toBe('600');
    expect(existsSync(killed.file), 'SIGKILL leaves the partial file behind').toBe(true);
    const name = path
      .basename(killed.file)
      .replace(/^\./, '')
      .replace(/\.partial$/, '');
    expect(await exportLog(dataDir)).toEqual([]);

    const services = createAppServices({ clock: testClock(), dataDir });
    try {
      value(await services.dispatch('session.unlock', UNLOCK));
    } finally {
      await services.close();
    }
    expect(readdirSync(drop)).toEqual([]);
    expect(await exportLog(dataDir)).toEqual([{ destination: `${name} (interrupted)`, outcome: 'failed', included: 0 }]);

    // A second start finds nothing more to do: the export is logged once.
    const again = createAppServices({ clock: testClock(), dataDir });
    try {
      value(await again.dispatch('session.unlock', UNLOCK));
    } finally {
      await again.close();
    }
    expect(await exportLog(dataDir)).toHaveLength(1);
  }, 240_000);

  it('a killed backup left its temporary copy; the next CLI backup removes it and touches nothing else in the folder', async () => {
    const out = tempDir('workwell-backups-');
    // Someone else's file with a look-alike name is never ours to delete.
    const lookAlike = path.join(out, '.not-ours.store.tmp');
    writeFileSync(lookAlike, 'keep me');
    const target = path.join(out, 'nightly.wwbackup');
    let killed: Killed | null = null;
    // The copy exists for a fraction of a second: a few tries, each a fresh backup.
    for (let attempt = 0; attempt < 5 && killed === null; attempt += 1) {
      rmSync(target, { force: true });
      killed = await killWhenDebrisAppears(
        ['backup', '--store', dataDir, '--out', target],
        out,
        /^\.nightly\.wwbackup\..*tmp$/,
        passphraseFile,
      );
    }
    expect(killed, 'no backup could be caught half-way in 5 tries').not.toBeNull();
    if (killed === null) return;
    expect(existsSync(killed.file)).toBe(true);

    rmSync(target, { force: true });
    const second = path.join(out, 'second.wwbackup');
    const made = await killWhenDebrisAppears(
      ['backup', '--store', dataDir, '--out', second],
      path.join(out, 'nowhere'),
      /x/,
      passphraseFile,
    );
    expect(made).toBeNull();
    expect(readdirSync(out).sort()).toEqual(['.not-ours.store.tmp', 'second.wwbackup']);
  }, 240_000);
});
