import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../cli/main';
import { DEMO_PARTNERSHIP } from '../../../core/demo-partnership';
import type { MiReturn } from '../../../core/schemas/fhir-export';
import { createAppServices } from '../../../services/app-services';
import { demoFromTemplate } from '../../support/demo-template';
import { value } from '../../support/demo-with-person';
import { tempDir } from '../../support/temp-dir';
import { testClock } from '../../support/test-clock';

describe('workwell-mdt mi-return (issue 15, defect 1)', () => {
  it(
    'writes the same CSV as the Exports screen, logs and audits it, never overwrites, and refuses roles the app refuses',
    { timeout: 120_000 },
    async () => {
      const { dataDir, services } = await demoFromTemplate();
      await services.close();
      const folder = tempDir();
      const passphraseFile = path.join(folder, 'passphrase.txt');
      writeFileSync(passphraseFile, `${DEMO_PARTNERSHIP.passphrase}\n`);
      const out = path.join(folder, 'mi-2026-11.csv');
      const cli = (user: string, file = out, month = '2026-11') =>
        runCli(
          ['mi-return', '--store', dataDir, '--month', month, '--out', file, '--user', user, '--passphrase-file', passphraseFile],
          () => undefined,
          testClock(),
        );

      expect(await cli('demo.coordinator')).toBe(0);
      const written = readFileSync(out, 'utf8');
      // Never over an existing file; a bad month or a coach is refused, and nothing is written.
      await expect(cli('demo.coordinator')).rejects.toThrow(/already exists/);
      await expect(cli('demo.coordinator', path.join(folder, 'bad.csv'), '2026-13')).rejects.toThrow(/--month YYYY-MM/);
      await expect(cli('demo.coach', path.join(folder, 'coach.csv'))).rejects.toThrow(/may not run the MI return/);
      expect(existsSync(path.join(folder, 'bad.csv')) || existsSync(path.join(folder, 'coach.csv'))).toBe(false);

      const app = createAppServices({ dataDir, clock: testClock() });
      try {
        value(await app.dispatch('session.unlock', { username: 'demo.coordinator', passphrase: DEMO_PARTNERSHIP.passphrase }));
        expect(value<MiReturn>(await app.dispatch('exports.miReturn', { month: '2026-11' })).csv).toBe(written);
        const log = value<{ entries: Array<{ kind: string; destination: string }> }>(
          await app.dispatch('exports.log', { kind: 'mi_return' }),
        );
        expect(log.entries.filter((entry) => entry.destination === 'workwell-mi-return-2026-11.csv')).toHaveLength(2);
      } finally {
        await app.close();
      }
      expect(
        await runCli(['audit', 'verify', '--store', dataDir, '--user', 'demo.admin', '--passphrase-file', passphraseFile], () => undefined),
      ).toBe(0);
    },
  );
});
