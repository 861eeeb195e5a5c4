import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_PARTNERSHIP } from '../../../core/demo-partnership';
import { readKeyring } from '../../../db/keyring';
import { storePaths } from '../../../db/store-paths';
import { demoFromTemplate } from '../../support/demo-template';
import { queryStore } from '../../support/query-store';
import { tempDir } from '../../support/temp-dir';

const root = path.resolve(import.meta.dirname, '../../..');
const PASS = DEMO_PARTNERSHIP.passphrase;

/** The real `workwell-mdt` in a child process, as a scheduled job or an administrator runs it. */
function cli(passphraseFile: string, ...args: string[]) {
  const run = spawnSync(process.execPath, ['bin/workwell-mdt.mjs', ...args, '--passphrase-file', passphraseFile], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

function passphraseFileFor(passphrase: string): string {
  const file = path.join(tempDir(), 'pass.txt');
  writeFileSync(file, `${passphrase}\n`, { mode: 0o600 });
  return file;
}

interface AuditRow {
  readonly username: string | null;
  readonly action: string;
  readonly channel: string;
  readonly outcome: string;
  readonly subject_json: string;
}

const auditRows = (dataDir: string, username: string, passphrase: string) =>
  queryStore(
    dataDir,
    username,
    passphrase,
    (sqlite) => sqlite.prepare('SELECT username, action, channel, outcome, subject_json FROM audit_log ORDER BY seq').all() as AuditRow[],
  );

const participants = (dataDir: string, username: string, passphrase: string) =>
  queryStore(
    dataDir,
    username,
    passphrase,
    (sqlite) => (sqlite.prepare('SELECT count(*) AS n FROM participants').get() as { n: number }).n,
  );

describe('every CLI command runs as a named user under the app’s rules (issue 18, item 3)', () => {
  it(
    'refuses backup and export --folder to a coach and a mental health practitioner, writes nothing, and audits the refusal',
    { timeout: 240_000 },
    async () => {
      const { dataDir, services } = await demoFromTemplate();
      await services.close();
      const file = passphraseFileFor(PASS);
      const drop = tempDir('workwell-drop-');
      for (const user of ['demo.coach', 'demo.mh']) {
        const backup = cli(file, 'backup', '--store', dataDir, '--out', path.join(drop, `${user}.wwbackup`), '--user', user);
        expect(backup.status, backup.output).toBe(1);
        expect(backup.output).toMatch(
          new RegExp(`${user} \\((coach|mental health practitioner)\\) may not do this: it is for administrator users`),
        );
        const exported = cli(file, 'export', '--store', dataDir, '--folder', drop, '--user', user);
        expect(exported.status, exported.output).toBe(1);
        expect(exported.output).toMatch(/may not do this: it is for administrator and coordinator users/);
      }
      expect(readdirSync(drop)).toEqual([]);
      const refusals = (await auditRows(dataDir, 'demo.admin', PASS)).filter((row) => row.action === 'denied');
      expect(refusals.map((row) => [row.username, row.channel, row.outcome, row.subject_json])).toEqual([
        ['demo.coach', 'backup.create', 'FORBIDDEN', '{"via":"cli"}'],
        ['demo.coach', 'exports.startFhir', 'FORBIDDEN', '{"via":"cli"}'],
        ['demo.mh', 'backup.create', 'FORBIDDEN', '{"via":"cli"}'],
        ['demo.mh', 'exports.startFhir', 'FORBIDDEN', '{"via":"cli"}'],
      ]);
      // The roles the app allows still can.
      expect(cli(file, 'export', '--store', dataDir, '--folder', drop, '--user', 'demo.coordinator').status).toBe(0);
      expect(cli(file, 'backup', '--store', dataDir, '--out', drop, '--user', 'demo.admin').status).toBe(0);
      expect(readdirSync(drop)).toHaveLength(2);
    },
  );

  it('seed, backup and restore write audit entries as the named user, and the chain still verifies', { timeout: 240_000 }, async () => {
    const { dataDir, services } = await demoFromTemplate();
    await services.close();
    const file = passphraseFileFor(PASS);
    const backupFile = path.join(tempDir('workwell-backups-'), 'audited.wwbackup');
    expect(cli(file, 'seed', '--store', dataDir, '--participants', '5', '--seed', '9', '--user', 'demo.admin').status).toBe(0);
    const made = cli(file, 'backup', '--store', dataDir, '--out', backupFile, '--user', 'demo.admin');
    expect(made.status, made.output).toBe(0);
    const restored = cli(file, 'restore', '--store', dataDir, '--from', backupFile, '--user', 'demo.admin');
    expect(restored.status, restored.output).toBe(0);
    const cliRows = async (dir: string) =>
      (await auditRows(dir, 'demo.admin', PASS))
        .filter((row) => row.subject_json.includes('"via":"cli"'))
        .map((row) => [row.username, row.action, row.channel, row.outcome]);
    // The store that was replaced (moved aside, unopened) holds the seed, the backup and the restore...
    const replaced = readdirSync(dataDir).find((name) => name.startsWith('replaced-'));
    expect(await cliRows(path.join(dataDir, replaced ?? 'none'))).toEqual([
      ['demo.admin', 'create', 'cli.seed', 'ok'],
      ['demo.admin', 'export', 'backup.create', 'ok'],
      ['demo.admin', 'configure', 'backup.restore', 'ok'],
    ]);
    // ...and the restored one, as the backup left it (the backup's own entry came after its copy), who restored it.
    expect(await cliRows(dataDir)).toEqual([
      ['demo.admin', 'create', 'cli.seed', 'ok'],
      ['demo.admin', 'configure', 'backup.restore', 'ok'],
    ]);
    // A coach may not seed (an administrator's task), even the demo; the refusal is recorded.
    const coachSeed = cli(file, 'seed', '--store', dataDir, '--participants', '5', '--user', 'demo.coach');
    expect(coachSeed.status).toBe(1);
    expect((await auditRows(dataDir, 'demo.admin', PASS)).at(-1)).toMatchObject({
      username: 'demo.coach',
      action: 'denied',
      channel: 'cli.seed',
    });
    expect(cli(file, 'audit', 'verify', '--store', dataDir, '--user', 'demo.admin').status).toBe(0);
  });

  it('seed refuses a store for real people; init --synthetic makes one it fills', { timeout: 240_000 }, async () => {
    const passphrase = 'quiet meadow copper 19 violin';
    const file = passphraseFileFor(passphrase);
    const work = tempDir();
    const real = path.join(work, 'real');
    const synthetic = path.join(work, 'synthetic');
    mkdirSync(work, { recursive: true });
    expect(cli(file, 'init', '--store', real, '--admin', 'a.admin', '--icb', 'frimley').status).toBe(0);
    const refused = cli(file, 'seed', '--store', real, '--participants', '20');
    expect(refused.status).toBe(1);
    expect(refused.output).toMatch(/WorkWell Frimley is not a synthetic store: seed adds made-up people only .* Nothing was added\./);
    expect(await participants(real, 'a.admin', passphrase)).toBe(0);
    expect((await auditRows(real, 'a.admin', passphrase)).at(-1)).toMatchObject({ channel: 'cli.seed', outcome: 'VALIDATION' });

    expect(cli(file, 'init', '--store', synthetic, '--admin', 'a.admin', '--icb', 'frimley', '--synthetic').status).toBe(0);
    expect(cli(file, 'seed', '--store', synthetic, '--participants', '20').status).toBe(0);
    expect(await participants(synthetic, 'a.admin', passphrase)).toBe(20);
    // The mark is the keyring's, so it travels in every backup of the store.
    expect((await readKeyring(storePaths(synthetic).keyring))?.synthetic).toBe(true);
    expect((await readKeyring(storePaths(real).keyring))?.synthetic).toBeUndefined();
  });

  it('lists the new flags in help', () => {
    const help = spawnSync(process.execPath, ['bin/workwell-mdt.mjs', 'help'], { cwd: root, encoding: 'utf8' }).stdout;
    expect(help).toContain('[--synthetic]');
    expect(help).toContain('[--confirm-partnership "NAME"]');
  });
});
