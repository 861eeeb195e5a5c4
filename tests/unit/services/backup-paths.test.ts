import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../cli/main';
import { DEMO_PARTNERSHIP } from '../../../core/demo-partnership';
import { createAppServices } from '../../../services/app-services';
import { demoFromTemplate } from '../../support/demo-template';
import { value } from '../../support/demo-with-person';
import { testPartnershipInput } from '../../support/test-admin';
import { tempDir } from '../../support/temp-dir';
import { testClock } from '../../support/test-clock';

const PASS = DEMO_PARTNERSHIP.passphrase;
const root = path.resolve(import.meta.dirname, '../../..');

function passphraseFile(): string {
  const file = path.join(tempDir(), 'pass.txt');
  writeFileSync(file, `${PASS}\n`, { mode: 0o600 });
  return file;
}

describe('backup paths (issue 18, item 7)', () => {
  it('refuses a relative path, and the data folder or anything under it however it is spelt, writing nothing there', async () => {
    const { dataDir, services } = await demoFromTemplate();
    mkdirSync(path.join(dataDir, 'backups'), { recursive: true });
    const elsewhere = tempDir('workwell-links-');
    const linkToData = path.join(elsewhere, 'data-link');
    symlinkSync(dataDir, linkToData);
    const before = readdirSync(dataDir).sort();
    const refusal = async (requested: string) => {
      const result = await services.dispatch('backup.create', { path: requested });
      expect(result.ok, requested).toBe(false);
      return result.ok ? '' : result.error.message;
    };
    try {
      expect(await refusal('workwell-backups')).toBe('Give the full path of the backup.');
      for (const inside of [
        dataDir,
        path.join(dataDir, 'keyring.next.json'),
        path.join(dataDir, 'workwell.db-journal'),
        path.join(dataDir, 'backups'),
        `${dataDir}/../${path.basename(dataDir)}/copy.wwbackup`,
        // Through a link to the data folder: refused once the path is resolved.
        path.join(linkToData, 'backups', 'copy.wwbackup'),
      ])
        expect(await refusal(inside), inside).toBe('A backup cannot be saved in the data folder.');
      expect(await refusal(linkToData)).toBe('That path is a symbolic link.');
      expect(readdirSync(dataDir).sort()).toEqual(before);
      expect(readdirSync(path.join(dataDir, 'backups'))).toEqual([]);
      // A folder beside it is fine.
      value(await services.dispatch('backup.create', { path: elsewhere }));
    } finally {
      await services.close();
    }
    // The CLI too: a relative --out would land wherever the job happened to start.
    await expect(
      runCli(['backup', '--store', dataDir, '--out', 'nightly.wwbackup', '--user', 'demo.admin', '--passphrase-file', passphraseFile()]),
    ).rejects.toThrow(/Give the full path of the backup/);
  }, 120_000);

  it('refuses a symbolic link as the backup file, even a dangling one, and creates nothing where it points', async () => {
    const { services } = await demoFromTemplate();
    const out = tempDir('workwell-backups-');
    const victim = path.join(out, 'victim.txt');
    const dangling = path.join(out, 'dangling.wwbackup');
    symlinkSync(victim, dangling);
    const existing = path.join(out, 'existing.txt');
    writeFileSync(existing, 'untouched\n');
    const linkToExisting = path.join(out, 'link.wwbackup');
    symlinkSync(existing, linkToExisting);
    try {
      for (const link of [dangling, linkToExisting]) {
        expect(await services.dispatch('backup.create', { path: link })).toMatchObject({
          ok: false,
          error: { code: 'VALIDATION', message: 'That path is a symbolic link.' },
        });
      }
      expect(readdirSync(out).sort()).toEqual(['dangling.wwbackup', 'existing.txt', 'link.wwbackup']);
      expect(readFileSync(existing, 'utf8')).toBe('untouched\n');
    } finally {
      await services.close();
    }
  }, 120_000);

  it("restoring another partnership's backup needs that partnership's name typed, in the app and the CLI", async () => {
    // Another partnership whose administrator has the same username and passphrase as the demo's.
    const otherDir = tempDir();
    const other = createAppServices({ dataDir: otherDir, clock: testClock() });
    const otherFolder = tempDir('workwell-other-backups-');
    let otherBackup: string;
    try {
      value(await other.dispatch('setup.createPartnership', testPartnershipInput({ username: 'demo.admin', passphrase: PASS })));
      otherBackup = value<{ file: string }>(await other.dispatch('backup.create', { path: otherFolder })).file;
    } finally {
      await other.close();
    }

    const { dataDir, services } = await demoFromTemplate();
    const demoBackup = value<{ file: string }>(await services.dispatch('backup.create', { path: tempDir('workwell-demo-backups-') })).file;
    try {
      for (const confirmPartnership of [undefined, 'Demo partnership (synthetic data)', 'WorkWell South']) {
        const refused = await services.dispatch('backup.restore', {
          path: otherBackup,
          passphrase: PASS,
          ...(confirmPartnership === undefined ? {} : { confirmPartnership }),
        });
        expect(refused).toMatchObject({
          ok: false,
          error: {
            code: 'VALIDATION',
            message:
              'This backup is of another partnership, WorkWell South Yorkshire, not Demo partnership (synthetic data). Nothing was restored.',
            fields: { confirmPartnership: expect.stringContaining('WorkWell South Yorkshire') },
          },
        });
      }
      // Nothing changed: still signed in to the demo, with its people.
      expect(value<{ total: number }>(await services.dispatch('participants.count', {})).total).toBe(DEMO_PARTNERSHIP.participants);
      expect(readdirSync(dataDir).some((name) => name.startsWith('replaced-'))).toBe(false);
      // Typed (case and spaces aside), it goes through.
      value(
        await services.dispatch('backup.restore', {
          path: otherBackup,
          passphrase: PASS,
          confirmPartnership: ' workwell south yorkshire ',
        }),
      );
      value(await services.dispatch('session.unlock', { username: 'demo.admin', passphrase: PASS }));
      expect(value<{ partnershipName: string }>(await services.dispatch('app.status', {})).partnershipName).toBe(
        'WorkWell South Yorkshire',
      );
    } finally {
      await services.close();
    }

    // The CLI: the demo's backup over what is now South Yorkshire's store.
    const file = passphraseFile();
    const restore = (...extra: string[]) =>
      spawnSync(
        process.execPath,
        [
          'bin/workwell-mdt.mjs',
          'restore',
          '--store',
          dataDir,
          '--from',
          demoBackup,
          '--user',
          'demo.admin',
          '--passphrase-file',
          file,
          ...extra,
        ],
        { cwd: root, encoding: 'utf8', timeout: 120_000 },
      );
    const refused = restore();
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/another partnership, Demo partnership \(synthetic data\), not WorkWell South Yorkshire/);
    const confirmed = restore('--confirm-partnership', 'Demo partnership (synthetic data)');
    expect(confirmed.status, confirmed.stderr).toBe(0);
  }, 240_000);

  it('creates the store, its companions and backups owner-only (0600) even under umask 000', () => {
    const dataDir = path.join(tempDir(), 'store');
    const backups = tempDir('workwell-backups-');
    const file = passphraseFile();
    const cli = (...args: string[]) =>
      spawnSync('sh', ['-c', 'umask 000 && exec "$0" bin/workwell-mdt.mjs "$@"', process.execPath, ...args, '--passphrase-file', file], {
        cwd: root,
        encoding: 'utf8',
        timeout: 120_000,
      });
    const init = cli('init', '--store', dataDir, '--admin', 'a.admin', '--icb', 'frimley');
    expect(init.status, init.stderr).toBe(0);
    const backup = cli('backup', '--store', dataDir, '--out', backups);
    expect(backup.status, backup.stderr).toBe(0);
    const files = [
      ...readdirSync(dataDir, { recursive: true, encoding: 'utf8' }).map((name) => path.join(dataDir, name)),
      ...readdirSync(backups).map((name) => path.join(backups, name)),
    ].filter((each) => statSync(each).isFile());
    expect(files.map((each) => path.basename(each))).toEqual(expect.arrayContaining(['workwell.db', 'keyring.json', 'store.lock']));
    expect(files.some((each) => each.endsWith('.wwbackup'))).toBe(true);
    const open = files
      .filter((each) => (statSync(each).mode & 0o077) !== 0)
      .map((each) => `${each} ${(statSync(each).mode & 0o777).toString(8)}`);
    expect(open).toEqual([]);
  }, 120_000);
});
