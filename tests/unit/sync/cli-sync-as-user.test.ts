import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../cli/main';
import { DEMO_PARTNERSHIP } from '../../../core/demo-partnership';
import { writeFileSync } from 'node:fs';
import { demoFromTemplate } from '../../support/demo-template';
import { queryStore } from '../../support/query-store';
import { demoOnServer } from '../../support/sync-partnership';
import { tempDir } from '../../support/temp-dir';
import { testClock } from '../../support/test-clock';

const PASS = DEMO_PARTNERSHIP.passphrase;

interface AuditRow {
  readonly username: string | null;
  readonly action: string;
  readonly channel: string;
  readonly outcome: string;
}

const cliRows = (dataDir: string, username: string) =>
  queryStore(dataDir, username, PASS, (sqlite) =>
    (
      sqlite
        .prepare('SELECT username, action, channel, outcome FROM audit_log WHERE subject_json LIKE \'%"via":"cli"%\' ORDER BY seq')
        .all() as AuditRow[]
    ).map((row) => [row.username, row.action, row.channel, row.outcome]),
  );

function cliAs() {
  const file = path.join(tempDir(), 'pass.txt');
  writeFileSync(file, `${PASS}\n`, { mode: 0o600 });
  const lines: string[] = [];
  const run = (...args: string[]) => runCli([...args, '--passphrase-file', file], (line) => lines.push(line), testClock());
  return { run, lines };
}

describe('audit verify, sync, enrol and server init run as a named user under the app’s rules (issue 18, item 3)', () => {
  it('audit verify is for administrators, as the app’s audit.verify: a coach is refused and the refusal recorded', async () => {
    const { dataDir, services } = await demoFromTemplate();
    await services.close();
    const { run } = cliAs();
    await expect(run('audit', 'verify', '--store', dataDir, '--user', 'demo.coach')).rejects.toThrow(
      /demo\.coach \(coach\) may not do this: it is for administrator users/,
    );
    expect(await run('audit', 'verify', '--store', dataDir, '--user', 'demo.admin')).toBe(0);
    expect(await cliRows(dataDir, 'demo.admin')).toEqual([
      ['demo.coach', 'denied', 'audit.verify', 'FORBIDDEN'],
      ['demo.admin', 'view', 'audit.verify', 'ok'],
    ]);
  }, 120_000);

  it('server init is an administrator’s: a coordinator is refused, nothing reaches the server, the refusal is recorded', async () => {
    const partnership = await demoOnServer();
    const { dataDir, services } = await demoFromTemplate();
    await services.close();
    const { run } = cliAs();
    const before = await partnership.db
      .selectFrom('change_log')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    await expect(
      run('server', 'init', '--database-url', partnership.databaseUrl, '--from-store', dataDir, '--user', 'demo.coordinator'),
    ).rejects.toThrow(/demo\.coordinator \(coordinator\) may not do this: it is for administrator users/);
    const after = await partnership.db
      .selectFrom('change_log')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
    expect(await cliRows(dataDir, 'demo.admin')).toEqual([['demo.coordinator', 'denied', 'cli.server-init', 'FORBIDDEN']]);
    // The administrator's own init (by demoOnServer, on laptop A) is in laptop A's trail as theirs.
    expect(await cliRows(partnership.laptopA, 'demo.admin')).toEqual([['demo.admin', 'configure', 'cli.server-init', 'ok']]);
  }, 180_000);

  it('enrol starts the new store’s trail with who made it; each sync is the user’s, audited as an export', async () => {
    const partnership = await demoOnServer();
    const { run, lines } = cliAs();
    const laptopB = path.join(tempDir(), 'laptop-b');
    expect(await run('enrol', '--store', laptopB, '--server', partnership.serverUrl, '--user', 'demo.coach')).toBe(0);
    expect(await run('sync', '--store', laptopB, '--user', 'demo.coach')).toBe(0);
    expect(lines.at(-1)).toBe('In step with the partnership server.');
    expect(await cliRows(laptopB, 'demo.coach')).toEqual([
      ['demo.coach', 'create', 'cli.enrol', 'ok'],
      ['demo.coach', 'export', 'cli.sync', 'started'],
    ]);
    // A username with no slot on this laptop is refused as at the app's unlock (nothing said about who exists).
    await expect(run('sync', '--store', laptopB, '--user', 'demo.admin')).rejects.toThrow(/username or passphrase is not right/);
  }, 180_000);
});
