import { randomUUID } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_PARTNERSHIP } from '../../../core/demo-partnership';
import { createAppServices } from '../../../services/app-services';
import { value } from '../../support/demo-with-person';
import { tempDir } from '../../support/temp-dir';
import { hostTransport } from '../../support/test-host';
import { testReferral } from '../../support/test-referral';
import { testClock } from '../../support/test-clock';

const MAX_SCANNED_BYTES = 64 * 1024 * 1024;

/**
 * Folders under the temp folder that belong to other programs the suite starts, never to the app:
 * the throwaway PostgreSQL clusters of the partnership server tests (gigabytes of another process's
 * pages, which made this scan outrun its timeout in CI).
 */
const OTHER_PROGRAMS = /^workwell-pg-/;

/**
 * Every regular file under `root` written since `since` (symlinks not followed; unreadable folders
 * skipped). A file untouched since the canary was made cannot hold it, so older files are not read.
 */
function filesUnder(root: string, since: number): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    let entries: string[];
    try {
      entries = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of entries) {
      const full = path.join(dir, name);
      let stat;
      try {
        stat = lstatSync(full);
      } catch {
        continue;
      }
      if (stat.isDirectory()) {
        if (!OTHER_PROGRAMS.test(name)) walk(full);
      } else if (stat.isFile() && stat.size <= MAX_SCANNED_BYTES && stat.mtimeMs >= since) found.push(full);
    }
  };
  walk(root);
  return found;
}

/** The files holding the canary as UTF-8 or UTF-16 text. */
function filesContaining(roots: readonly string[], canary: string, since: number): string[] {
  const needles = [Buffer.from(canary, 'utf8'), Buffer.from(canary, 'utf16le'), Buffer.from(canary.toLowerCase(), 'utf8')];
  const hits: string[] = [];
  for (const root of roots) {
    for (const file of filesUnder(root, since)) {
      let content: Buffer;
      try {
        content = readFileSync(file);
      } catch {
        continue; // vanished or unreadable (another process's temporary file)
      }
      if (needles.some((needle) => content.includes(needle))) hits.push(file);
    }
  }
  return hits;
}

describe('no participant data in plaintext on disk', () => {
  it('leaves no canary in the data folder or the temp folder, while unlocked and after locking', async () => {
    const canary = `Canary${randomUUID().replaceAll('-', '')}`;
    // The scan must be able to fail: a plaintext control file is found.
    const control = tempDir('workwell-control-');
    writeFileSync(path.join(control, 'control.txt'), `name: ${canary}`);
    // The file system's own "now" (the app's clock is fixed in tests): nothing older can hold the
    // canary. A second of slack for file systems that keep modification times coarsely.
    const since = statSync(path.join(control, 'control.txt')).mtimeMs - 1_000;
    expect(filesContaining([control], canary, since)).toEqual([path.join(control, 'control.txt')]);
    rmSync(control, { recursive: true });

    const dataDir = tempDir();
    const services = createAppServices({ clock: testClock(), dataDir });
    const host = await hostTransport(services.dispatch);
    try {
      // The coach registers and assesses: the joined-up assessment is theirs to write.
      value(await host.call('setup.createDemoPartnership', {}));
      value(await host.call('session.lock', {}));
      value(await host.call('session.unlock', { username: 'demo.coach', passphrase: DEMO_PARTNERSHIP.passphrase }));
      const { id } = value<{ id: string }>(
        await host.call(
          'participants.register',
          testReferral({
            person: { nhsNumber: '', givenName: canary, familyName: `${canary}Family`, address: `1 ${canary} Street` },
            confirmedNotDuplicate: true,
          }),
        ),
      );
      value(
        await host.call('assessments.saveJoinedUp', {
          participantId: id,
          assessedOn: '2026-11-05',
          healthConditions: `Notes ${canary}`,
          mainBarrier: 'musculoskeletal',
          socialBarriers: [],
          whatMatters: `What matters ${canary}`,
          goals: `Goals ${canary}`,
          readiness: 'ready',
        }),
      );
      // Read it back, search for it: the paths that could spill to temporary files.
      value(await host.call('participants.get', { id }));
      value(await host.call('participants.list', { pageSize: 25, search: canary }));
      expect(filesContaining([dataDir, os.tmpdir()], canary, since), 'while unlocked').toEqual([]);
      value(await host.call('session.lock', {}));
      value(await host.call('session.unlock', { username: 'demo.coach', passphrase: DEMO_PARTNERSHIP.passphrase }));
      value(await host.call('session.lock', {}));
      expect(filesContaining([dataDir, os.tmpdir()], canary, since), 'after locking').toEqual([]);
    } finally {
      await host.close();
      await services.close();
    }
  }, 60_000);
});
