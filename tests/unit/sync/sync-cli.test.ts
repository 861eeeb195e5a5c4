import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../cli/main';
import { USAGE } from '../../../cli/usage';
import { DEMO_PARTNERSHIP } from '../../../core/demo-partnership';
import { startPartnershipServer } from '../../../server/partnership-server';
import { createServerDatabase } from '../../../server/server-database';
import { demoFromTemplate } from '../../support/demo-template';
import { value } from '../../support/demo-with-person';
import { freshServerDatabase } from '../../support/postgres';
import { passOffOutboxChange } from '../../support/forged-outbox';
import { laptopApp } from '../../support/sync-partnership';
import { tempDir } from '../../support/temp-dir';
import { testClock } from '../../support/test-clock';
import { testReferral } from '../../support/test-referral';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('workwell-mdt server init, enrol, sync', () => {
  it('are listed in help, put a store on the server, enrol a laptop, and sync with exit codes 0, 3 and 1', async () => {
    for (const command of [
      'server init --database-url URL --from-store DIR --user ADMIN',
      'enrol --store NEWDIR --server URL --user USERNAME',
      'sync --store DIR --user USERNAME',
    ]) {
      expect(USAGE).toContain(command);
    }
    const database = await freshServerDatabase();
    const db = createServerDatabase(database.url, { maxConnections: 2 });
    const server = await startPartnershipServer({ db, host: '127.0.0.1', port: 0, log: () => undefined, clock: testClock() });
    let serverOpen = true;
    cleanups.push(
      database.drop,
      () => db.destroy(),
      async () => {
        if (serverOpen) await server.close();
      },
    );
    const passphraseFile = path.join(tempDir(), 'passphrase');
    writeFileSync(passphraseFile, `${DEMO_PARTNERSHIP.passphrase}\n`);
    const { dataDir: laptopA, services } = await demoFromTemplate();
    await services.close();
    const lines: string[] = [];
    const out = (line: string) => lines.push(line);
    const cli = (...args: string[]) => runCli([...args, '--passphrase-file', passphraseFile], out, testClock());

    expect(
      await cli('server', 'init', '--database-url', database.url, '--from-store', laptopA, '--user', 'demo.admin', '--server', server.url),
    ).toBe(0);
    expect(lines.at(-1)).toMatch(/^Put [\d,]+ records and 6 users on the server/);
    const laptopB = path.join(tempDir(), 'laptop-b');
    expect(await cli('enrol', '--store', laptopB, '--server', server.url, '--user', 'demo.coach')).toBe(0);
    expect(await cli('sync', '--store', laptopB, '--user', 'demo.coach')).toBe(0);
    expect(lines.at(-1)).toBe('In step with the partnership server.');

    // A change the server refuses (the coach passed off an administrator's change as their own): exit 3, listed.
    const admin = await laptopApp(laptopA, 'demo.admin');
    value(await admin.dispatch('config.saveDiscipline', { label: 'Hydrotherapy cli' }));
    await admin.close();
    await passOffOutboxChange(laptopA, 'config.saveDiscipline', 'demo.coach');
    const a = await laptopApp(laptopA, 'demo.coach');
    value(await a.dispatch('participants.register', testReferral({ person: { nhsNumber: '', familyName: 'Cliperson' } })));
    await a.close();
    expect(await cli('sync', '--store', laptopA, '--user', 'demo.coach')).toBe(3);
    expect(lines.slice(-3)).toEqual([
      'Sent 1 change(s); received 0 change(s).',
      expect.stringMatching(
        /^ {2}Refused change 1 \(config\.saveDiscipline, FORBIDDEN\): Your role on the partnership server does not allow this/,
      ),
      expect.stringContaining('1 change(s) were refused'),
    ]);

    // The server is down: exit 1, nothing lost.
    await server.close();
    serverOpen = false;
    expect(await cli('sync', '--store', laptopA, '--user', 'demo.admin')).toBe(1);
    expect(lines.at(-1)).toMatch(/could not be reached.*kept on this laptop/);
    // Three stores, a server and several syncs: a minute, not seconds, on a busy 2-core machine.
  }, 120_000);
});
