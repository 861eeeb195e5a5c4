import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeCliError, runCli } from '../../../cli/main';
import { createAppServices } from '../../../services/app-services';
import { tempDir } from '../../support/temp-dir';
import { testClock } from '../../support/test-clock';

const PASSPHRASE = 'quiet meadow copper 19 violin';
const root = path.resolve(import.meta.dirname, '../../..');

function passphraseFile(dir: string, text = PASSPHRASE): string {
  const file = path.join(dir, 'passphrase.txt');
  writeFileSync(file, `${text}\n`);
  return file;
}

describe('workwell-mdt CLI', () => {
  it('init then seed makes a store that only the right passphrase opens, with the seeded people', async () => {
    const dir = tempDir();
    const store = path.join(dir, 'store');
    const lines: string[] = [];
    const file = passphraseFile(dir);
    expect(
      await runCli(
        [
          'init',
          '--store',
          store,
          '--admin',
          'a.admin',
          '--name',
          'Ann Admin',
          '--icb',
          'frimley',
          '--synthetic',
          '--passphrase-file',
          file,
        ],
        (l) => lines.push(l),
      ),
    ).toBe(0);
    expect(
      await runCli(['seed', '--store', store, '--participants', '300', '--seed', '5', '--passphrase-file', file], (l) => lines.push(l)),
    ).toBe(0);
    expect(lines[0]).toBe(
      `Created WorkWell Frimley in ${store} with administrator a.admin. It is a synthetic store: for made-up people only (seed).`,
    );
    expect(lines[1]).toMatch(/^Recovery key \(shown only now.*\): ([A-Z2-7]{4}-){7}[A-Z2-7]{4}$/);

    const services = createAppServices({ clock: testClock(), dataDir: store });
    expect(await services.dispatch('session.unlock', { username: 'a.admin', passphrase: 'quiet meadow copper 19 viola' })).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PASSPHRASE' },
    });
    expect(await services.dispatch('session.unlock', { username: 'a.admin', passphrase: PASSPHRASE })).toMatchObject({ ok: true });
    expect(await services.dispatch('participants.count', {})).toMatchObject({ ok: true, value: { total: 300 } });
    await services.close();
  });

  it('is deterministic for a given seed', { timeout: 120_000 }, async () => {
    async function firstPage(seed: string) {
      const dir = tempDir();
      const store = path.join(dir, 'store');
      const file = passphraseFile(dir);
      await runCli(
        ['init', '--store', store, '--admin', 'a.admin', '--icb', 'frimley', '--synthetic', '--passphrase-file', file],
        () => undefined,
      );
      await runCli(['seed', '--store', store, '--participants', '50', '--seed', seed, '--passphrase-file', file], () => undefined);
      const services = createAppServices({ clock: testClock(), dataDir: store });
      await services.dispatch('session.unlock', { username: 'a.admin', passphrase: PASSPHRASE });
      const page = await services.dispatch('participants.list', { pageSize: 50 });
      await services.close();
      return page;
    }
    const first = await firstPage('11');
    expect(await firstPage('11')).toEqual(first);
    expect(await firstPage('12')).not.toEqual(first);
  });

  it('never accepts a passphrase on the command line', async () => {
    await expect(
      runCli(['init', '--store', tempDir(), '--admin', 'a.admin', '--icb', 'frimley', '--passphrase', PASSPHRASE]),
    ).rejects.toThrow(/never taken on the command line/);
  });

  it('reads the passphrase from WORKWELL_PASSPHRASE and reports field errors in words', async () => {
    const store = path.join(tempDir(), 'store');
    const error = await runCli(['init', '--store', store, '--admin', 'x', '--icb', 'nowhere'], () => undefined).catch((e: unknown) => e);
    // No passphrase at all: a clear instruction, not a crash.
    expect(describeCliError(error)).toMatch(/WORKWELL_PASSPHRASE/);
    const output = execFileSync(
      process.execPath,
      ['bin/workwell-mdt.mjs', 'init', '--store', store, '--admin', 'b.admin', '--icb', 'frimley'],
      {
        cwd: root,
        env: { ...process.env, WORKWELL_PASSPHRASE: PASSPHRASE },
        encoding: 'utf8',
      },
    );
    expect(output).toContain('Created WorkWell Frimley');
  });
});

describe('workwell-mdt export', () => {
  it('runs the partnership export to a folder for a nightly job, and exits 1 with a message on bad usage', async () => {
    const dir = tempDir();
    const store = path.join(dir, 'store');
    const file = passphraseFile(dir);
    const drop = path.join(dir, 'drop');
    mkdirSync(drop);
    await runCli(
      ['init', '--store', store, '--admin', 'a.admin', '--icb', 'frimley', '--synthetic', '--passphrase-file', file],
      () => undefined,
    );
    await runCli(['seed', '--store', store, '--participants', '20', '--seed', '3', '--passphrase-file', file], () => undefined);
    const lines: string[] = [];
    expect(await runCli(['export', '--store', store, '--folder', drop, '--passphrase-file', file], (line) => lines.push(line))).toBe(0);
    expect(lines[0]).toBe('Partnership export delivered: 0 included, 20 skipped (no consent to share), 0 failed.');
    expect(readdirSync(drop)).toEqual([expect.stringMatching(/^workwell-fhir-.*\.ndjson$/)]);
    // Audited like an export from the app, and the chain still verifies.
    expect(await runCli(['audit', 'verify', '--store', store, '--passphrase-file', file], (line) => lines.push(line))).toBe(0);
    await expect(runCli(['export', '--store', store, '--url', 'https://fhir.example.org/r4', '--passphrase-file', file])).rejects.toThrow(
      /--token-file/,
    );
    await expect(runCli(['export', '--store', store, '--passphrase-file', file])).rejects.toThrow(/No destination/);
  });
});
